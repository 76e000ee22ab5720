namespace Worker.Cli;

/// <summary>The text `Worker --help` and `Worker COMMAND --help` print: what each command does, its usage and an example.</summary>
public static class CommandHelp
{
    /// <summary>One command's help.</summary>
    /// <param name="Summary">One line: what it does.</param>
    /// <param name="Usage">Its arguments.</param>
    /// <param name="Details">Option by option, or empty.</param>
    /// <param name="Example">A command line to copy.</param>
    private sealed record Entry(string Summary, string Usage, string Details, string Example);

    private static readonly (string Name, Entry Help)[] Commands =
    [
        ("run", new("the daemon: web server, dashboard, intake, approvals, signing (what scripts/run.sh and the service start)",
            "Worker run [--config FILE]",
            "  --config FILE   a JSON file read over config/appsettings.json",
            "Worker run --config /etc/tte/worker.json")),
        ("migrate", new("brings the database schema up to date and exits",
            "Worker migrate [--config FILE]", "",
            "Worker migrate --config /etc/tte/worker.json")),
        ("sign", new("signs PDFs from the command line; every output is verified before it is reported",
            "Worker sign INPUT... (-o OUTPUT | --out-dir DIR) (--signer NAME [--config FILE] | --pkcs12 FILE --password-file FILE) [options]",
            """
              --visible            draw the stamp with a QR code (--verify-url URL, default: the file name)
              --page N|last        the stamp's page
              --reason TEXT        --location TEXT   --signer-position TEXT
              --tsa URL            add an RFC 3161 timestamp (exit 1 rather than sign without one)
              --ltv LT|LTA         add a DSS (LT) and a document timestamp (LTA, needs --tsa)
            """,
            "Worker sign surat.pdf -o surat-signed.pdf --signer demo --visible")),
        ("verify", new("checks every signature of a PDF, one line each (exit 0 when all are VALID, 4 otherwise)",
            "Worker verify FILE [--trust PEM] [--offline] [--revocation-timeout S] [--extract-revision N OUT]",
            """
              --trust PEM                 roots a signer must chain to for VALID
              --offline                   do not ask OCSP responders or CRL servers
              --extract-revision N OUT    write the exact bytes signature N (1 = oldest) signed
            """,
            "Worker verify surat-signed.pdf --trust data/certs/ca.pem")),
        ("dev-certs", new("makes a demo CA and signers (PKCS#12 plus password files) for local use",
            "Worker dev-certs DIR [--ocsp-url URL] [--crl-url URL] [--softhsm]",
            "  --ocsp-url URL, --crl-url URL   written into the demo certificates, for a local OCSP responder and CRL",
            "Worker dev-certs data/certs")),
        ("hash-password", new("reads a password on standard input and prints the hash for Worker:Dashboard:Users",
            "Worker hash-password", "", "Worker hash-password < operator.pass")),
        ("api-key", new("makes a key for an application that posts documents; prints the key once and its KeySha256 for Worker:Api:Clients",
            "Worker api-key NAME", "", "Worker api-key e-office")),
        ("audit", new("walks the hash chain of the audit trail; exit 4 and the first broken event when it does not hold",
            "Worker audit verify [--config FILE]", "", "Worker audit verify --config /etc/tte/worker.json")),
        ("documents", new("operator commands on documents",
            "Worker documents list [--state S] [--route R] [--limit N] | show ID | retry ID [--as NAME] | cancel ID --reason TEXT [--as NAME]  [--config FILE]",
            """
              list     the newest documents: id, state, route, received (WITA), title
              show     one document: details, approval steps, email delivery, audit history
              retry    queue again what a stuck or failed document's state implies
              cancel   end a document as Declined with the reason; the submitter is told
            """,
            "Worker documents list --state Failed --config /etc/tte/worker.json")),
        ("failed", new("operator commands on refused files in the routes' failed/ folders",
            "Worker failed list | resubmit ROUTE NAME [--as NAME] | done ROUTE NAME [--as NAME]  [--config FILE]",
            """
              list       every refused file with its reason
              resubmit   put the file back into the route's inbox to be taken again
              done       mark it handled: moved with its reason into failed/.handled/; nothing is deleted
            """,
            "Worker failed resubmit surat-keluar laporan.pdf --config /etc/tte/worker.json")),
        ("approvals", new("sends a new approval link (the old one stops working)",
            "Worker approvals resend ID [--as NAME] [--config FILE]", "",
            "Worker approvals resend 0193f2c4-5d6e-7a8b-9c0d-1e2f3a4b5c6d")),
        ("delegation", new("an official's deputy (Plh., Plt., a.n.) for a window of days: requests asked then go to the deputy",
            "Worker delegation set --approver EMAIL --deputy EMAIL --name NAME --signer NAME --kind Plh|Plt|an --from DATE --to DATE [--position T] " +
            "[--nip N] [--rank T] [--as NAME] | end ID [--as NAME] | list  [--config FILE]",
            """
              set    record a deputy from --from to --to (yyyy-MM-dd, WITA, both days included); requests already sent keep their approver
              end    end it now: new requests go to the official, and the deputy's waiting links are replaced by the official's
              list   delegations in force or planned, from operators and from Worker:Delegations (an operator's wins on overlap)
            """,
            "Worker delegation set --approver kadis@sulbarprov.go.id --deputy sekdis@sulbarprov.go.id --name \"Andi Mappa\" --signer sekdis --kind Plh --from 2026-12-07 --to 2026-12-11")),
        ("signers", new("one line per signer: can it sign now; exit 1 when one cannot",
            "Worker signers check [NAME] [--config FILE]", "", "Worker signers check demo --config /etc/tte/worker.json")),
    ];

    /// <summary>The commands that have help, in the overview's order.</summary>
    public static IEnumerable<string> Names => Commands.Select(c => c.Name);

    /// <summary>True when <paramref name="name"/> is a command with help.</summary>
    public static bool Knows(string name) => Commands.Any(c => c.Name == name);

    /// <summary>The overview: every command with its one line, how to get more, and an example.</summary>
    public static string Overview()
    {
        var width = Commands.Max(c => c.Name.Length);
        var lines = Commands.Select(c => $"  {c.Name.PadRight(width)}  {c.Help.Summary}");
        return $"""
            TTE Sulbar signing worker

            usage: Worker COMMAND [ARGS]   (Worker COMMAND --help for its options)

            commands:
            {string.Join('\n', lines)}

            example:
              Worker run --config /etc/tte/worker.json

            exit codes: 0 done, 1 unexpected failure, 2 wrong usage or configuration, 3 input refused, 4 a signature is invalid

            """;
    }

    /// <summary>One command's usage, options and example.</summary>
    public static string For(string name)
    {
        var help = Commands.First(c => c.Name == name).Help;
        var details = help.Details.Length == 0 ? "" : $"\n{help.Details.TrimEnd()}\n";
        return $"{name}: {help.Summary}\n\nusage: {help.Usage}\n{details}\nexample:\n  {help.Example}\n";
    }

    /// <summary>True when the arguments ask for help (-h or --help anywhere before a lone "--").</summary>
    public static bool Asked(IEnumerable<string> args) =>
        args.TakeWhile(a => a != "--").Any(a => a is "-h" or "--help");
}
