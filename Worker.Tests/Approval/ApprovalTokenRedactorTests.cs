using Serilog.Events;
using Serilog.Parsing;
using Worker.Approval;

namespace Worker.Tests.Approval;

public sealed class ApprovalTokenRedactorTests
{
    [Fact]
    public void Enrich_RemovesTheToken_FromARequestPath()
    {
        var token = ApprovalTokens.New();
        var e = new LogEvent(DateTimeOffset.UtcNow, LogEventLevel.Information, null,
            new MessageTemplateParser().Parse("Request starting {Path}"),
            [new LogEventProperty("Path", new ScalarValue($"/approve/{token}/document"))]);
        new ApprovalTokenRedactor().Enrich(e, null!);
        var rendered = e.RenderMessage();
        Assert.DoesNotContain(token, rendered);
        Assert.Contains("/approve/[redacted]/document", rendered);
    }

    [Fact]
    public void Enrich_RemovesTheToken_FromAQueueLink()
    {
        var token = ApprovalTokens.New();
        var e = new LogEvent(DateTimeOffset.UtcNow, LogEventLevel.Information, null,
            new MessageTemplateParser().Parse("Request starting {Url}"),
            [new LogEventProperty("Url", new ScalarValue($"http://127.0.0.1:5080/queue/{token}/document/{Guid.NewGuid()}"))]);
        new ApprovalTokenRedactor().Enrich(e, null!);
        var rendered = e.RenderMessage();
        Assert.DoesNotContain(token, rendered);
        Assert.Contains("/queue/[redacted]/document/", rendered);
    }

    [Fact]
    public void Hash_IsNull_ForSomethingThatIsNotAToken()
    {
        Assert.Null(ApprovalTokens.Hash("abc"));
        Assert.Null(ApprovalTokens.Hash(new string('*', 43)));
        var token = ApprovalTokens.New();
        Assert.Equal(43, token.Length);
        Assert.Equal(32, ApprovalTokens.Hash(token)!.Length);
        Assert.NotEqual(ApprovalTokens.New(), token);
    }
}
