namespace Worker.Pdf.Syntax;

/// <summary>A stream object: its dictionary and where its raw (still encoded) data lies.</summary>
public sealed class PdfStream(PdfDictionary dictionary, ByteSource source, long dataOffset, long dataLength) : PdfValue
{
    /// <summary>The stream dictionary.</summary>
    public PdfDictionary Dictionary { get; } = dictionary;

    /// <summary>Where the data is read from.</summary>
    public ByteSource Source { get; } = source;

    /// <summary>Position of the first data byte in <see cref="Source"/>.</summary>
    public long DataOffset { get; } = dataOffset;

    /// <summary>Number of raw data bytes.</summary>
    public long DataLength { get; } = dataLength;

    /// <summary>The raw data bytes.</summary>
    public byte[] RawData() => Source.Read(DataOffset, checked((int)DataLength));
}
