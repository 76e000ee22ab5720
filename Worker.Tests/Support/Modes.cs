namespace Worker.Tests.Support;

/// <summary>Permission bits as ls shows them in octal, for asserting what the worker created.</summary>
public static class Modes
{
    /// <summary>The permission bits of <paramref name="path"/>, such as "600".</summary>
    public static string Of(string path)
    {
        if (OperatingSystem.IsWindows()) throw new PlatformNotSupportedException("file modes are a Unix matter");
        return Convert.ToString((int)File.GetUnixFileMode(path) & 0x1FF, 8);
    }
}
