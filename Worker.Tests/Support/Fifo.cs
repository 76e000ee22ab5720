using System.Diagnostics;

namespace Worker.Tests.Support;

/// <summary>Named pipes made with coreutils' mkfifo, the way a clerk with shell access to the share would.</summary>
public static class Fifo
{
    public static string Make(string path)
    {
        using var mkfifo = Process.Start(new ProcessStartInfo("mkfifo") { ArgumentList = { path }, UseShellExecute = false })!;
        mkfifo.WaitForExit();
        Assert.Equal(0, mkfifo.ExitCode);
        Assert.Equal(Worker.Filing.FileKind.Other, Worker.Filing.UnixFile.LinkStatus(path)?.Kind);
        return path;
    }
}
