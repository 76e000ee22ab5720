using Worker.Notifications;

namespace Worker.Tests.Notifications;

public class SigningNoticeTemplateTests
{
    [Fact]
    public void Render_DoesNotClaimOperatorsWereTold_WhenNoOperatorWasMailed()
    {
        var text = SigningNoticeTemplate.Render(Failed(operatorsTold: false)).Text;

        Assert.DoesNotContain("Operator sudah diberi tahu", text);
        Assert.DoesNotContain("Operators were told", text);
        Assert.Contains("hubungi operator", text);
    }

    [Fact]
    public void Render_SaysOperatorsWereTold_WhenTheyWereMailed()
    {
        var text = SigningNoticeTemplate.Render(Failed(operatorsTold: true)).Text;

        Assert.Contains("Operator sudah diberi tahu", text);
        Assert.Contains("Operators were told", text);
    }

    private static SigningNoticeMail Failed(bool operatorsTold) => new()
    {
        Filed = false, Title = "Undangan Rapat", SourceName = "undangan.pdf", Signers = ["Dr. Ahmad (Kepala Dinas)"],
        VerifyUrl = "http://127.0.0.1:5080/verify/x", Error = "signer demo: wrong password", At = DateTimeOffset.UtcNow,
        TimeZone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Makassar"), OperatorsTold = operatorsTold,
    };
}
