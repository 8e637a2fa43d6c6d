using Orleans.Runtime;
using Tributary.Flows;
using Tributary.Handlers;
using Tributary.States;
using Tributary.Tests.Infrastructure;
using static Tributary.Tests.Infrastructure.Samples;

namespace Tributary.Tests.Runs;

/// <summary>A silo dies between two attempts of a task: the run finishes on the other silo and checkpointed tasks do not run again.</summary>
[Collection(TributaryClusterCollection.Name)]
public sealed class SiloRestartTests(TributaryClusterFixture cluster)
{
    private const string Flow = "silo-restart";

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
                new TaskOptions { MaxRetries = 2, RetryDelay = TimeSpan.FromSeconds(3), ResultHandler = handler, Checkpoint = true })
            .WithInput("order", a);
        flow.Task(
                "c",
                (decimal total, TaskRunContext context) =>
                {
                    TaskProbes.Count(context);
                    return $"total {total}";
                },
                new TaskOptions { ResultHandler = ResultHandlers.Json, Checkpoint = true })
            .WithInput("total", b);
        yield return flow.Build();
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
        Assert.Equal((TaskRunStatus.Success, 2), (b.Status, b.Attempt));
        var c = await cluster.TaskRun(runId, "c").GetStateAsync();
        Assert.Equal($"\"total {SampleOrder(runId).Amount * 2}\"", c.Output?.Json);
        Assert.NotEqual(silo.SiloAddress, cluster.SiloOf(grain)?.SiloAddress);
    }
}
