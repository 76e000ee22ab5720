using System.Diagnostics;
using Hangfire.States;

namespace Worker.Hosting;

/// <summary>
/// For the crash tests only: kills the process (SIGKILL) while Hangfire moves a job of the named method to Processing, that is
/// while this worker has fetched the job and holds its state lock, the moment a killed worker leaves both behind.
/// </summary>
public sealed class KillOnProcessingFilter(string method) : IElectStateFilter
{
    /// <summary>The variable naming the method (e.g. DeliverAsync) whose jobs make the process kill itself.</summary>
    public const string Variable = "WORKER_TEST_KILL_ON_PROCESSING";

    public void OnStateElection(ElectStateContext context)
    {
        if (context.CandidateState is ProcessingState && context.BackgroundJob.Job?.Method.Name == method) Process.GetCurrentProcess().Kill();
    }
}
