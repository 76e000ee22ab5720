using Worker.Notifications;
using Worker.Tests.Support;

namespace Worker.Tests.Notifications;

public sealed class MailDeliveryTests(MailDeliveryTests.MailDownHost host) : IClassFixture<MailDeliveryTests.MailDownHost>
{
    /// <summary>The mail server is down when the worker starts.</summary>
    public sealed class MailDownHost : ApprovalHost
    {
        protected override bool SmtpUpAtStart => false;
    }

    [Fact]
    public async Task DeliverAsync_SendsExactlyOnce_WhenSmtpComesBackAfterAFailure()
    {
        var (id, title) = await host.SubmitAsync();
        string? failed;
        try
        {
            failed = await Eventually.Async(
                () => host.Database.ScalarAsync<string>(
                    $"SELECT email_state || ': ' || coalesce(email_last_error, '') FROM worker.approval_steps WHERE document_id = '{id}'"),
                s => s is not null && s.StartsWith("Failed: ") && s.Length > 8, what: "the step showing the failed email");
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"{e.Message}; jobs: {await host.JobsAsync()}", e);
        }
        Assert.Contains("Failed", failed);
        Assert.Equal("Failed", await host.Database.ScalarAsync<string>($"SELECT state FROM worker.outbox WHERE document_id = '{id}'"));

        host.Smtp.Start();
        await host.Smtp.WaitForAsync(ApprovalHost.Approver, title, timeout: TimeSpan.FromSeconds(45));
        await Eventually.Async(() => host.Database.ScalarAsync<string>($"SELECT email_state FROM worker.approval_steps WHERE document_id = '{id}'"),
            s => s == "Sent", what: "the step showing the email sent");
        Assert.Null(await host.Database.ScalarAsync<string>($"SELECT email_last_error FROM worker.approval_steps WHERE document_id = '{id}'"));

        // A retry of the same job after the send (a crash before Hangfire recorded success) sends nothing.
        var outbox = await host.Database.ScalarAsync<Guid>($"SELECT id FROM worker.outbox WHERE document_id = '{id}'");
        await host.Worker.App.Services.GetRequiredService<ApprovalMailJob>().DeliverAsync([outbox], CancellationToken.None);
        await Task.Delay(6000);
        Assert.Single(host.Smtp.Matching(ApprovalHost.Approver, title));
        Assert.Equal(1L, await host.Database.ScalarAsync<long>($"SELECT count(*) FROM worker.outbox WHERE document_id = '{id}' AND sent_at IS NOT NULL"));
    }
}
