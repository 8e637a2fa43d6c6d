namespace Tributary.Bench.Reporting;

/// <summary>Samples the process's working set while a measurement runs, to give its peak.</summary>
public static class WorkingSetSampler
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(50);

    /// <summary>Samples every 50 ms until <paramref name="stop"/>, then gives the largest sample (at least one is taken at each end).</summary>
    public static async Task<long> SampleUntilAsync(CancellationToken stop)
    {
        var peak = Environment.WorkingSet;
        using var timer = new PeriodicTimer(Interval);
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                peak = Math.Max(peak, Environment.WorkingSet);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }

        return Math.Max(peak, Environment.WorkingSet);
    }
}
