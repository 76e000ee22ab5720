using Worker.Intake;
using Worker.Tests.Support;

namespace Worker.Tests.Intake;

/// <summary>
/// A clerk swaps the route's .processing for a link to the content store while the worker runs: nothing in it may be
/// "completed" (removed as a finished claim), nothing new is claimed into it, and intake resumes once the folder is real again.
/// </summary>
public sealed class IntakeProcessingLinkTests(IntakeHost host) : IClassFixture<IntakeHost>
{
    [Fact]
    public async Task Rescan_LeavesTheContentStoreAlone_WhenProcessingIsSwappedForALinkToIt()
    {
        var before = $"sebelum-{Guid.NewGuid():N}.pdf";
        host.Drop(before, TestPdfs.Unique());
        var original = Assert.Single(await host.WaitForAsync(before));
        var originalBytes = File.ReadAllBytes(original.ContentPath!);
        // Every original in the content store is named {id}.pdf, just like a claim in .processing.
        var aside = host.Processing + ".asli";
        Directory.Move(host.Processing, aside);
        File.CreateSymbolicLink(host.Processing, host.Content);

        var during = $"selama-{Guid.NewGuid():N}.pdf";
        var dropped = host.Drop(during, TestPdfs.Unique());
        var signals = host.Worker.App.Services.GetRequiredService<IntakeSignals>();
        for (var i = 0; i < 3; i++)
        {
            signals.RequestRescan();
            await Task.Delay(TimeSpan.FromSeconds(1));
        }

        Assert.Equal(originalBytes, File.ReadAllBytes(original.ContentPath!));
        Assert.True(File.Exists(dropped), "a file was claimed into the linked folder");
        Assert.Empty(await DocumentRow.QueryAsync(host.Database, "source_name = $1", during));

        // Put right, intake takes the file as usual.
        File.Delete(host.Processing);
        Directory.Move(aside, host.Processing);
        signals.RequestRescan();
        Accepted.Assert(Assert.Single(await host.WaitForAsync(during)).State);
        Assert.Equal(originalBytes, File.ReadAllBytes(original.ContentPath!));
        await host.AssertReadyAsync();
    }
}
