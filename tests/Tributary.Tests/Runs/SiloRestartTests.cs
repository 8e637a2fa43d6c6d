using Orleans.Runtime;
using Tributary.Flows;
using Tributary.Handlers;
using Tributary.States;
using Tributary.Tests.Infrastructure;
using static Tributary.Testing.ConformanceSamples;

namespace Tributary.Tests.Runs;

/// <summary>A silo dies between two attempts of a task: the run finishes on the other silo and checkpointed tasks do not run again.</summary>
[Collection(TributaryClusterCollection.Name)]
public sealed class SiloRestartTests(TributaryClusterFixture cluster)
{
    private const string Flow = "silo-restart";
    private const string LostAttemptFlow = "silo-lost-attempt";

    public static IEnumerable<FlowDefinition> DefineFlows(TributaryClusterFixture.Locations storage)
    {
        var handler = ResultHandlers.Local(storage.Directory("silo-restart"));
        var flow = new FlowBuilder(Flow);
        var a = flow.Task(
            "a",
            (TaskRunContext context) =>
            {
                TaskProbes.Count(context);
                return SampleOrder(context.FlowRunId);
            },
            new TaskOptions { ResultHandler = handler, Checkpoint = true });
        var b = flow.Task(
            "b",
            (Order order, TaskRunContext context) =>
            {
                if (TaskProbes.Count(context) == 1)
                {
                    throw new InvalidOperationException("first attempt fails");
                }

                return order.Amount * 2;
            },
            a,
            new TaskOptions { MaxRetries = 2, RetryDelay = TimeSpan.FromSeconds(3), ResultHandler = handler, Checkpoint = true });
        flow.Task(
            "c",
            (decimal total, TaskRunContext context) =>
            {
                TaskProbes.Count(context);
                return $"total {total}";
            },
            b,
            new TaskOptions { ResultHandler = ResultHandlers.Json, Checkpoint = true });
        yield return flow.Build();

        var lost = new FlowBuilder(LostAttemptFlow);
        // "slow" hangs on its first attempt until the test kills its silo; it has no retries, so only the lost-attempt
        // rule can bring it back.
        var slow = lost.Task(
            "slow",
            async (TaskRunContext context, CancellationToken cancellationToken) =>
            {
                if (TaskProbes.Count(context) == 1)
                {
                    TaskProbes.Gate(context.FlowRunId, "slow-started").TrySetResult();
                    await TaskProbes.Gate(context.FlowRunId, "never").Task.WaitAsync(cancellationToken);
                }

                return 7;
            },
            new TaskOptions { MaxRetries = 0 });
        lost.Task("after", (int value) => value * 6, slow, new TaskOptions { ResultHandler = ResultHandlers.Json, Checkpoint = true });
        yield return lost.Build();
    }

    [Fact]
    public async Task Run_SiloKilledMidAttempt_AttemptRunsAgainAsLostWithoutUsingRetries()
    {
        var runId = await cluster.StartAsync(LostAttemptFlow);
        await TaskProbes.Gate(runId, "slow-started").Task.WaitAsync(TributaryClusterFixture.Patience);
        // The attempt is stored as running while it runs (the write overlaps its work); wait until storage holds it,
        // then kill the silo running it.
        await cluster.WaitForStoredTaskAsync(runId, "slow", s => s.Status == TaskRunStatus.Running);
        var silo = cluster.SiloOf(cluster.TaskRun(runId, "slow")) ?? throw new InvalidOperationException("slow is not active.");

        await cluster.Cluster.KillSiloAsync(silo);
        var replacement = cluster.Cluster.StartAdditionalSiloAsync();
        var final = await cluster.WaitForFlowAsync(runId);
        await replacement;
        TaskProbes.Gate(runId, "never").TrySetResult();
        var slowState = await cluster.TaskRun(runId, "slow").GetStateAsync();

        Assert.True(final.Status == FlowRunStatus.Success, $"The run ended {final.Status}: {final.Message} (slow: {slowState.Message})");
        Assert.Equal(2, TaskProbes.CountOf(runId, "slow"));
        Assert.Equal((TaskRunStatus.Success, 1), (slowState.Status, slowState.LostAttempts));
        Assert.Equal("42", (await cluster.TaskRun(runId, "after").GetStateAsync()).Output?.Json);
    }

    [Theory]
    [InlineData("b")] // the silo that runs the retrying task
    [InlineData("flow")] // the silo that runs the flow-run grain (b may or may not be there too)
    public async Task Run_SiloKilledWhileTaskRetrying_FinishesOnAnotherSiloWithoutRerunningCheckpointedTasks(string victim)
    {
        var runId = await cluster.StartAsync(Flow);
        await cluster.WaitForTaskAsync(runId, "b", s => s.Status == TaskRunStatus.Retrying);
        IAddressable grain = victim == "b" ? cluster.TaskRun(runId, "b") : cluster.FlowRun(runId);
        var silo = cluster.SiloOf(grain) ?? throw new InvalidOperationException($"{victim} is not active anywhere.");

        await cluster.Cluster.KillSiloAsync(silo);
        var replacement = cluster.Cluster.StartAdditionalSiloAsync(); // keep two silos for the tests after this one
        var final = await cluster.WaitForFlowAsync(runId);
        await replacement;

        Assert.True(final.Status == FlowRunStatus.Success, $"The run ended {final.Status}: {final.Message}");
        Assert.Equal(1, TaskProbes.CountOf(runId, "a"));
        Assert.Equal(2, TaskProbes.CountOf(runId, "b"));
        Assert.Equal(1, TaskProbes.CountOf(runId, "c"));
        var b = await cluster.TaskRun(runId, "b").GetStateAsync();
        Assert.True((b.Status, b.Attempt) == (TaskRunStatus.Success, 2), $"b: {b.Status} attempt {b.Attempt} lost {b.LostAttempts}: {b.Message}");
        var c = await cluster.TaskRun(runId, "c").GetStateAsync();
        Assert.Equal($"\"total {SampleOrder(runId).Amount * 2}\"", c.Output?.Json);
        Assert.NotEqual(silo.SiloAddress, cluster.SiloOf(grain)?.SiloAddress);
    }
}
