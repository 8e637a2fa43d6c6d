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
    }

    /// <summary>Makes the next <paramref name="count"/> writes of state <paramref name="stateName"/> of matching grains fail.</summary>
    /// <param name="grainIdContains">Text the grain id must contain (e.g. a run id, or <c>run/task</c>).</param>
    /// <param name="stateName">The state's name: <c>task</c> for task runs, <c>flow</c> for flow runs.</param>
    /// <param name="kind">How the writes fail.</param>
    /// <param name="count">How many writes fail; <see cref="int.MaxValue"/> for all.</param>
    /// <param name="skip">How many matching writes go through first.</param>
    public static void Inject(string grainIdContains, string stateName, Kind kind, int count = 1, int skip = 0) =>
        Faults[grainIdContains] = new Fault(stateName, kind, count, skip);

    /// <summary>Removes the faults of <paramref name="grainIdContains"/>.</summary>
    public static void Clear(string grainIdContains) => Faults.TryRemove(grainIdContains, out _);

    /// <summary>How many faults were injected for <paramref name="grainIdContains"/>.</summary>
    public static int InjectedFor(string grainIdContains) => Faults.TryGetValue(grainIdContains, out var fault) ? fault.Injected : 0;

    /// <summary>The fault the next write of a grain's state gets, if any (and counts it).</summary>
    internal static Kind? Next(string grainId, string stateName)
    {
        foreach (var (key, fault) in Faults)
        {
            if (fault.StateName == stateName && grainId.Contains(key, StringComparison.Ordinal))
            {
                return fault.Take();
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
