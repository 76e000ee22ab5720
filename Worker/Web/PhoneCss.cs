namespace Worker.Web;

/// <summary>The style every phone page shares: system fonts, white cards on grey, large tap targets.</summary>
public static class PhoneCss
{
    public const string Base =
        "*{box-sizing:border-box}body{margin:0;font:16px/1.5 system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif;color:#1f2933;background:#f4f5f7}" +
        "main{max-width:34rem;margin:0 auto;padding:16px}section{background:#fff;border-radius:10px;padding:16px;margin-bottom:12px}" +
        "h1{font-size:1.3rem;margin:0 0 8px}h2{font-size:1.1rem;margin:0 0 8px}" +
        "dl{display:grid;grid-template-columns:max-content 1fr;gap:4px 12px;margin:12px 0}dt{color:#52606d}dd{margin:0;overflow-wrap:anywhere}" +
        ".note{color:#52606d;font-size:.9rem}.error{background:#fdecea;color:#b42318;padding:10px;border-radius:6px}" +
        "button{flex:1;font:inherit;font-weight:700;padding:14px;border-radius:8px;border:0}" +
        ".approve{background:#0b6e4f;color:#fff}.reject{background:#fff;color:#b42318;border:2px solid #b42318}";
}
