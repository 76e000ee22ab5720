using System.Globalization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Worker.Web.Resources;

namespace Worker.Web;

/// <summary>
/// The pages' sentences from Web/Resources/Pages*.resx through IStringLocalizer, in the language of the reader (the approver's
/// configured language, not the request's culture): Indonesian by default, English.
/// </summary>
public sealed class PageTexts
{
    private static readonly IStringLocalizer Localizer =
        new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance).Create(typeof(Pages));

    private static readonly CultureInfo Indonesian = CultureInfo.GetCultureInfo("id");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    private readonly CultureInfo culture;

    private PageTexts(CultureInfo culture) => this.culture = culture;

    /// <summary>Indonesian.</summary>
    public static readonly PageTexts Id = new(Indonesian);

    /// <summary>English.</summary>
    public static readonly PageTexts En = new(English);

    /// <summary>English for "en", Indonesian for anything else.</summary>
    public static PageTexts For(string? language) => language == "en" ? En : Id;

    /// <summary>The html lang attribute.</summary>
    public string Lang => culture.Name;

    /// <summary>The sentence named <paramref name="key"/>; a missing key fails loudly rather than showing its name.</summary>
    public string this[string key]
    {
        get
        {
            // The localizer reads the thread's UI culture; set it only for this synchronous read.
            var before = CultureInfo.CurrentUICulture;
            CultureInfo.CurrentUICulture = culture;
            try
            {
                var text = Localizer[key];
                return text.ResourceNotFound ? throw new KeyNotFoundException($"Pages.resx has no text {key}") : text.Value;
            }
            finally
            {
                CultureInfo.CurrentUICulture = before;
            }
        }
    }
}
