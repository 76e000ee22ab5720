using System.Text;
using Worker.Api;

namespace Worker.Tests.Api;

/// <summary>The webhook signature covers the time and the body; a receiver refuses a changed body, a changed time and a replay.</summary>
public sealed class WebhookSignatureTests
{
    private static readonly byte[] Secret = Encoding.UTF8.GetBytes("whsec-test-0123456789abcdef");
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("{\"event\":\"document.state_changed\",\"state\":\"Filed\"}");
    private static readonly DateTimeOffset At = DateTimeOffset.Parse("2026-03-02T01:12:11Z");

    [Fact]
    public void Sign_PutsTheTimeInTheHeader_AndSignsTimeDotBody()
    {
        var header = WebhookSignature.Sign(Secret, At, Body);
        Assert.StartsWith($"t={At.ToUnixTimeSeconds()},sha256=", header);
        // What a receiver computes with openssl: HMAC-SHA256 over "t=UNIX." followed by the body.
        var expected = Convert.ToHexStringLower(System.Security.Cryptography.HMACSHA256.HashData(Secret,
            Encoding.ASCII.GetBytes($"t={At.ToUnixTimeSeconds()}.").Concat(Body).ToArray()));
        Assert.EndsWith("sha256=" + expected, header);
        Assert.True(WebhookSignature.Verify(Secret, Body, header, At.AddSeconds(30)));
    }

    [Fact]
    public void Verify_Refuses_WhenBodyTimeOrSecretWasChanged_OrTheDeliveryIsOld()
    {
        var header = WebhookSignature.Sign(Secret, At, Body);
        var tampered = (byte[])Body.Clone();
        tampered[^3] ^= 1;
        Assert.False(WebhookSignature.Verify(Secret, tampered, header, At));
        var otherTime = header.Replace($"t={At.ToUnixTimeSeconds()}", $"t={At.ToUnixTimeSeconds() + 60}");
        Assert.False(WebhookSignature.Verify(Secret, Body, otherTime, At));
        Assert.False(WebhookSignature.Verify("another-secret"u8.ToArray(), Body, header, At));
        Assert.False(WebhookSignature.Verify(Secret, Body, header, At.AddMinutes(10)));
        Assert.False(WebhookSignature.Verify(Secret, Body, header.Split(',')[1], At));
        Assert.False(WebhookSignature.Verify(Secret, Body, null, At));
    }
}
