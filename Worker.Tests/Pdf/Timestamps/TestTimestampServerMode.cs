namespace Worker.Tests.Pdf.Timestamps;

/// <summary>How the test TSA answers, so tests can make it fail in each way a real one might.</summary>
public enum TestTimestampServerMode
{
    /// <summary>A granted response with a valid token for the request.</summary>
    Normal,

    /// <summary>HTTP 200 with an HTML page instead of a timestamp response.</summary>
    Garbage,

    /// <summary>The first half of a valid response.</summary>
    Truncated,

    /// <summary>A valid token, but over a different message imprint.</summary>
    WrongImprint,

    /// <summary>A valid token, but for a different nonce.</summary>
    WrongNonce,

    /// <summary>A token naming the TSA certificate but signed with another key.</summary>
    WrongKey,

    /// <summary>A well-formed response with status rejection and no token.</summary>
    Rejected,

    /// <summary>HTTP 500.</summary>
    ServerError,

    /// <summary>No answer for 30 seconds.</summary>
    Slow,
}
