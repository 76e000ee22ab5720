namespace Worker.Pdf.Syntax;

/// <summary>
/// The objects of one revision, resolved strictly through its own chain of cross-reference sections (newest
/// first): no repair, no scanning for objects. Two views of one file differ only where later sections say so.
/// </summary>
public sealed class RevisionView
{
    private readonly ByteSource _source;
    private readonly SyntaxLimits _limits;
    private readonly PdfObjectReader _reader;
    private readonly Dictionary<int, PdfValue?> _objects = [];
    private readonly Dictionary<int, ObjectStreamContents> _objectStreams = [];
    private readonly HashSet<int> _reading = [];
    private Dictionary<int, XrefEntry>? _effective;

    public RevisionView(ByteSource source, IReadOnlyList<XrefSection> chain, SyntaxLimits limits)
    {
        _source = source;
        _limits = limits;
        _reader = new PdfObjectReader(source, limits);
        Chain = chain;
    }

    /// <summary>The sections this revision resolves through, newest first.</summary>
    public IReadOnlyList<XrefSection> Chain { get; }

    /// <summary>Where this revision ends (the bytes it may read).</summary>
    public long End => _source.Length;

    /// <summary>The newest trailer.</summary>
    public PdfDictionary Trailer => Chain[0].Trailer;

    /// <summary>Bytes decoded from object streams so far (each stream once).</summary>
    public long DecodedBytes { get; private set; }

    /// <summary>Every object number's entry, newest section winning.</summary>
    public IReadOnlyDictionary<int, XrefEntry> Entries => _effective ??= Merge();

    /// <summary>The object <paramref name="number"/> as this revision defines it, or null when free or absent.</summary>
    public PdfValue? Get(int number)
    {
        if (_objects.TryGetValue(number, out var cached)) return cached;
        if (_reading.Count >= _limits.MaxReadDepth) throw new PdfLimitException($"objects refer to each other more than {_limits.MaxReadDepth} deep while being read");
        if (!_reading.Add(number)) throw new PdfLimitException($"object {number} refers to itself while being read");
        try
        {
            var value = Entries.TryGetValue(number, out var entry) ? Load(number, entry) : null;
            return _objects[number] = value is PdfNull ? null : value;
        }
        finally
        {
            _reading.Remove(number);
        }
    }

    /// <summary>Follows references to a direct value; null for null, free or missing objects.</summary>
    public PdfValue? Resolve(PdfValue? value)
    {
        for (var hops = 0; value is PdfReference reference; hops++)
        {
            if (hops > 32) throw new PdfSyntaxException("a chain of references longer than 32");
            value = Get(reference.Number);
        }
        return value is PdfNull ? null : value;
    }

    /// <summary>A dictionary entry, resolved.</summary>
    public PdfValue? Get(PdfDictionary dictionary, string key) => Resolve(dictionary[key]);

    /// <summary>
    /// Reads every object object stream <paramref name="number"/> holds, whether the xref lists it or not: other readers
    /// parse a whole object stream as soon as one of its objects is wanted.
    /// </summary>
    public void ReadWholeObjectStream(int number)
    {
        var contents = ObjectStream(number);
        for (var i = 0; i < contents.Count; i++) contents.ReadAt(i);
    }

    private PdfValue? Load(int number, XrefEntry entry)
    {
        switch (entry.Kind)
        {
            case XrefEntryKind.InUse:
                if (entry.Location >= _source.Length) throw new PdfSyntaxException($"object {number} lies outside this revision");
                var read = _reader.ReadIndirect(entry.Location, r => Get(r.Number));
                if (read.Number != number || read.Generation != entry.Generation)
                    throw new PdfSyntaxException($"the cross-reference entry of object {number} points at object {read.Number} {read.Generation}");
                return read.Value;
            case XrefEntryKind.Compressed:
                return ObjectStream((int)Math.Min(entry.Location, int.MaxValue)).Get(number, entry.Generation);
            default:
                return null;
        }
    }

    private ObjectStreamContents ObjectStream(int number)
    {
        if (_objectStreams.TryGetValue(number, out var contents)) return contents;
        if (!Entries.TryGetValue(number, out var entry) || entry.Kind != XrefEntryKind.InUse || Get(number) is not PdfStream stream)
            throw new PdfSyntaxException($"object stream {number} is missing");
        contents = ObjectStreamContents.Read(number, stream, _limits);
        DecodedBytes += contents.Length;
        if (DecodedBytes > _limits.MaxObjectStreamBytes) throw new PdfLimitException("the object streams together inflate beyond the limit");
        return _objectStreams[number] = contents;
    }

    private Dictionary<int, XrefEntry> Merge()
    {
        var merged = new Dictionary<int, XrefEntry>();
        for (var i = Chain.Count - 1; i >= 0; i--)
            foreach (var (number, entry) in Chain[i].Entries)
                merged[number] = entry;
        return merged;
    }
}
