using System.Diagnostics;
using System.Globalization;

namespace Worker.Tests.Pdf.Support;

/// <summary>Starts openssl's OCSP responder on a loopback port, answering from an openssl index of issued certificates.</summary>
public static class OpensslOcspResponder
{
    /// <summary>The running responder, once it says it listens; the caller kills it.</summary>
    public static Process Start(string index, string responderPem, string responderKey, string caPem, int port)
    {
        var info = new ProcessStartInfo("openssl") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "ocsp", "-index", index, "-port", port.ToString(CultureInfo.InvariantCulture),
                     "-rsigner", responderPem, "-rkey", responderKey, "-CA", caPem, "-nmin", "60", "-ignore_err" })
            info.ArgumentList.Add(arg);
        var ready = new ManualResetEventSlim();
        var process = new Process { StartInfo = info };
        // Ready once it says so; a probe connection is no good: openssl's responder hangs on a connection closed without a request.
        void Watch(object _, DataReceivedEventArgs e)
        {
            if (e.Data?.Contains("waiting for OCSP client connections", StringComparison.Ordinal) == true) ready.Set();
        }
        process.OutputDataReceived += Watch;
        process.ErrorDataReceived += Watch;
        if (!process.Start()) throw new InvalidOperationException("cannot start openssl ocsp");
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        Assert.True(ready.Wait(TimeSpan.FromSeconds(60)) && !process.HasExited, "openssl ocsp did not start listening");
        return process;
    }
}
