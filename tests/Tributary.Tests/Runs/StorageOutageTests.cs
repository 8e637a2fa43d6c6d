using Tributary.Flows;
using Tributary.Handlers;
using Tributary.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Tributary.Tests.Runs;

/// <summary>
/// Storage goes away for a while in the middle of a run (the "Azurite stopped 12 s during a chain run"): the
/// engine rides it out under <c>Tributary:StorageRetry</c> (at its default) instead of failing the task that was
/// storing, and nobody is told of an outcome before storage holds it.
/// </summary>
/// <remarks>
/// Its own single-silo cluster (<see cref="StorageOutageClusterFixture"/>), so the outage never touches the shared
/// cluster's tests, and its own collection (a class fixture), so it runs beside them rather than holding them up. Each
/// outage starts once the gated tasks run, so their checkpoint and state writes are the ones that meet it; it always
/// ends before the test does, so the next test finds storage back.
/// </remarks>
public sealed partial class StorageOutageTests : IClassFixture<StorageOutageClusterFixture>
{
    private const string ChainFlow = "storage-outage-chain";
    private const string UnstoredFlow = "storage-outage-unstored";
    private const int ChainLength = 20;
    private const int GatedIndex = 10;
    private const string SideTask = "side";
    private const string AfterTask = "after";
    private const string Running = "running";
    private const string Returned = "returned";
    private const string Open = "open";

    private readonly StorageOutageClusterFixture _cluster;
    private readonly ITestOutputHelper _output;

    public StorageOutageTests(StorageOutageClusterFixture cluster, ITestOutputHelper output)
    {
        _cluster = cluster;
        _output = output;
    }

    /// <summary>
    /// <see cref="ChainFlow"/>: a chain t00 → … → t19, each checkpointed through the Azure Blob handler with no retries,
    /// its output the previous one plus one; t10 waits on a gate. Beside it, "side" (no inputs, checkpointed inline by the
    /// JSON handler, so its success is a state write only) waits on the same gate. <see cref="UnstoredFlow"/>: "side" as
    /// above, then "after", which takes its output.
    /// </summary>
    public static IEnumerable<FlowDefinition> DefineFlows(string container)
    {
        var options = new TaskOptions { MaxRetries = 0, Checkpoint = true, ResultHandler = ResultHandlers.AzureBlob(container) };
        var inline = options with { ResultHandler = ResultHandlers.Json };
        var chain = new FlowBuilder(ChainFlow);
        var previous = chain.Task(
            TaskName(0),
            (TaskRunContext context) =>
            {
                TaskProbes.Count(context);
                return 0;
            },
            options);
        for (var index = 1; index < ChainLength; index++)
        {
            previous = chain.Task(
                    TaskName(index),
                    async (int value, TaskRunContext context, CancellationToken cancellationToken) =>
                    {
                        TaskProbes.Count(context);
                        if (context.TaskName == TaskName(GatedIndex))
                        {
                            await PassGateAsync(context, cancellationToken);
                        }

                        return value + 1;
                    },
                    previous,
                    options);
        }

        chain.Task(SideTask, SideAsync, inline);
        yield return chain.Build();

        var unstored = new FlowBuilder(UnstoredFlow);
        var side = unstored.Task(SideTask, SideAsync, inline);
        unstored.Task(
            AfterTask,
            (string value, TaskRunContext context) =>
            {
                TaskProbes.Count(context);
                return $"{value}, then after";
            },
            side,
            inline);
        yield return unstored.Build();
    }

    private static string TaskName(int index) => $"t{index:00}";

    private static async Task<string> SideAsync(TaskRunContext context, CancellationToken cancellationToken)
    {
        TaskProbes.Count(context);
        await PassGateAsync(context, cancellationToken);
        TaskProbes.Gate(context.FlowRunId, $"{context.TaskName}-{Returned}").TrySetResult();
        return "side done";
    }

    /// <summary>Tells the test the task runs, then waits until the test opens the run's gate.</summary>
    private static async Task PassGateAsync(TaskRunContext context, CancellationToken cancellationToken)
    {
        TaskProbes.Gate(context.FlowRunId, $"{context.TaskName}-{Running}").TrySetResult();
        await TaskProbes.Gate(context.FlowRunId, Open).Task.WaitAsync(cancellationToken);
    }

    private void Report(string line)
    {
        _output.WriteLine(line);
        Console.WriteLine($"[{nameof(StorageOutageTests)}] {line}");
    }

    /// <summary>Writes what the engine logged (warnings and errors) to the test's output, to tell a failure's cause.</summary>
    private void ReportEngineLog()
    {
        foreach (var line in _cluster.Log.Lines.Where(line => line.Contains(" Tributary.", StringComparison.Ordinal)))
        {
            _output.WriteLine(line);
        }
    }
}
