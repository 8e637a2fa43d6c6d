using System.Collections.Immutable;

namespace Tributary.States;

/// <summary>A flow run and all its task runs at one moment, for the client API and the command line.</summary>
/// <param name="Flow">The flow run.</param>
/// <param name="Tasks">
/// Every task run, in topological order; a map's children (<c>score[0]</c>, <c>score[1]</c>, …) follow their map, in
/// the order of their elements.
/// </param>
[GenerateSerializer, Immutable, Alias("tributary.flow-run-snapshot")]
public sealed partial record FlowRunSnapshot([property: Id(0)] FlowRunState Flow, [property: Id(1)] ImmutableArray<TaskRunState> Tasks);
