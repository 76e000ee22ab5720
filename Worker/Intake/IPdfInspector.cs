namespace Worker.Intake;

/// <summary>Tells whether a file is a PDF intake can take, and reads its page count and title.</summary>
public interface IPdfInspector
{
    PdfInspection Inspect(string path);
}
