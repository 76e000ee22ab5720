namespace Worker.Tests.Support;

/// <summary>Waits for something the worker does in the background (Hangfire jobs, mail).</summary>
public static class Eventually
{
    public static async Task<T> UntilAsync<T>(Func<Task<T>> read, Func<T, bool> done, TimeSpan? timeout = null, string what = "condition")
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            var value = await read();
            if (done(value)) return value;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"{what} not reached; last value: {value}");
            await Task.Delay(200);
        }
    }
}
