using Tributary.Bench.Workloads;

namespace Tributary.Bench.Baselines;

/// <summary>The absolute floor: the same work as plain async C# calls, no Orleans.</summary>
public static class PlainAsync
{
    public static async Task<object> RunAsync(Workload workload)
    {
        if (workload.Kind == WorkloadKind.ConcurrentChains)
        {
            var chain = workload with { Kind = WorkloadKind.Chain };
            return await Task.WhenAll(Enumerable.Range(0, workload.Runs).Select(_ => RunAsync(chain)));
        }

        if (workload.Kind == WorkloadKind.JoinedChains)
        {
            var start = await Step(() => Payloads.Create(workload.ValueSize));
            var ends = await Task.WhenAll(Enumerable.Range(0, workload.Chains).Select(async _ =>
            {
                var link = start;
                for (var i = 1; i <= workload.Tasks; i++)
                {
                    var input = link;
                    link = await Step(() => Payloads.Next(input));
                }

                return link;
            }));
            return Payloads.Reduce(ends, workload.Tasks);
        }

        if (workload.Kind == WorkloadKind.FanOutFanIn)
        {
            var root = await Step(() => Payloads.Create(workload.ValueSize));
            var branches = await Task.WhenAll(Enumerable.Range(0, workload.Tasks).Select(_ => Step(() => Payloads.Next(root))));
            return Payloads.Reduce(branches);
        }

        var value = await Step(() => Payloads.Create(workload.ValueSize));
        for (var i = 1; i <= workload.Tasks; i++)
        {
            var input = value;
            var failed = false;
            try
            {
                value = await Step(() => workload.FailsOnce(i) && !failed ? throw new InvalidOperationException("fails once") : Payloads.Next(input));
            }
            catch (InvalidOperationException)
            {
                failed = true;
                value = await Step(() => Payloads.Next(input));
            }
        }

        return value;
    }

    private static async Task<T> Step<T>(Func<T> work)
    {
        await Task.Yield();
        return work();
    }
}
