using Worker.Notifications;

namespace Worker.Tests.Notifications;

public class ApprovalRequestTemplateTests
{
    [Theory]
    [InlineData("id", "jangan balas email ini")]
    [InlineData("en", "do not reply to this email")]
    public void Render_SaysNotToReply_InBothPartsAndLanguages(string language, string sentence)
    {
        var mail = ApprovalRequestTemplate.Render(Request(language));

        Assert.Contains(sentence, mail.Text);
        Assert.Contains(sentence, mail.Html);
        Assert.Contains("tu@example.go.id", mail.Text);
    }

    private static ApprovalRequestMail Request(string language) => new()
    {
        Language = language, ApproverName = "Dr. Ahmad", Title = "Surat Edaran", SizeBytes = 1000, ReceivedAt = DateTimeOffset.UtcNow,
        Sha256 = new string('a', 64), Link = "http://127.0.0.1:5080/approve/x", ExpiresAt = DateTimeOffset.UtcNow.AddDays(3),
        Contact = "tu@example.go.id", TimeZone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Makassar"),
    };
}
