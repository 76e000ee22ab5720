using Worker.Tests.Support;

namespace Worker.Tests.Intake;

[Collection(SharedIntakeCollection.Name)]
public sealed class IntakeDuplicateTests(SharedIntakeHost host)
{
    [Fact]
    public async Task Drop_MarksDuplicate_WhenTheSameContentIsStillOpen()
    {
        var bytes = TestPdfs.Unique("annotated_pdf.pdf");
        host.Drop("asli.pdf", bytes);
        var first = Assert.Single(await host.WaitForAsync("asli.pdf"));
        host.Drop("salinan.pdf", bytes);
        var second = Assert.Single(await host.WaitForAsync("salinan.pdf"));

        Accepted.Assert(first.State);
        Assert.Equal("Duplicate", second.State);
        Assert.Equal(0, await DocumentRow.HandOffsAsync(host.Database, second.Id));
        Assert.Equal(0, await DocumentRow.ApprovalJobsAsync(host.Database, second.Id));
        var (_, error) = host.FailedFile("salinan.pdf");
        // The clerk's reason names the earlier document by its title, not by id or state name (those are in the audit trail).
        Assert.DoesNotContain(first.Id.ToString(), error);
        Assert.Contains("\"asli\"", error); // the title is the file name when the clerk gave none (not the PDF metadata)
        Assert.Contains("duplikat", error);
        Assert.Contains($"same content as {first.Id}", await host.Database.ScalarAsync<string>(
            $"SELECT detail FROM worker.audit_events WHERE document_id = '{second.Id}' AND action = 'duplicate'"));
    }

    [Theory]
    [InlineData("AwaitingApproval", "Duplicate")]
    [InlineData("Filed", "Duplicate")]
    [InlineData("Declined", "Received")]
    [InlineData("Expired", "Received")]
    [InlineData("Failed", "Received")]
    public async Task Drop_DecidesByTheEarlierState_WhenTheSameContentArrivesAgain(string earlierState, string expected)
    {
        var bytes = TestPdfs.Unique();
        var first = $"pertama-{earlierState}.pdf";
        host.Drop(first, bytes);
        var earlier = Assert.Single(await host.WaitForAsync(first));
        await host.Database.ExecuteAsync($"UPDATE worker.documents SET state = '{earlierState}' WHERE id = '{earlier.Id}'");

        var again = $"lagi-{earlierState}.pdf";
        host.Drop(again, bytes);
        var row = Assert.Single(await host.WaitForAsync(again));
        if (expected == "Duplicate") Assert.Equal(expected, row.State);
        else Accepted.Assert(row.State);
        if (expected == "Duplicate") Assert.Contains(earlierState == "Filed" ? "sudah ditandatangani" : "sedang diproses", host.FailedFile(again).Error);
        else Assert.Equal(1, await DocumentRow.RelayedApprovalJobsAsync(host.Database, row.Id));
    }

    [Fact]
    public async Task Drop_RecordsANewDocument_WhenReDroppedAfterInvalid()
    {
        var bytes = TestPdfs.Unique();
        host.Drop("perbaikan.pdf.json", "{ \"title\": 42 }"u8.ToArray());
        host.Drop("perbaikan.pdf", bytes);
        var refused = Assert.Single(await host.WaitForAsync("perbaikan.pdf"));
        Assert.Equal("Invalid", refused.State);

        host.Drop("perbaikan.pdf.json", "{ \"title\": \"Surat yang diperbaiki\" }"u8.ToArray());
        host.Drop("perbaikan.pdf", bytes);
        var rows = await host.WaitForAsync("perbaikan.pdf", count: 2);
        Accepted.Assert(rows[1].State);
        Assert.Equal("Surat yang diperbaiki", rows[1].Title);
        Assert.Equal(refused.Sha256, rows[1].Sha256);
    }
}
