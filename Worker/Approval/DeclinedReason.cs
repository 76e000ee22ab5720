using System.Text;
using Worker.Filing;
using Worker.Notifications;
using Worker.Persistence;

namespace Worker.Approval;

/// <summary>
/// What declined/NAME.reason.txt says, as a clerk reads it (like failed/NAME.error.txt): the file, when it came and what happened
/// in office time, the reason and what to do, in Indonesian then English; no hash, document id or state name (those are on the
/// dashboard and in the log). Every value is cleaned to one line, so no title or reason can add lines.
/// </summary>
public static class DeclinedReason
{
    /// <summary>The reason file's text for a declined, cancelled or expired document.</summary>
    public static string Text(DocumentRecord d, IReadOnlyList<ApprovalStep> steps, TimeZoneInfo zone)
    {
        var rejected = steps.FirstOrDefault(s => s.State == StepState.Rejected);
        var expired = steps.FirstOrDefault(s => s.State == StepState.Expired);
        string At(DateTimeOffset? at, string language) => LocalTime.Format(at ?? d.ReceivedAt, zone, language);
        string outcome, outcomeEn, reason, reasonEn, todo, todoEn;
        if (d.State == DocumentState.Expired)
        {
            var who = expired is null ? "" : $" oleh {Who(expired)}";
            var whoEn = expired is null ? "" : $" by {Who(expired)}";
            outcome = $"kedaluwarsa: tidak dijawab{who} sampai {At(expired?.TokenExpiresAt, "id")}";
            outcomeEn = $"expired: not answered{whoEn} by {At(expired?.TokenExpiresAt, "en")}";
            reason = "Batas waktu persetujuan habis sebelum ada jawaban.";
            reasonEn = "The time for approval ran out before anyone answered.";
            todo = "Hubungi pejabat yang bersangkutan, lalu kirim berkas ini lagi ke folder inbox bila masih perlu ditandatangani.";
            todoEn = "Contact the official, then drop this file in the inbox again if it still needs signing.";
        }
        else if (rejected is null && d.Error is not null)
        {
            // Cancelled by an operator: nobody rejected it, the operator's reason is on the document.
            outcome = "dibatalkan oleh operator";
            outcomeEn = "cancelled by an operator";
            reason = reasonEn = PlainText.Clean(d.Error);
            todo = "Bila dokumen ini masih perlu ditandatangani, tanyakan kepada operator lalu kirim lagi ke folder inbox.";
            todoEn = "If the document still needs signing, ask an operator, then drop it in the inbox again.";
        }
        else
        {
            outcome = rejected is null ? "ditolak" : $"ditolak oleh {Who(rejected)}, {At(rejected.DecidedAt, "id")}";
            outcomeEn = rejected is null ? "rejected" : $"rejected by {Who(rejected)}, {At(rejected.DecidedAt, "en")}";
            reason = reasonEn = PlainText.Clean(rejected?.Reason ?? "");
            todo = "Perbaiki dokumen sesuai alasan di atas, lalu kirim lagi ke folder inbox sebagai berkas PDF baru.";
            todoEn = "Correct the document as the reason says, then drop it in the inbox again as a new PDF.";
        }
        var name = PlainText.Clean(FileNames.Plain(d.SourceName));
        var title = PlainText.Clean(d.Title);
        var number = d.Number is null ? null : PlainText.Clean(d.Number);
        var b = new StringBuilder();
        b.AppendLine($"Berkas   : {name}");
        b.AppendLine($"Judul    : {title}");
        if (number is not null) b.AppendLine($"Nomor    : {number}");
        b.AppendLine($"Diterima : {At(d.ReceivedAt, "id")}");
        b.AppendLine($"Hasil    : {outcome}");
        b.AppendLine();
        b.AppendLine($"Alasan: {reason}");
        b.AppendLine($"Yang perlu dilakukan: {todo}");
        b.AppendLine();
        b.AppendLine($"File: {name}");
        b.AppendLine($"Title: {title}");
        if (number is not null) b.AppendLine($"Number: {number}");
        b.AppendLine($"Received: {At(d.ReceivedAt, "en")}");
        b.AppendLine($"Outcome: {outcomeEn}");
        b.AppendLine();
        b.AppendLine($"Reason: {reasonEn}");
        b.AppendLine($"What to do: {todoEn}");
        return b.ToString();
    }

    private static string Who(ApprovalStep s) =>
        PlainText.Clean(s.ApproverPosition.Length > 0 ? $"{s.ApproverName} ({s.ApproverPosition})" : s.ApproverName);
}
