using Tributary.Client;
using Tributary.Flows;
using Tributary.Grains;
using Tributary.States;

namespace Tributary.Tests.Runs;

/// <summary>
/// A task the run has started whose grain has not taken the start yet (the call is on its way) is shown running: its
/// state read interleaves with the start, and a snapshot that showed it pending would stay wrong until the run's next
/// change, which for a task that runs long is its end.
/// </summary>
public sealed class StartingTaskRowTests
{
    private const string Flow = "starting-row";

    [Fact]
    public async Task Snapshot_StartStillOnItsWayToTheTaskGrain_ShowsTheTaskRunning()
    {
        var held = new HeldStart("/slow");
        var flow = new FlowBuilder(Flow);
        flow.Task("slow", () => 1);
        await using var client = await TributaryClientFactory.StartEmbeddedAsync(tributary =>
        {
            tributary.AddFlow(flow.Build());
            tributary.Silo.AddIncomingGrainCallFilter(held);
        });

        var runId = await client.StartFlowRunAsync(Flow);
        await held.Entered.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var snapshot = await client.GetFlowRunAsync(runId);
        held.Release.TrySetResult();
        var final = await client.WaitForFlowRunAsync(runId, TimeSpan.FromSeconds(30));

        Assert.Equal(TaskRunStatus.Running, Assert.Single(snapshot.Tasks).Status);
        Assert.Equal(FlowRunStatus.Success, final.Flow.Status);
    }

    /// <summary>Holds the first <c>RunAsync</c> call to the task grain whose key ends with a suffix until released.</summary>
    private sealed class HeldStart(string keySuffix) : IIncomingGrainCallFilter
    {
        public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public async Task Invoke(IIncomingGrainCallContext context)
        {
            if (context.InterfaceMethod?.Name == nameof(ITaskRunGrain.RunAsync)
                && context.TargetId.Key.ToString()!.EndsWith(keySuffix, StringComparison.Ordinal)
                && Entered.TrySetResult())
            {
                await Release.Task;
            }

            await context.Invoke();
        }
    }
}
