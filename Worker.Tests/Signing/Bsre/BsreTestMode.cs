namespace Worker.Tests.Signing.Bsre;

/// <summary>How the test BSrE service answers sign calls.</summary>
public enum BsreTestMode
{
    /// <summary>Signs the file it was sent, incrementally, with the official's certificate.</summary>
    Normal,
    /// <summary>Waits longer than any test timeout before answering.</summary>
    Slow,
    /// <summary>503, as a service behind a proxy that lost it.</summary>
    Down,
    /// <summary>500, as for a fault inside the service.</summary>
    Fault,
    /// <summary>Rewrites the file (qpdf) before signing it: valid signature, but not our bytes as its prefix.</summary>
    Rewritten,
    /// <summary>Signs with another official's certificate.</summary>
    OtherCertificate,
}
