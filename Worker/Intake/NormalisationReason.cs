namespace Worker.Intake;

/// <summary>Why intake rewrote a file before approval, in the clerk's language and in English.</summary>
/// <param name="Code">A short stable name for logs and the audit trail.</param>
/// <param name="Indonesian">The reason in Indonesian.</param>
/// <param name="English">The same reason in English.</param>
public sealed record NormalisationReason(string Code, string Indonesian, string English)
{
    public static readonly NormalisationReason WrongStartXref = new("wrong-startxref",
        "penunjuk tabel xref (startxref) salah", "its xref pointer (startxref) is wrong");

    public static readonly NormalisationReason BrokenXref = new("broken-xref",
        "data referensi silang (xref) tidak tepat", "its cross-reference (xref) data is not exact");

    public static readonly NormalisationReason SeveralRevisions = new("several-revisions",
        "berkas memuat lebih dari satu revisi", "it holds more than one revision");

    public static readonly NormalisationReason ObjectNumbersTooHigh = new("object-numbers",
        "nomor objeknya melebihi batas PDF (8.388.607)", "its object numbers exceed the PDF limit (8,388,607)");
}
