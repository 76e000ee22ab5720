using System.Diagnostics;

namespace Worker.Pdf.Syntax;

/// <summary>The time and the inflated bytes one pre-walk of a file may spend, checked as it goes.</summary>
public sealed class WalkBudget(SyntaxLimits limits)
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private long _decoded;
    private int _steps;

    /// <summary>One step of a walk; every few hundred steps the clock is read.</summary>
    public void Step()
    {
        if (++_steps % 256 == 0) CheckTime();
    }

    /// <summary>Throws once the walk has taken longer than <see cref="SyntaxLimits.MaxWalkTime"/>.</summary>
    public void CheckTime()
    {
        if (_clock.Elapsed > limits.MaxWalkTime)
            throw new PdfLimitException($"reading the structure takes longer than {limits.MaxWalkTime.TotalSeconds:0} s");
    }

    /// <summary>Counts bytes a stream decoded to against <see cref="SyntaxLimits.MaxTotalDecodedBytes"/>.</summary>
    public void Decoded(long bytes)
    {
        _decoded += bytes;
        if (_decoded > limits.MaxTotalDecodedBytes)
            throw new PdfLimitException($"the streams together inflate beyond {limits.MaxTotalDecodedBytes} bytes");
        CheckTime();
    }
}
