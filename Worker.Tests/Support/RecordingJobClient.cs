using System.Collections.Concurrent;
using Hangfire;
using Hangfire.Common;
using Hangfire.States;

namespace Worker.Tests.Support;

/// <summary>A Hangfire client that only remembers what was enqueued, for tests that drive jobs by hand.</summary>
public sealed class RecordingJobClient : IBackgroundJobClient
{
    public ConcurrentQueue<Job> Jobs { get; } = new();

    public string Create(Job job, IState state)
    {
        Jobs.Enqueue(job);
        return Jobs.Count.ToString();
    }

    public bool ChangeState(string jobId, IState state, string expectedState) => true;

    /// <summary>Names of the enqueued methods, as "Type.Method".</summary>
    public IReadOnlyList<string> Names => Jobs.Select(j => $"{j.Type.Name}.{j.Method.Name}").ToList();
}
