using Microsoft.AspNetCore.Connections;

namespace Worker.Hosting;

/// <summary>Recognises Kestrel's "address already in use" and says it in one line, Indonesian first.</summary>
public static class PortInUse
{
    /// <summary>True when the web server could not listen because another process holds the address.</summary>
    public static bool Is(Exception e) => e is IOException { InnerException: AddressInUseException } or AddressInUseException;

    /// <summary>The line for stderr and the log.</summary>
    public static string Line(string urls) =>
        $"alamat {urls} sudah dipakai program lain (mungkin worker lain sudah berjalan); hentikan program itu atau ubah Worker:Urls / " +
        $"address {urls} is already in use (perhaps another worker is running); stop that program or change Worker:Urls";
}
