using System.Net;
using Worker.Approval;
using Worker.Tests.Support;

namespace Worker.Tests.Approval;

public sealed class ApprovalStepsTests(ApprovalHost host) : IClassFixture<ApprovalHost>
{
    [Fact]
    public async Task Post_AsksTheNextApprover_WhenTheRouteIsSequential()
    {
        var (id, title, token) = await host.SubmitAndReadLinkAsync("dua-pejabat");
        Assert.Equal("Pending", await host.StepStateAsync(id, 2));
        Assert.Empty(host.Smtp.Matching(ApprovalHost.SecondApprover, title));
        using var client = host.Client();
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync(token, "approve", confirm: true)).Status);
        Assert.Equal("AwaitingApproval", await host.StateAsync(id));

        var second = (await host.Smtp.WaitForAsync(ApprovalHost.SecondApprover, title)).Single();
        await host.SentRecordedAsync(id, 2);
        Assert.StartsWith("Approval requested", second.Subject);
        var (page, body, _) = await client.GetAsync($"/approve/{ApprovalClient.TokenFrom(second)}");
        Assert.Equal(HttpStatusCode.OK, page);
        Assert.Contains("I have read this document", body);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync(ApprovalClient.TokenFrom(second), "approve", confirm: true)).Status);
        // Signing may already have filed it: approval's part is done either way.
        Assert.Contains(await host.StateAsync(id), new[] { "Approved", "Filed" });
    }

    [Fact]
    public async Task StartAsync_ChangesNothing_WhenRunTwice()
    {
        var (id, title, _) = await host.SubmitAndReadLinkAsync();
        var starter = host.Worker.App.Services.GetRequiredService<IApprovalStarter>();
        await starter.StartAsync(id, CancellationToken.None);
        await starter.StartAsync(id, CancellationToken.None);
        await Task.Delay(1500);
        Assert.Single(host.Smtp.Matching(ApprovalHost.Approver, title));
        Assert.Equal(1L, await host.Database.ScalarAsync<long>($"SELECT count(*) FROM worker.approval_steps WHERE document_id = '{id}'"));
    }

    [Fact]
    public async Task ResendAsync_KillsTheOldLink_AndMailsANewOne()
    {
        var (id, title, oldToken) = await host.SubmitAndReadLinkAsync();
        var stepId = await host.Database.ScalarAsync<Guid>($"SELECT id FROM worker.approval_steps WHERE document_id = '{id}'");
        var links = host.Worker.App.Services.GetRequiredService<ApprovalLinks>();
        Assert.True(await links.ResendAsync(stepId, "operator", CancellationToken.None));

        using var client = host.Client();
        var (old, body, _) = await client.GetAsync($"/approve/{oldToken}");
        Assert.Equal(HttpStatusCode.Gone, old);
        Assert.Contains("diganti", body);
        var mails = await host.Smtp.WaitForAsync(ApprovalHost.Approver, title, count: 2);
        await host.SentRecordedAsync(id, 2);
        var newToken = ApprovalClient.TokenFrom(mails[1]);
        Assert.NotEqual(oldToken, newToken);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/approve/{newToken}")).Status);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync(newToken, "approve", confirm: true)).Status);
        Assert.False(await links.ResendAsync(stepId, "operator", CancellationToken.None));
    }

    [Fact]
    public async Task Logs_NeverContainTheToken()
    {
        var (_, _, token) = await host.SubmitAndReadLinkAsync();
        using var client = host.Client();
        await client.GetAsync($"/approve/{token}");
        await client.GetAsync($"/approve/{token}/document");
        await client.PostAsync(token, "approve", confirm: true);
        await Task.Delay(500);
        foreach (var file in Directory.GetFiles(host.Worker.Options.LogDirectory))
        {
            using var reader = new StreamReader(new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite));
            Assert.DoesNotContain(token, await reader.ReadToEndAsync());
        }
    }
}
