namespace Worker.Approval;

/// <summary>The page images a decision page shows.</summary>
public sealed record ApprovalPagePreview
{
    /// <summary>Where the images are, without any secret: /approve/pages/{document id}; page N is {Path}/N.jpg.</summary>
    public required string Path { get; init; }
    /// <summary>Pages shown as images (the first ones, up to the cap).</summary>
    public required int Shown { get; init; }
    /// <summary>Pages in the document.</summary>
    public required int Total { get; init; }
    /// <summary>The first page could not be drawn (too slow, too big, damaged): the page says so and points to the PDF.</summary>
    public bool Failed { get; init; }
}
