using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Nodes;
using Tributary.Handlers;
using Tributary.Results;
using Tributary.States;

namespace Tributary.Tests.States;

/// <summary>States as the client API gives them can be written as JSON (for a dashboard, a CLI's JSON output, logs).</summary>
public sealed class StateJsonTests
{
    private static readonly SafeResult Stored = new("\"/results/1.json\"", ResultHandlers.Local("/results"), "System.String");

    // Guards a fixed bug: SafeResult.SafeValue is the safe result itself and TaskRunState.Result can be NoResult (whose
    // Value is itself), so System.Text.Json failed with "a possible object cycle" on every state and snapshot.
    [Fact]
    public void Serialize_SnapshotWithStoredAndMissingOutputs_WritesSafeValuesOnce()
    {
        var snapshot = new FlowRunSnapshot(
            new FlowRunState { FlowRunId = "r", FlowName = "f", Status = FlowRunStatus.Running },
            [
                new TaskRunState { FlowRunId = "r", FlowName = "f", TaskName = "done", Status = TaskRunStatus.Success, Output = Stored },
                new TaskRunState
                {
                    FlowRunId = "r", FlowName = "f", TaskName = "retrying", Status = TaskRunStatus.Retrying,
                    CachedInputs = ImmutableDictionary<string, SafeResult>.Empty.Add("input", Stored),
                },
            ]);

        var json = JsonNode.Parse(JsonSerializer.Serialize(snapshot))!;

        var done = json["Tasks"]![0]!;
        Assert.Equal("\"/results/1.json\"", done["Output"]!["Json"]!.GetValue<string>());
        Assert.Equal("local", done["Output"]!["Handler"]!["Kind"]!.GetValue<string>());
        Assert.Null(done["Output"]!["SafeValue"]);
        Assert.Null(done["Result"]);
        Assert.Equal("\"/results/1.json\"", json["Tasks"]![1]!["CachedInputs"]!["input"]!["Json"]!.GetValue<string>());
    }
}
