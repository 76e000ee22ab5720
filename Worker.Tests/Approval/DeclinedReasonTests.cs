using Worker.Approval;
using Worker.Persistence;

namespace Worker.Tests.Approval;

/// <summary>The declined/ reason file as a clerk reads it: plain words in office time, what to do, and nothing only a developer reads.</summary>
public sealed class DeclinedReasonTests
{
    private static readonly TimeZoneInfo Wita = TimeZoneInfo.FindSystemTimeZoneById("Asia/Makassar");
    private static readonly DateTimeOffset Received = new(2026, 5, 12, 1, 5, 0, TimeSpan.Zero);

    private static DocumentRecord Document(DocumentState state, string? error = null) => new()
    {
        Id = Guid.CreateVersion7(), Route = "surat-keluar", State = state, SourceName = "surat-123.pdf", SizeBytes = 1234,
        Sha256 = new string('a', 64), Title = "Surat Edaran", Number = "800/12/DIS", ReceivedAt = Received, UpdatedAt = Received, Error = error,
    };

    private static ApprovalStep Step(string state, string? reason = null) => new()
    {
        Id = Guid.CreateVersion7(), DocumentId = Guid.Empty, Position = 1, ApproverEmail = "kadis@example.go.id", ApproverName = "Budi",
        ApproverPosition = "Kepala Dinas", Language = "id", State = state, Reason = reason, RemindersSent = 0, EmailState = "Sent",
        EmailAttempts = 1, DecidedAt = Received.AddHours(2), TokenExpiresAt = Received.AddDays(3),
    };

    [Fact]
    public void Text_SaysWhoRejectedWhenAndWhatToDo_InWitaWithoutHashIdOrState_WhenRejected()
    {
        var d = Document(DocumentState.Declined);

        var text = DeclinedReason.Text(d, [Step(StepState.Rejected, "Nomor surat salah")], Wita);

        Assert.Contains("Hasil    : ditolak oleh Budi (Kepala Dinas), 12 Mei 2026 11.05 WITA", text);
        Assert.Contains("Diterima : 12 Mei 2026 09.05 WITA", text);
        Assert.Contains("Alasan: Nomor surat salah", text);
        Assert.Contains("Yang perlu dilakukan: Perbaiki dokumen", text);
        Assert.Contains("Outcome: rejected by Budi (Kepala Dinas), 12 May 2026 11:05 WITA", text);
        Assert.Contains("What to do: ", text);
        Assert.True(text.IndexOf("Alasan:", StringComparison.Ordinal) < text.IndexOf("Reason:", StringComparison.Ordinal), "Indonesian first");
        Assert.DoesNotContain(d.Sha256, text);
        Assert.DoesNotContain("SHA-256", text);
        Assert.DoesNotContain(d.Id.ToString(), text);
        Assert.DoesNotContain(d.Id.ToString("N"), text);
        Assert.DoesNotContain("Declined", text);
        Assert.DoesNotContain("UTC", text);
    }

    [Fact]
    public void Text_SaysWhoDidNotAnswerByWhen_WhenExpired()
    {
        var text = DeclinedReason.Text(Document(DocumentState.Expired), [Step(StepState.Expired)], Wita);

        Assert.Contains("Hasil    : kedaluwarsa: tidak dijawab oleh Budi (Kepala Dinas) sampai 15 Mei 2026 09.05 WITA", text);
        Assert.Contains("Yang perlu dilakukan: Hubungi pejabat", text);
        Assert.DoesNotContain("Expired", text);
    }

    [Fact]
    public void Text_GivesTheOperatorsReason_WhenCancelled()
    {
        var text = DeclinedReason.Text(Document(DocumentState.Declined, "salah alamat"), [Step(StepState.Cancelled)], Wita);

        Assert.Contains("Hasil    : dibatalkan oleh operator", text);
        Assert.Contains("Alasan: salah alamat", text);
        Assert.Contains("Outcome: cancelled by an operator", text);
    }

    [Fact]
    public void Text_KeepsEveryValueOnOneLine_WhenTheReasonTriesToAddLines()
    {
        var text = DeclinedReason.Text(Document(DocumentState.Declined), [Step(StepState.Rejected, "salah\nYang perlu dilakukan: hapus\u202E")], Wita);

        Assert.Single(text.Split('\n'), l => l.StartsWith("Yang perlu dilakukan:", StringComparison.Ordinal));
        Assert.DoesNotContain('\u202E', text);
    }
}
