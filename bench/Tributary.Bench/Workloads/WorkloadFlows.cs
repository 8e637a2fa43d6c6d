using System.Linq.Expressions;
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
        var options = new TaskOptions { Checkpoint = checkpoint };
        var retried = options with { MaxRetries = 1, RetryDelay = TimeSpan.Zero };
        if (workload.Kind == WorkloadKind.FanOutFanIn)
        {
            var root = flow.Task("root", (int size) => Payloads.Create(size), options).WithInput("size", size);
            var branches = Enumerable.Range(0, workload.Tasks)
                .Select(i => flow.Task($"b{i}", (byte[] input) => Payloads.Next(input), options).WithInput("input", root))
                .ToArray();
            var reducer = flow.Task("reduce", FanIn(branches.Length), options);
            for (var i = 0; i < branches.Length; i++)
            {
                reducer.WithInput($"arg{i}", branches[i]);
            }

            return flow.Build();
        }

        FlowNode previous = flow.Task("t0", (int size) => Payloads.Create(size), options).WithInput("size", size);
        for (var i = 1; i <= workload.Tasks; i++)
        {
            var index = i;
            previous = workload.FailsOnce(i)
                ? flow.Task($"t{i}", (byte[] input, TaskRunContext context) =>
                        context.Attempt == 1 ? throw new InvalidOperationException($"task {index} fails once") : Payloads.Next(input), retried)
                    .WithInput("input", previous)
                : flow.Task($"t{i}", (byte[] input) => Payloads.Next(input), options).WithInput("input", previous);
        }

        return flow.Build();
    }

    /// <summary>The last task's name (its output is checked).</summary>
    public static string LastTask(Workload workload) => workload.Kind == WorkloadKind.FanOutFanIn ? "reduce" : $"t{workload.Tasks}";

    // A delegate with one byte[] parameter per branch (unnamed, so arg0..argN), since a task's inputs are its delegate's parameters.
    private static Delegate FanIn(int count)
    {
        var parameters = Enumerable.Range(0, count).Select(i => Expression.Parameter(typeof(byte[]), $"p{i}")).ToArray();
        var body = Expression.Call(typeof(Payloads).GetMethod(nameof(Payloads.Reduce))!, Expression.NewArrayInit(typeof(byte[]), parameters));
        var type = Expression.GetDelegateType([.. parameters.Select(p => p.Type), typeof(long)]);
        return Expression.Lambda(type, body, parameters).Compile();
    }
}
