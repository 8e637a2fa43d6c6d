using Tributary.Flows;
using Tributary.Handlers;

namespace Tributary.Bench.Workloads;

/// <summary>Builds a workload as a Tributary flow.</summary>
public static class WorkloadFlows
{
    public static string NameOf(Workload workload, string configuration) => $"{workload.Id}-{configuration}";

    public static FlowDefinition Build(Workload workload, string configuration, bool checkpoint, ResultHandlerDescriptor? handler)
    {
        var flow = new FlowBuilder(NameOf(workload, configuration));
        if (handler is not null)
        {
            flow.WithResultHandler(handler);
        }

        var size = flow.Parameter("size", workload.ValueSize);
        var options = new TaskOptions
        {
            Checkpoint = checkpoint,
            // W1-cached: each task's output is cached for the whole benchmark; the warm-up round fills the cache.
            CacheFor = workload.Kind == WorkloadKind.CachedChain ? TimeSpan.FromHours(1) : null,
        };
        var retried = options with { MaxRetries = 1, RetryDelay = TimeSpan.Zero };
        if (workload.Kind == WorkloadKind.FanOutFanIn)
        {
            var root = flow.Task("root", (int size) => Payloads.Create(size), size, options);
            var branches = Enumerable.Range(0, workload.Tasks)
                .Select(i => flow.Task($"b{i}", (byte[] input) => Payloads.Next(input), root, options))
                .ToArray();
            flow.Task("reduce", (IReadOnlyList<byte[]> outputs) => Payloads.Reduce(outputs), flow.Gather(branches), options);
            return flow.Build();
        }

        if (workload.Kind == WorkloadKind.JoinedChains)
        {
            var root = flow.Task("root", (int size) => Payloads.Create(size), size, options);
            var ends = new TaskNode<byte[]>[workload.Chains];
            for (var c = 0; c < workload.Chains; c++)
            {
                var link = root;
                for (var i = 1; i <= workload.Tasks; i++)
                {
                    link = flow.Task($"c{c}t{i}", (byte[] input) => Payloads.Next(input), link, options);
                }

                ends[c] = link;
            }

            var steps = workload.Tasks;
            flow.Task("reduce", (IReadOnlyList<byte[]> outputs) => Payloads.Reduce(outputs, steps), flow.Gather(ends), options);
            return flow.Build();
        }

        var previous = flow.Task("t0", (int size) => Payloads.Create(size), size, options);
        for (var i = 1; i <= workload.Tasks; i++)
        {
            var index = i;
            previous = workload.FailsOnce(i)
                ? flow.Task($"t{i}", (byte[] input, TaskRunContext context) =>
                    context.Attempt == 1 ? throw new InvalidOperationException($"task {index} fails once") : Payloads.Next(input), previous, retried)
                : flow.Task($"t{i}", (byte[] input) => Payloads.Next(input), previous, options);
        }

        return flow.Build();
    }

    /// <summary>The last task's name (its output is checked).</summary>
    public static string LastTask(Workload workload) =>
        workload.Kind is WorkloadKind.FanOutFanIn or WorkloadKind.JoinedChains ? "reduce" : $"t{workload.Tasks}";
}
