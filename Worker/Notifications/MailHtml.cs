using System.Net;
using System.Text;

namespace Worker.Notifications;

/// <summary>A plain, table-based HTML email that renders the same in webmail and phone clients (they ignore style sheets).</summary>
public static class MailHtml
{
    public static string Enc(string? value) => WebUtility.HtmlEncode(value ?? "");

    /// <summary>Paragraphs are already-encoded HTML; rows are encoded here.</summary>
    public static string Page(string language, string heading, IEnumerable<string> before, IEnumerable<(string Label, string Value)> rows,
        (string Text, string Url)? button, IEnumerable<string> after)
    {
        var b = new StringBuilder();
        b.Append($"<!DOCTYPE html><html lang=\"{Enc(language)}\"><head><meta charset=\"utf-8\"><title>{Enc(heading)}</title></head>");
        b.Append("<body style=\"margin:0;padding:16px;background:#f4f5f7;font-family:Arial,Helvetica,sans-serif;color:#1f2933\">");
        b.Append("<table role=\"presentation\" width=\"100%\" style=\"max-width:560px;margin:0 auto;background:#ffffff;border-radius:8px;padding:20px\">");
        b.Append($"<tr><td><h1 style=\"font-size:20px;margin:0 0 12px\">{Enc(heading)}</h1>");
        foreach (var p in before) b.Append($"<p style=\"font-size:15px;line-height:1.5\">{p}</p>");
        b.Append("<table role=\"presentation\" style=\"font-size:14px;border-collapse:collapse;width:100%\">");
        foreach (var (label, value) in rows)
            b.Append($"<tr><td style=\"padding:4px 8px 4px 0;color:#52606d;vertical-align:top\">{Enc(label)}</td><td style=\"padding:4px 0\">{Enc(value)}</td></tr>");
        b.Append("</table>");
        if (button is { } btn)
            b.Append($"<p style=\"margin:20px 0\"><a href=\"{Enc(btn.Url)}\" style=\"display:inline-block;background:#0b6e4f;color:#ffffff;padding:12px 20px;border-radius:6px;text-decoration:none;font-weight:bold\">{Enc(btn.Text)}</a></p>");
        foreach (var p in after) b.Append($"<p style=\"font-size:13px;line-height:1.5;color:#52606d\">{p}</p>");
        b.Append("</td></tr></table></body></html>");
        return b.ToString();
    }

    /// <summary>Label: value lines for the plain-text part.</summary>
    public static string Rows(IEnumerable<(string Label, string Value)> rows) =>
        string.Join("\n", rows.Select(r => $"{r.Label}: {r.Value}"));
}
