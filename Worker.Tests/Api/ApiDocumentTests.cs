using Worker.Api;
using Worker.Persistence;

namespace Worker.Tests.Api;

/// <summary>What a client is told about where a document stands.</summary>
public sealed class ApiDocumentTests
{
    [Theory]
    [InlineData(DocumentState.Received, false, false)]
    [InlineData(DocumentState.AwaitingApproval, false, false)]
    [InlineData(DocumentState.Approved, false, false)]
    [InlineData(DocumentState.Failed, false, true)]
    [InlineData(DocumentState.Filed, true, true)]
    [InlineData(DocumentState.Declined, true, true)]
    [InlineData(DocumentState.Expired, true, true)]
    [InlineData(DocumentState.Invalid, true, true)]
    [InlineData(DocumentState.Duplicate, true, true)]
    public void From_ReportsFinalAndEnded_WhenTheDocumentIsInState(DocumentState state, bool final, bool ended)
    {
        var answer = ApiDocument.From(new ApiDocumentRecord
        {
            Id = Guid.NewGuid(), Route = "surat-keluar", State = state, Title = "t", SourceName = "a.pdf", Sha256 = new string('0', 64),
            ReceivedAt = DateTimeOffset.UnixEpoch, UpdatedAt = DateTimeOffset.UnixEpoch, Steps = [],
        }, "https://tte.example.go.id");
        Assert.Equal((state.ToString(), final, ended), (answer.State, answer.Final, answer.Ended));
    }
}
