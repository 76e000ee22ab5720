using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Worker.Persistence;

/// <summary>
/// The audit trail's head, recorded outside the database (a small file in the data directory) with an HMAC whose key is
/// outside it too (Worker:Audit:HeadKeyFile): whoever deletes the newest events from the table cannot make this file agree.
/// </summary>
public sealed class AuditHeadFile(string path, byte[] key)
{
    /// <summary>Its name inside the data directory.</summary>
    public const string FileName = "audit-head";
    private readonly Lock gate = new();
    private long recorded = -1;

    public string Path => path;

    /// <summary>
    /// As <see cref="Record"/>, inside an append: a full disk must not fail the step being audited, so a failure only
    /// returns false; the periodic recording then reports it.
    /// </summary>
    public bool TryRecord(AuditHead head)
    {
        try
        {
            Record(head);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>Records a head that is committed; never moves the record backwards.</summary>
    public void Record(AuditHead head)
    {
        lock (gate)
        {
            if (head.Seq <= recorded) return;
            var line = $"{Payload(head)} {Convert.ToHexStringLower(Mac(head))}\n";
            var temp = path + ".tmp";
            // Temp file then rename: a crash leaves the old record or the new one, never half of one.
            // A fresh file each time (CreateNew), so a leftover or planted temp file is never written through.
            File.Delete(temp);
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            try
            {
                using (var stream = new FileStream(temp, options)) stream.Write(Encoding.ASCII.GetBytes(line));
                File.Move(temp, path, overwrite: true);
            }
            finally
            {
                File.Delete(temp);
            }
            recorded = head.Seq;
        }
    }

    /// <summary>The recorded head; null when none was recorded yet; throws when the record does not carry a valid HMAC.</summary>
    public AuditHead? Read()
    {
        if (!File.Exists(path)) return null;
        var parts = File.ReadAllText(path).Trim().Split(' ');
        if (parts.Length == 3 && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var seq))
        {
            try
            {
                var head = new AuditHead(seq, Convert.FromHexString(parts[1]));
                if (CryptographicOperations.FixedTimeEquals(Convert.FromHexString(parts[2]), Mac(head))) return head;
            }
            catch (FormatException) { /* reported below like any other bad record */ }
        }
        throw new InvalidDataException($"the audit head record {path} is not signed with Worker:Audit:HeadKeyFile (altered, or another key)");
    }

    private static string Payload(AuditHead head) =>
        $"{head.Seq.ToString(CultureInfo.InvariantCulture)} {Convert.ToHexStringLower(head.Hash)}";

    private byte[] Mac(AuditHead head) => HMACSHA256.HashData(key, Encoding.ASCII.GetBytes("tte audit head\n" + Payload(head)));
}
