using System.Collections.Immutable;
using Tributary.Flows;
using Tributary.Grains;
using Tributary.States;
using Tributary.Tests.Infrastructure;

namespace Tributary.Tests.Runs;

/// <summary>
/// A run id is a promise: starting it again with the same flow and parameters gives the existing run, and another flow
/// or other parameters are refused with an error naming both. A run records the version of its flow.
/// </summary>
[Collection(TributaryClusterCollection.Name)]
public sealed class RunIdTests(TributaryClusterFixture cluster)
{
    private const string Flow = "run-id";
    private const string OtherFlow = "run-id-other";

    public static IEnumerable<FlowDefinition> DefineFlows()
    {
        var flow = new FlowBuilder(Flow);
        var count = flow.Parameter<int>("count");
        var label = flow.Parameter("label", "none");
        var weights = flow.Parameter("weights", new Dictionary<string, int> { ["a"] = 1, ["b"] = 2 });
        flow.Task(
            "use",
            (int count, string label, Dictionary<string, int> weights, TaskRunContext context) =>
            {
                TaskProbes.Count(context);
                return $"{label}:{count * weights.Values.Sum()}";
            },
            count,
            label,
            weights);
        yield return flow.Build();

        var other = new FlowBuilder(OtherFlow);
        other.Task("only", () => 1);
        yield return other.Build();
    }

    // Guards a fixed bug: the same run id with other parameters silently answered with the old run.
    [Fact]
    public async Task Start_SameIdOtherParameters_ThrowsConflictNamingBothAndLeavesTheRunAsItWas()
    {
        var runId = TributaryClusterFixture.NewRunId();
        await cluster.StartAsync(runId, Flow, ("count", 21));
        var first = await cluster.WaitForFlowAsync(runId);

        var error = await Assert.ThrowsAsync<FlowRunConflictException>(() => cluster.StartAsync(runId, Flow, ("count", 99)));

        Assert.Contains($"Flow run '{runId}' already exists as flow '{Flow}' with parameters count=21,", error.Message);
        Assert.Contains($"cannot be started as flow '{Flow}' with parameters count=99,", error.Message);
        Assert.Equal(("21", "99"), (error.ExistingParameters["count"], error.RequestedParameters["count"]));
        Assert.Equal((runId, Flow, Flow), (error.FlowRunId, error.ExistingFlowName, error.RequestedFlowName));
        var after = await cluster.FlowRun(runId).GetStateAsync();
        Assert.Equal((first.Status, first.StartedAt, first.FinishedAt, "21"), (after.Status, after.StartedAt, after.FinishedAt, after.Parameters["count"]));
        Assert.Equal(1, TaskProbes.CountOf(runId, "use"));
    }

    [Fact]
    public async Task Start_SameIdOtherFlow_ThrowsConflictNamingBothFlows()
    {
        var runId = await cluster.StartAsync(Flow, ("count", 1));

        var error = await Assert.ThrowsAsync<FlowRunConflictException>(() => cluster.StartAsync(runId, OtherFlow));

        Assert.Contains($"already exists as flow '{Flow}'", error.Message);
        Assert.Contains($"cannot be started as flow '{OtherFlow}' with no parameters", error.Message);
        Assert.Equal(FlowRunStatus.Success, (await cluster.WaitForFlowAsync(runId)).Status);
    }

    [Fact]
    public async Task Start_SameIdUnknownParameter_ThrowsConflictSayingWhy()
    {
        var runId = await cluster.StartAsync(Flow, ("count", 1));

        var error = await Assert.ThrowsAsync<FlowRunConflictException>(() => cluster.StartAsync(runId, Flow, ("count", 1), ("colour", "red")));

        Assert.Contains("unknown parameter 'colour'", error.Message);
        Assert.Equal(FlowRunStatus.Success, (await cluster.WaitForFlowAsync(runId)).Status);
    }

    [Fact]
    public async Task Start_SameIdSameParametersOnceDefaultsAreBoundAndJsonIsParsed_ReturnsTheExistingRunWithoutRunningAgain()
    {
        var runId = await cluster.StartAsync(Flow, ("count", 2));
        var first = await cluster.WaitForFlowAsync(runId);

        // The default given explicitly, the object's members in another order, the number with spaces around it.
        var again = await cluster.FlowRun(runId).StartAsync(Flow, ImmutableDictionary<string, string>.Empty
            .Add("count", " 2 ")
            .Add("label", "\"none\"")
            .Add("weights", """{ "b": 2, "a": 1 }"""));

        Assert.Equal((first.Status, first.StartedAt, first.FinishedAt), (again.Status, again.StartedAt, again.FinishedAt));
        Assert.Equal(first.Parameters.OrderBy(p => p.Key), again.Parameters.OrderBy(p => p.Key)); // as stored, not as given
        Assert.Equal(1, TaskProbes.CountOf(runId, "use"));
    }

    [Fact]
    public async Task Start_NewRun_RecordsTheFlowVersionOnTheRunAndItsTasks()
    {
        // The same code built again gives the same version as the silo's definition.
        var version = DefineFlows().First().Version;

        var runId = await cluster.StartAsync(Flow, ("count", 3));
        var final = await cluster.WaitForFlowAsync(runId);

        Assert.Equal(version, final.FlowVersion);
        Assert.Equal(version, (await cluster.TaskRun(runId, "use").GetStateAsync()).FlowVersion);
    }
}
