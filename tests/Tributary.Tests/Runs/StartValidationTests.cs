using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Tributary.Flows;
using Tributary.Grains;
using Tributary.States;
using Tributary.Tests.Infrastructure;

namespace Tributary.Tests.Runs;

/// <summary>A run with an unknown flow or bad parameters is refused before anything runs or is stored, with an error naming the problem.</summary>
[Collection(TributaryClusterCollection.Name)]
public sealed class StartValidationTests(TributaryClusterFixture cluster)
{
    private const string Flow = "typed-parameters";

    public static IEnumerable<FlowDefinition> DefineFlows()
    {
        var flow = new FlowBuilder(Flow);
        var count = flow.Parameter<int>("count");
        var label = flow.Parameter("label", "none");
        flow.Task("use", (int count, string label, TaskRunContext context) => $"{label}:{count + TaskProbes.Count(context)}", count, label);
        yield return flow.Build();
    }

    // The parameters as one JSON object (name: value), the text the error must hold.
    public static TheoryData<string, string> BadParameters() => new()
    {
        { """{ "label": "x" }""", "missing required parameter 'count'" },
        { """{ "count": 1, "colour": "red" }""", "unknown parameter 'colour'" },
        { """{ "count": "many" }""", "parameter 'count' expects a Int32" },
        { """{ "count": null }""", "parameter 'count' expects a Int32" },
    };

    [Fact]
    public async Task Start_UnknownFlow_ThrowsUnknownFlowExceptionNamingItAndStoresNothing()
    {
        var runId = TributaryClusterFixture.NewRunId();

        var error = await Assert.ThrowsAsync<UnknownFlowException>(() => cluster.StartAsync(runId, "no-such-flow"));

        Assert.Equal("no-such-flow", error.FlowName);
        Assert.Contains("'no-such-flow'", error.Message);
        Assert.Contains(Flow, error.Message); // it lists the flows the silo knows
        await AssertNothingStartedAsync(runId);
    }

    [Theory]
    [MemberData(nameof(BadParameters))]
    public async Task Start_BadParameter_ThrowsFlowValidationExceptionNamingItAndStoresNothing(
        string parametersJson, string expected)
    {
        var runId = TributaryClusterFixture.NewRunId();
        var parameters = JsonNode.Parse(parametersJson)!.AsObject()
            .ToImmutableDictionary(pair => pair.Key, pair => pair.Value?.ToJsonString() ?? "null");

        var error = await Assert.ThrowsAsync<FlowValidationException>(() => cluster.FlowRun(runId).StartAsync(Flow, parameters));

        Assert.True(error.Problems.Any(p => p.Contains(expected, StringComparison.Ordinal)), error.Message);
        Assert.Contains(expected, error.Message);
        Assert.Equal(Flow, error.FlowName);
        await AssertNothingStartedAsync(runId);
    }

    [Fact]
    public async Task Start_ValidParameters_RunsAndStoresStateThatTheStorageScanFinds()
    {
        // The counterpart of the refusals: the same scan does find a run that started.
        var runId = await cluster.StartAsync(Flow, ("count", 2));

        var final = await cluster.WaitForFlowAsync(runId);

        Assert.Equal(FlowRunStatus.Success, final.Status);
        Assert.Equal("\"none\"", final.Parameters["label"]); // the default, as JSON
        Assert.NotEmpty(await cluster.FindInTablesAsync(runId));
    }

    private async Task AssertNothingStartedAsync(string runId)
    {
        Assert.Equal(FlowRunStatus.NotFound, (await cluster.FlowRun(runId).GetStateAsync()).Status);
        Assert.Equal(0, TaskProbes.CountOf(runId, "use"));
        Assert.Empty(await cluster.FindInTablesAsync(runId));
    }
}
