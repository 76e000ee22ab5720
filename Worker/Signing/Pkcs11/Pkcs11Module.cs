using Net.Pkcs11Interop.Common;
using Net.Pkcs11Interop.HighLevelAPI;

namespace Worker.Signing.Pkcs11;

/// <summary>
/// One loaded PKCS#11 module per path for the whole process: a module is initialised once per process (C_Initialize),
/// so every signer and host on the same library shares it. When a token goes away the module is finalised and loaded
/// again, which is how most modules (SoftHSM2 among them) notice a token that came back.
/// </summary>
internal sealed class Pkcs11Module
{
    private static readonly Lock Registry = new();
    private static readonly Dictionary<string, Pkcs11Module> Modules = new(StringComparer.Ordinal);

    private readonly string path;
    // Calls run under the read side, so sessions sign in parallel; a reload takes the write side, so no call meets an unloaded module.
    private readonly ReaderWriterLockSlim gate = new(LockRecursionPolicy.NoRecursion);
    private IPkcs11Library? library;

    // Pkcs11Interop asks for "libdl", which glibc 2.34 and later ship only as libdl.so.2 (libdl.so comes with libc6-dev).
    static Pkcs11Module() => System.Runtime.InteropServices.NativeLibrary.SetDllImportResolver(typeof(Pkcs11InteropFactories).Assembly,
        (name, _, _) => name == "libdl" && OperatingSystem.IsLinux() ? System.Runtime.InteropServices.NativeLibrary.Load("libdl.so.2") : IntPtr.Zero);

    private Pkcs11Module(string path) => this.path = path;

    /// <summary>Counts reloads; a session or handle from an earlier generation is no longer valid.</summary>
    public int Generation { get; private set; }

    /// <summary>The factories that build attributes and mechanisms.</summary>
    public static Pkcs11InteropFactories Factories { get; } = new();

    /// <summary>The module at <paramref name="libraryPath"/> (loaded at first use).</summary>
    public static Pkcs11Module For(string libraryPath)
    {
        var full = Path.GetFullPath(libraryPath);
        lock (Registry)
        {
            if (!Modules.TryGetValue(full, out var module)) Modules[full] = module = new Pkcs11Module(full);
            return module;
        }
    }

    /// <summary>Runs <paramref name="call"/> with the loaded module and its generation; never while it is being reloaded.</summary>
    public T Use<T>(Func<IPkcs11Library, int, T> call)
    {
        while (true)
        {
            gate.EnterReadLock();
            try
            {
                if (library is not null) return call(library, Generation);
            }
            finally
            {
                gate.ExitReadLock();
            }
            gate.EnterWriteLock();
            try { library ??= Load(); }
            finally { gate.ExitWriteLock(); }
        }
    }

    /// <summary>Finalises the module if it is still at <paramref name="seen"/>, so the next use loads it again; never called inside <see cref="Use"/>.</summary>
    public void Reload(int seen)
    {
        gate.EnterWriteLock();
        try
        {
            if (seen != Generation || library is null) return;
            Generation++;
            var old = library;
            library = null;
            try { old.Dispose(); }
            catch (Pkcs11Exception) { /* a module whose token vanished may refuse C_Finalize; it is unloaded all the same */ }
        }
        finally
        {
            gate.ExitWriteLock();
        }
    }

    private IPkcs11Library Load()
    {
        try
        {
            return Factories.Pkcs11LibraryFactory.LoadPkcs11Library(Factories, path, AppType.MultiThreaded);
        }
        catch (Exception e) when (e is Pkcs11Exception or UnmanagedException or DllNotFoundException or BadImageFormatException)
        {
            throw new Worker.Pdf.Keys.SigningKeyException($"cannot load the PKCS#11 module {path}: {e.Message.ReplaceLineEndings(" ")}", e);
        }
    }
}
