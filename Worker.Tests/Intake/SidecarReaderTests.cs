using Worker.Intake;

namespace Worker.Tests.Intake;

public sealed class SidecarReaderTests
{
    [Fact]
    public void TryParse_ReadsEveryField_WhenSidecarIsValid()
    {
        var ok = SidecarReader.TryParse("a.pdf.json",
            """{ "Title": " Surat ", "number": "1/2", "submitterEmail": "a@b.go.id", "note": null, }""", out var sidecar, out var problem);
        Assert.True(ok);
        Assert.Null(problem);
        Assert.Equal(new Sidecar { Title = "Surat", Number = "1/2", SubmitterEmail = "a@b.go.id" }, sidecar);
    }

    [Theory]
    [InlineData("", "not valid JSON")]
    [InlineData("\"title\"", "must be a JSON object")]
    [InlineData("{ \"title\": 1 }", "must be text")]
    [InlineData("{ \"nomor\": \"1\" }", "unknown field \"nomor\"")]
    [InlineData("{ \"submitterEmail\": \"x@\" }", "not an email address")]
    public void TryParse_SaysWhy_WhenSidecarIsBad(string text, string english)
    {
        Assert.False(SidecarReader.TryParse("a.pdf.json", text, out _, out var problem));
        Assert.Contains(english, problem!.English);
        Assert.Contains("a.pdf.json", problem.Indonesian);
    }

    [Fact]
    public void TryParse_Refuses_WhenAFieldIsTooLong() =>
        Assert.False(SidecarReader.TryParse("a.pdf.json", $"{{ \"note\": \"{new string('x', 2001)}\" }}", out _, out _));
}
