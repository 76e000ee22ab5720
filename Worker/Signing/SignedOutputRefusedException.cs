namespace Worker.Signing;

/// <summary>A signer's output broke a post-condition; it is deleted and never filed. One line, Indonesian first.</summary>
public sealed class SignedOutputRefusedException(string problems)
    : Exception($"Hasil tanda tangan ditolak / signed output refused: {problems}");
