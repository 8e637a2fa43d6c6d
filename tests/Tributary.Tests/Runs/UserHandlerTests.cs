using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Tributary.Flows;
using Tributary.Handlers;
using Tributary.States;
using Tributary.Tests.Infrastructure;

namespace Tributary.Tests.Runs;

/// <summary>A user's own handler kind, registered on the silos, takes part in checkpoints and retries like the built-in ones.</summary>
[Collection(TributaryClusterCollection.Name)]
public sealed class UserHandlerTests(TributaryClusterFixture cluster)
{
    private const string Flow = "user-handler";

    public static IEnumerable<FlowDefinition> DefineFlows()
    {
        var flow = new FlowBuilder(Flow);
        var a = flow.Task(
            "a",
            (TaskRunContext context) => $"made-by-a-{context.FlowRunId}",
            new TaskOptions { Checkpoint = true, ResultHandler = KeyValueResultHandler.Describe() });
        flow.Task(
            "b",
            (string text, TaskRunContext context) =>
                context.Attempt == 1 ? throw new InvalidOperationException("fails once") : text.Length,
            a,
            new TaskOptions { MaxRetries = 1, RetryDelay = TimeSpan.FromMilliseconds(500) });
        yield return flow.Build();
    }

    [Fact]
    public async Task Run_TaskWithUserHandlerKind_CheckpointAndRetryCacheGoThroughIt()
    {
        var runId = await cluster.StartAsync(Flow);
        var retrying = await cluster.WaitForTaskAsync(runId, "b", state => state.Status == TaskRunStatus.Retrying);
        var final = await cluster.WaitForFlowAsync(runId);

        Assert.Equal(FlowRunStatus.Success, final.Status);
        var a = await cluster.TaskRun(runId, "a").GetStateAsync();
        Assert.Equal(KeyValueResultHandler.Kind, a.Output!.Handler.Kind);
        var key = JsonNode.Parse(a.Output.Json)!["key"]!.GetValue<string>();
        Assert.Equal($"\"made-by-a-{runId}\"", KeyValueResultHandler.Store[key]);
        // b's input came from a, so the retry cached it through a's (user) handler; a's checkpoint was reused.
        Assert.Equal(a.Output, retrying.CachedInputs["text"]);
    }

    /// <summary>
    /// A user's handler: values in a process-wide dictionary, the safe value a JSON object naming the key. The README's
    /// worked example; <see cref="Handlers.UserHandlerConformanceTests"/> runs the conformance kit on it.
    /// </summary>
    public sealed class KeyValueResultHandler : IResultHandler
    {
        public const string Kind = "test-key-value";

        public static ConcurrentDictionary<string, string> Store { get; } = new();

        public ResultHandlerDescriptor Descriptor => Describe();

        public static ResultHandlerDescriptor Describe() => new(Kind);

        public Task<JsonNode?> WriteAsync(object? value, Type valueType, CancellationToken cancellationToken = default)
        {
            var key = Guid.NewGuid().ToString("N");
            Store[key] = JsonSerializer.Serialize(value, valueType);
            return Task.FromResult<JsonNode?>(new JsonObject { ["key"] = key });
        }

        public Task<object?> ReadAsync(JsonNode? location, Type valueType, CancellationToken cancellationToken = default)
        {
            var key = KeyOf(location);
            return Store.TryGetValue(key, out var json)
                ? Task.FromResult(JsonSerializer.Deserialize(json, valueType))
                : throw new ResultLocationNotFoundException(location!.ToJsonString(), Descriptor);
        }

        public Task DeleteAsync(JsonNode? location, CancellationToken cancellationToken = default)
        {
            Store.TryRemove(KeyOf(location), out _);
            return Task.CompletedTask;
        }

        private static string KeyOf(JsonNode? location) =>
            location?["key"]?.GetValue<string>() ?? throw new ArgumentException("The location names no key.", nameof(location));
    }
}
