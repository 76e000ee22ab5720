using System.Net;
using System.Text;
using Worker.Notifications;

namespace Worker.Approval;

/// <summary>The approval pages: phone-first HTML with inline CSS (allowed by a per-response nonce), no script, nothing external.</summary>
public static class ApprovalPage
{
    private const string Css =
        "*{box-sizing:border-box}body{margin:0;font:16px/1.5 system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif;color:#1f2933;background:#f4f5f7}" +
        "main{max-width:34rem;margin:0 auto;padding:16px}section{background:#fff;border-radius:10px;padding:16px;margin-bottom:12px}" +
        "h1{font-size:1.3rem;margin:0 0 8px}dl{display:grid;grid-template-columns:max-content 1fr;gap:4px 12px;margin:12px 0}" +
        "dt{color:#52606d}dd{margin:0;overflow-wrap:anywhere}code{font-size:.9rem}.pdf{display:block;text-align:center;padding:12px;border:2px solid #0b6e4f;" +
        "border-radius:8px;color:#0b6e4f;font-weight:600;text-decoration:none}.note{color:#52606d;font-size:.9rem}" +
        "label.confirm{display:flex;gap:10px;align-items:center;font-weight:600;padding:10px 0}input[type=checkbox]{width:24px;height:24px}" +
        "input.secret{display:block;width:100%;font:inherit;padding:10px;margin:4px 0 12px;border:1px solid #9aa5b1;border-radius:6px}" +
        "textarea{width:100%;min-height:5rem;font:inherit;padding:8px;border:1px solid #9aa5b1;border-radius:6px}" +
        ".actions{display:flex;gap:10px;margin-top:12px}button{flex:1;font:inherit;font-weight:700;padding:14px;border-radius:8px;border:0}" +
        ".approve{background:#0b6e4f;color:#fff}.reject{background:#fff;color:#b42318;border:2px solid #b42318}" +
        ".error{background:#fdecea;color:#b42318;padding:10px;border-radius:6px}";

    private static string E(string? s) => WebUtility.HtmlEncode(s ?? "");

    public static string Decision(ApprovalPageModel m, string nonce)
    {
        var t = m.Texts;
        var d = m.Document;
        var b = new StringBuilder();
        Open(b, t.Lang, t.PageTitle, nonce);
        b.Append($"<section><h1>{E(t.PageTitle)}</h1><p>{E(string.Format(t.Greeting, m.Step.ApproverName))}</p><p>{E(t.Intro)}</p><dl>");
        string[] values =
        [
            d.Title, d.Number ?? "—", d.SubmitterEmail ?? "—", d.PageCount?.ToString() ?? "—",
            LocalTime.Size(d.SizeBytes, t.Lang), LocalTime.Format(d.ReceivedAt, m.Zone, t.Lang),
        ];
        for (var i = 0; i < values.Length; i++) b.Append($"<dt>{E(t.Labels[i])}</dt><dd>{E(values[i])}</dd>");
        b.Append($"<dt>SHA-256</dt><dd><code>{E(LocalTime.ShortHash(d.Sha256))} …</code></dd></dl>");
        b.Append($"<a class=\"pdf\" href=\"/approve/{E(m.Token)}/document\" target=\"_blank\" rel=\"noopener noreferrer\">{E(t.ViewPdf)}</a>");
        var until = m.Step.TokenExpiresAt is { } expires ? LocalTime.Format(expires, m.Zone, t.Lang) : "—";
        b.Append($"<p class=\"note\">{E(string.Format(t.ValidUntil, until))}</p></section>");

        b.Append($"<section><form method=\"post\" action=\"/approve/{E(m.Token)}\">");
        if (m.Error is not null) b.Append($"<p class=\"error\" role=\"alert\">{E(m.Error)}</p>");
        b.Append($"<input type=\"hidden\" name=\"{E(m.AntiforgeryField)}\" value=\"{E(m.AntiforgeryToken)}\">");
        b.Append($"<label class=\"confirm\"><input type=\"checkbox\" name=\"confirm\" value=\"yes\" required> {E(t.Confirm)}</label>");
        if (m.Secret is { } secret) SecretField(b, m, secret);
        b.Append($"<label for=\"reason\">{E(t.ReasonLabel)}</label>");
        b.Append($"<textarea id=\"reason\" name=\"reason\" maxlength=\"{m.ReasonMaxLength}\">{E(m.Reason)}</textarea>");
        b.Append("<div class=\"actions\">");
        if (m.Secret is not { Blocked: not null })
            b.Append($"<button class=\"approve\" type=\"submit\" name=\"decision\" value=\"approve\">{E(t.Approve)}</button>");
        b.Append($"<button class=\"reject\" type=\"submit\" name=\"decision\" value=\"reject\">{E(t.Reject)}</button>");
        b.Append("</div>");
        // After Approve, so Enter in the code field approves instead of asking for another code.
        if (m.Secret is { Signing.Totp: true, Blocked: null })
            b.Append($"<div class=\"actions\"><button class=\"reject\" type=\"submit\" name=\"decision\" value=\"sendcode\" formnovalidate>" +
                     $"{E(SecretTexts.For(t.Lang, totp: true).SendCode)}</button></div>");
        b.Append("</form></section>");
        Close(b);
        return b.ToString();
    }

    // Never pre-filled: a refused post shows the field empty again. A blocked signing shows why before anything is typed.
    private static void SecretField(StringBuilder b, ApprovalPageModel m, SecretPrompt secret)
    {
        var s = SecretTexts.For(m.Texts.Lang, secret.Signing);
        if (secret.Blocked is not null)
        {
            b.Append($"<p class=\"error\" role=\"status\" id=\"signing-blocked\">{E(secret.Blocked)}</p>");
            return;
        }
        b.Append($"<p class=\"note\">{E(string.Format(s.Sentence, m.Step.ApproverName, m.Step.ApproverPosition))}</p>");
        if (secret.CodeSent) b.Append($"<p class=\"note\" role=\"status\">{E(s.CodeSent)}</p>");
        b.Append($"<label for=\"passphrase\">{E(s.Label)}</label>");
        var numeric = secret.Signing.Totp ? " inputmode=\"numeric\"" : "";
        b.Append($"<input class=\"secret\" type=\"password\" id=\"passphrase\" name=\"passphrase\" autocomplete=\"off\"{numeric} autocapitalize=\"off\" spellcheck=\"false\">");
    }

    /// <summary>A page with a heading and one sentence: results, refusals, and links that no longer work.</summary>
    public static string Message(ApprovalTexts t, string title, string text, string nonce)
    {
        var b = new StringBuilder();
        Open(b, t.Lang, title, nonce);
        b.Append($"<section><h1>{E(title)}</h1><p>{E(text)}</p></section>");
        Close(b);
        return b.ToString();
    }

    private static void Open(StringBuilder b, string lang, string title, string nonce) =>
        b.Append($"<!DOCTYPE html><html lang=\"{E(lang)}\"><head><meta charset=\"utf-8\">")
         .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><meta name=\"robots\" content=\"noindex\">")
         .Append($"<title>{E(title)}</title><style nonce=\"{E(nonce)}\">{Css}</style></head><body><main>");

    private static void Close(StringBuilder b) => b.Append("</main></body></html>");
}
