using System.Runtime.InteropServices;

namespace Worker.Signing.Pkcs11;

/// <summary>
/// Sets a variable in the process's native environment, where a PKCS#11 module reads its settings at C_Initialize
/// (SoftHSM2's SOFTHSM2_CONF); .NET's Environment.SetEnvironmentVariable keeps its own copy on Unix, which modules never see.
/// </summary>
public static class NativeEnvironment
{
    /// <summary>Sets <paramref name="name"/> for this process and the modules it loads from now on.</summary>
    public static void Set(string name, string value)
    {
        Environment.SetEnvironmentVariable(name, value);
        if (OperatingSystem.IsWindows()) return;
        if (SetEnv(name, value, 1) != 0) throw new InvalidOperationException($"setenv {name} failed ({Marshal.GetLastPInvokeError()})");
    }

    // DllImport rather than LibraryImport, which would need unsafe code in the whole project for one call.
    [DllImport("libc", EntryPoint = "setenv", SetLastError = true, CharSet = CharSet.Ansi, BestFitMapping = false, ThrowOnUnmappableChar = true)]
    private static extern int SetEnv(string name, string value, int overwrite);
}
