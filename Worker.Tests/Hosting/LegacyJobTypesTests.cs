using Hangfire;
using Hangfire.Storage;
using Worker.Hosting;
using Worker.Notifications;
using Worker.Signing;

namespace Worker.Tests.Hosting;

/// <summary>A job stored before its type moved folder still runs after the upgrade.</summary>
public sealed class LegacyJobTypesTests
{
    [Fact]
    public void DeserializeJob_FindsTheSigningJob_WhenItWasStoredUnderApprovalsOldName()
    {
        GlobalConfiguration.Configuration.UseWorkerSerialization();
        var id = Guid.NewGuid();
        var stored = InvocationData.SerializeJob(Hangfire.Common.Job.FromExpression<ISigningStarter>(s => s.SignAsync(id, CancellationToken.None)));
        Assert.Equal("Worker.Signing.ISigningStarter, Worker", stored.Type);

        // As a job enqueued by the previous release sits in the hangfire.job table.
        var old = new InvocationData("Worker.Approval.ISigningStarter, Worker", stored.Method, stored.ParameterTypes, stored.Arguments);
        var job = old.DeserializeJob();

        Assert.Equal(typeof(ISigningStarter), job.Type);
        Assert.Equal(nameof(ISigningStarter.SignAsync), job.Method.Name);
        Assert.Equal(id, job.Args[0]);
    }

    [Fact]
    public void DeserializeJob_FindsTheMailJob_WhenItWasStoredUnderApprovalsOldName()
    {
        GlobalConfiguration.Configuration.UseWorkerSerialization();
        Guid[] outbox = [Guid.NewGuid(), Guid.NewGuid()];
        var stored = InvocationData.SerializeJob(Hangfire.Common.Job.FromExpression<ApprovalMailJob>(m => m.DeliverAsync(outbox, CancellationToken.None)));
        Assert.Equal("Worker.Notifications.ApprovalMailJob, Worker", stored.Type);

        var old = new InvocationData("Worker.Approval.ApprovalMailJob, Worker", stored.Method, stored.ParameterTypes, stored.Arguments);
        var job = old.DeserializeJob();

        Assert.Equal(typeof(ApprovalMailJob), job.Type);
        Assert.Equal(nameof(ApprovalMailJob.DeliverAsync), job.Method.Name);
        Assert.Equal(outbox, job.Args[0]);
    }

    [Fact]
    public void Resolve_LeavesNamesThatNeverMoved_AsHangfireReadsThem()
    {
        Assert.Equal(typeof(Worker.Approval.DeclinedFiling), LegacyJobTypes.Resolve("Worker.Approval.DeclinedFiling, Worker"));
    }
}
