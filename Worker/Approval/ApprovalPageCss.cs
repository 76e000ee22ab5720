namespace Worker.Approval;

/// <summary>The decision page's own rules on top of the shared phone style: page images, the PDF link, and the bar fixed at the bottom.</summary>
public static class ApprovalPageCss
{
    public const string Decision =
        "body{padding-bottom:150px}section.pages{margin-left:-12px;margin-right:-12px;padding:12px 4px}section.pages h2{padding:0 12px}img.page{display:block;width:100%;height:auto;margin:0 0 10px;border:1px solid #d9dde3;background:#fff}" +
        ".pdf{display:block;text-align:center;padding:10px;border:1px solid #9aa5b1;border-radius:8px;color:#1f2933;text-decoration:none}" +
        ".clerk-note{white-space:pre-line;background:#fff8e1;padding:10px;border-radius:6px}" +
        "input.secret{display:block;width:100%;font:inherit;padding:10px;margin:4px 0 12px;border:1px solid #9aa5b1;border-radius:6px}" +
        "textarea{width:100%;min-height:5rem;font:inherit;padding:8px;border:1px solid #9aa5b1;border-radius:6px}" +
        ".bar{position:fixed;left:0;right:0;bottom:0;background:#fff;border-top:1px solid #d9dde3;padding:8px 16px calc(8px + env(safe-area-inset-bottom));" +
        "box-shadow:0 -2px 8px rgba(0,0,0,.08)}.bar>*{max-width:34rem;margin-left:auto;margin-right:auto}" +
        "label.confirm{display:flex;gap:10px;align-items:center;font-weight:600;padding:4px 0}input[type=checkbox]{width:24px;height:24px;flex:none}" +
        ".actions{display:flex;gap:10px;margin-top:6px}";
}
