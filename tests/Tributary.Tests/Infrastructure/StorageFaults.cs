using System.Collections.Concurrent;
using Orleans.Storage;

namespace Tributary.Tests.Infrastructure;

/// <summary>
/// Faults the test cluster's grain storage injects (see <see cref="FaultInjectingGrainStorage"/>), each for the grains
/// whose id contains a given text (a run id, a task-run key), so that tests running side by side do not see each other's.
/// </summary>
public static class StorageFaults
{
    private static readonly ConcurrentDictionary<string, Fault> Faults = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, TaskCompletionSource> Hung = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, TaskCompletionSource> HungSignals = new(StringComparer.Ordinal);

    /// <summary>How a write goes wrong.</summary>
    public enum Kind
    {
        /// <summary>Throws before writing, as a storage that is down does (transient).</summary>
        FailBeforeWrite,

        /// <summary>Writes, then throws, as a timeout whose write went through does (outcome unknown).</summary>
        WriteThenThrow,

        /// <summary>Throws an ETag conflict without writing.</summary>
        Conflict,

        /// <summary>Throws a permanent error (HTTP 403, as revoked credentials give) without writing.</summary>
        Forbidden,

        /// <summary>Never returns until <see cref="Clear"/> (then throws without writing): a write cut short by a crash.</summary>
        Hang,
    }

    /// <summary>Makes the next <paramref name="count"/> writes of state <paramref name="stateName"/> of matching grains fail.</summary>
    /// <param name="grainIdContains">Text the grain id must contain (e.g. a run id, or <c>run/task</c>).</param>
    /// <param name="stateName">The state's name: <c>task</c> for task runs, <c>flow</c> for flow runs.</param>
    /// <param name="kind">How the writes fail.</param>
    /// <param name="count">How many writes fail; <see cref="int.MaxValue"/> for all.</param>
    /// <param name="skip">How many matching writes go through first.</param>
    public static void Inject(string grainIdContains, string stateName, Kind kind, int count = 1, int skip = 0) =>
        Faults[grainIdContains] = new Fault(stateName, kind, count, skip);

    /// <summary>Removes the faults of <paramref name="grainIdContains"/> and ends its hung writes.</summary>
    public static void Clear(string grainIdContains)
    {
        Faults.TryRemove(grainIdContains, out _);
        if (Hung.TryRemove(grainIdContains, out var hung))
        {
            hung.TrySetResult();
        }
    }

    /// <summary>Completes when a write of <paramref name="grainIdContains"/> hangs (see <see cref="Kind.Hang"/>).</summary>
    public static Task WriteHung(string grainIdContains) => Signal(grainIdContains).Task;

    /// <summary>Records that a write of <paramref name="grainIdContains"/> hangs now.</summary>
    internal static void MarkHung(string grainIdContains) => Signal(grainIdContains).TrySetResult();

    private static TaskCompletionSource Signal(string grainIdContains) =>
        HungSignals.GetOrAdd(grainIdContains, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));

    /// <summary>What a hung write waits for.</summary>
    internal static TaskCompletionSource HangGate(string grainIdContains) =>
        Hung.GetOrAdd(grainIdContains, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));

    /// <summary>How many faults were injected for <paramref name="grainIdContains"/>.</summary>
    public static int InjectedFor(string grainIdContains) => Faults.TryGetValue(grainIdContains, out var fault) ? fault.Injected : 0;

    /// <summary>The fault the next write of a grain's state gets, if any (and counts it), with the text it matched.</summary>
    internal static (Kind Kind, string Key)? Next(string grainId, string stateName)
    {
        foreach (var (key, fault) in Faults)
        {
            if (fault.StateName == stateName && grainId.Contains(key, StringComparison.Ordinal))
            {
                return fault.Take() is { } kind ? (kind, key) : null;
            }
        }

        return null;
    }

    /// <summary>The exception a permanent storage error gives: an HTTP status, as the Azure SDK reports one.</summary>
    public sealed class ForbiddenException() : Exception("This request is not authorized to perform this operation (injected).")
    {
        /// <summary>The HTTP status.</summary>
        public int Status => 403;
    }

    private sealed class Fault(string stateName, Kind kind, int count, int skip)
    {
        private int _seen;
        private int _injected;

        public string StateName { get; } = stateName;

        public int Injected => Volatile.Read(ref _injected);

        public Kind? Take()
        {
            var seen = Interlocked.Increment(ref _seen);
            if (seen <= skip || (count != int.MaxValue && seen > skip + count))
            {
                return null;
            }

            Interlocked.Increment(ref _injected);
            return kind;
        }
    }
}
