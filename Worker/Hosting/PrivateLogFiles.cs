using System.Text;
using Serilog.Sinks.File;
using Worker.Filing;

namespace Worker.Hosting;

/// <summary>Makes each log file 0600 as Serilog opens it: log lines name documents, people and folders, for the worker's user only.</summary>
public sealed class PrivateLogFiles : FileLifecycleHooks
{
    public override Stream OnFileOpened(string path, Stream underlyingStream, Encoding encoding)
    {
        if (underlyingStream is FileStream file) FileModes.Set(file, FileModes.PrivateFile);
        return base.OnFileOpened(path, underlyingStream, encoding);
    }
}
