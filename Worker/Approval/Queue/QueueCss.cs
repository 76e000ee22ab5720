namespace Worker.Approval.Queue;

/// <summary>The queue page's rules on top of the shared phone style: document cards, a placeholder thumbnail, the bottom bar.</summary>
public static class QueueCss
{
    public const string Rules =
        ".doc .head{display:flex;gap:10px;align-items:flex-start}.doc input[type=checkbox]{width:28px;height:28px;flex:none}" +
        ".thumb{flex:none;width:64px;height:auto;min-height:60px;border:1px solid #d9dde3;background:#fff}" +
        "img.page{display:block;width:100%;height:auto;margin:0 0 10px;border:1px solid #d9dde3;background:#fff}" +
        ".pdf{display:block;text-align:center;padding:10px;border:1px solid #9aa5b1;border-radius:8px;color:#1f2933;text-decoration:none}" +
        ".open{display:inline-block;padding:8px 0;color:#0b6e4f;font-weight:600}details{margin-top:8px}summary{color:#b42318;font-weight:600;padding:6px 0}" +
        "label.confirm{display:flex;gap:10px;align-items:center;font-weight:600;padding:8px 0}label.confirm input{width:24px;height:24px}" +
        "textarea,input.secret{display:block;width:100%;font:inherit;padding:8px;margin:4px 0 10px;border:1px solid #9aa5b1;border-radius:6px}" +
        "textarea{min-height:4rem}.bar{position:sticky;bottom:0;background:#fff;border-top:1px solid #d9dee3;padding:12px 16px;max-width:34rem;margin:0 auto}" +
        ".bar button,.doc button{width:100%}.outcomes{padding-left:1.2rem}.outcomes .kept{color:#b42318}";
}
