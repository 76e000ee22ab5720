using Hangfire;
using Hangfire.Storage;
using Worker.Hosting;
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
    public void Resolve_LeavesNamesThatNeverMoved_AsHangfireReadsThem()
    {
        Assert.Equal(typeof(Worker.Approval.ApprovalMailJob), LegacyJobTypes.Resolve("Worker.Approval.ApprovalMailJob, Worker"));
    }
}
