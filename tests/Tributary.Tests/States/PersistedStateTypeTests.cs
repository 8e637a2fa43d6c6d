using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Tributary.Handlers;
using Tributary.Results;
using Tributary.States;

namespace Tributary.Tests.States;

/// <summary>"The orchestration store never holds raw data" as a property of types: no persisted member can carry a raw value.</summary>
public sealed class PersistedStateTypeTests
{
    [Theory]
    [InlineData(typeof(TaskRunState))]
    [InlineData(typeof(FlowRunState))]
    [InlineData(typeof(FlowRunSnapshot))] // what the client API returns
    [InlineData(typeof(Tributary.Index.FlowRunIndexState))] // the run index behind `list`
    [InlineData(typeof(Tributary.Index.RunIndexDirectoryState))]
    [InlineData(typeof(Tributary.Index.FlowRunPage))]
    public void Walk_PersistedStateType_HasNoMemberThatCanCarryARawValue(Type stateType)
    {
        var (problems, _) = RawValueMembers.Find(stateType);

        Assert.Empty(problems);
    }

    [Fact]
    public void Walk_TaskRunState_ReachesSafeResultAndHandlerDescriptorThroughTheirCollections()
    {
        var (_, visited) = RawValueMembers.Find(typeof(TaskRunState));

        Assert.Contains(typeof(SafeResult), visited);
        Assert.Contains(typeof(ImmutableDictionary<string, SafeResult>), visited);
        Assert.Contains(typeof(ResultHandlerDescriptor), visited);
        Assert.Contains(typeof(ImmutableSortedDictionary<string, string>), visited);
    }

    [Fact]
    public void Walk_TypeWithRawValueMembers_FlagsEachOne()
    {
        var (problems, _) = RawValueMembers.Find(typeof(LeakyState));

        Assert.Equal(
            """
            LeakyState.Payload: Object can carry a raw value
            LeakyState.Outputs<Result>: Result can carry a raw value
            LeakyState.Typed[]: Result<Int32> can carry a raw value
            LeakyState.Nothing: NoResult can carry a raw value
            LeakyState.Json: JsonNode can carry a raw value
            LeakyState.Handler: IResultHandler is an interface, abstract or a delegate, so any implementation could be stored there
            LeakyState.Values<Object>: Object can carry a raw value
            LeakyState.Open: OpenState is not sealed, so a subclass with any field could be stored there
            LeakyState.Unknown: Exception is not a known leaf, collection or [GenerateSerializer] type, so it cannot be vouched for
            LeakyState.Nested.Hidden: Object can carry a raw value
            """,
            string.Join("\n", problems));
    }

    // Like a persisted state, but with every kind of member the walker must refuse (and one that is fine).
    [GenerateSerializer]
    internal sealed class LeakyState
    {
        [Id(0)] public object? Payload { get; init; }
        [Id(1)] public ImmutableDictionary<string, Result> Outputs { get; init; } = ImmutableDictionary<string, Result>.Empty;
        [Id(2)] public Result<int>[] Typed { get; init; } = [];
        [Id(3)] public NoResult? Nothing { get; init; }
        [Id(4)] public JsonNode? Json { get; init; }
        [Id(5)] public IResultHandler? Handler { get; init; }
        // `dynamic` is `object` to reflection (and Orleans' code generator refuses it outright).
        [Id(6)] public IReadOnlyList<object> Values { get; init; } = [];
        [Id(7)] public OpenState? Open { get; init; }
        [Id(8)] public Exception? Unknown { get; init; }
        [Id(9)] public NestedState? Nested { get; init; }
        [Id(10)] public SafeResult? Fine { get; init; }
        [field: NonSerialized] public object? NotPersisted { get; init; } // no [Id]: Orleans does not write it
    }

    [GenerateSerializer]
    internal class OpenState;

    [GenerateSerializer]
    internal sealed class NestedState
    {
        [Id(0)] public object? Hidden { get; init; }
    }
}
