using System.Xml.Linq;
using Worker.Approval;
using Worker.Tests.Support;
using Worker.Web;

namespace Worker.Tests.Web;

public class PageTextsTests
{
    [Fact]
    public void Indexer_ReadsTheReadersLanguage_NotTheThreadsCulture()
    {
        var before = System.Globalization.CultureInfo.CurrentUICulture;
        System.Globalization.CultureInfo.CurrentUICulture = System.Globalization.CultureInfo.GetCultureInfo("en-US");
        try
        {
            Assert.Equal("Setujui", ApprovalTexts.Id.Approve);
            Assert.Equal("Approve", ApprovalTexts.En.Approve);
            Assert.Equal("id", PageTexts.For("fr").Lang);
            Assert.Equal("en-US", System.Globalization.CultureInfo.CurrentUICulture.Name);
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentUICulture = before;
        }
    }

    [Fact]
    public void Indexer_Throws_WhenAKeyIsMissing() => Assert.Throws<KeyNotFoundException>(() => PageTexts.Id["NoSuchText"]);

    [Fact]
    public void Resources_HaveTheSameKeysInIndonesianAndEnglish_AndEveryKeyDiffers()
    {
        var folder = Path.Combine(RepoPaths.Root, "Worker", "Web", "Resources");
        var id = Keys(Path.Combine(folder, "Pages.resx"));
        var en = Keys(Path.Combine(folder, "Pages.en.resx"));
        Assert.Equal(id.Keys.Order(), en.Keys.Order());
        // An English text copied into the Indonesian file (or the reverse) shows as the same sentence twice.
        Assert.Empty(id.Where(p => p.Value.Length > 12 && en[p.Key] == p.Value).Select(p => p.Key));
    }

    private static Dictionary<string, string> Keys(string path) =>
        XDocument.Load(path).Root!.Elements("data").ToDictionary(d => (string)d.Attribute("name")!, d => (string)d.Element("value")!);
}
