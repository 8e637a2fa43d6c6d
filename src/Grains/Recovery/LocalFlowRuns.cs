using System.Collections.Concurrent;

namespace Tributary.Recovery;

/// <summary>The running flow runs whose activation lives in this silo; <see cref="DeadSiloRecovery"/> asks them to check their tasks when another silo dies.</summary>
internal sealed class LocalFlowRuns(ILocalSiloDetails silo)
{
    private readonly ConcurrentDictionary<string, byte> _ids = new(StringComparer.Ordinal);

    /// <summary>The key of this silo's persisted list (<see cref="ISiloRunsGrain"/>).</summary>
    public string SiloKey { get; } = SiloRunsKey.Of(silo.SiloAddress);

    public void Add(string flowRunId) => _ids.TryAdd(flowRunId, 0);

    public void Remove(string flowRunId) => _ids.TryRemove(flowRunId, out _);

    public IReadOnlyCollection<string> Snapshot() => [.. _ids.Keys];
}
