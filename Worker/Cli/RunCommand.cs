using Serilog;
using Worker.Configuration;
using Worker.Hosting;
using Worker.Persistence;

namespace Worker.Cli;

/// <summary><c>Worker run [--config FILE]</c>: the daemon.</summary>
public static class RunCommand
{
    public static async Task<int> RunAsync(string[] args, TextWriter stderr)
    {
        var parsed = Arguments.Parse(args, ["--config"]);
        if (parsed.Positional.Count > 0) throw new UsageException($"run takes no argument '{parsed.Positional[0]}'");
        var configuration = WorkerConfiguration.Build(parsed.Value("--config"));
        var options = WorkerConfiguration.Load(configuration);
        LoggingSetup.UseBootstrapLogger(options);
        try
        {
            var app = WorkerApplication.Build(configuration, options);
            await app.RunAsync();
            return ExitCode.Done;
        }
        catch (DatabaseUnavailableException e)
        {
            Log.Fatal("Worker could not start: {Reason}", e.Message);
            await stderr.WriteLineAsync(e.Message);
            return ExitCode.Unexpected;
        }
        catch (IOException e) when (PortInUse.Is(e))
        {
            // A second worker on the same machine, or another program on the port: one line says which address, nothing more helps.
            Log.Fatal("Worker could not start: {Reason}", PortInUse.Line(options.Urls));
            await stderr.WriteLineAsync(PortInUse.Line(options.Urls));
            return ExitCode.Unexpected;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Log.Fatal(e, "Worker stopped unexpectedly");
            await stderr.WriteLineAsync($"worker stopped: {e.Message}");
            return ExitCode.Unexpected;
        }
        finally
        {
            await Log.CloseAndFlushAsync();
        }
    }
}
