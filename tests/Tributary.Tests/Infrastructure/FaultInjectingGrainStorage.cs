using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;

namespace Tributary.Tests.Infrastructure;

/// <summary>
/// Wraps the test cluster's real grain storage (Azure Table on Azurite) and injects the write faults that
/// <see cref="StorageFaults"/> holds; reads and every other write pass through untouched.
/// </summary>
public sealed class FaultInjectingGrainStorage(IGrainStorage inner) : IGrainStorage, ILifecycleParticipant<ISiloLifecycle>
{
    /// <summary>Replaces the keyed grain storage <paramref name="name"/> with this wrapper around it.</summary>
    public static void Decorate(IServiceCollection services, string name)
    {
        var original = services.Single(d => d.ServiceType == typeof(IGrainStorage) && d.IsKeyedService && Equals(d.ServiceKey, name));
        services.Remove(original);
        services.AddKeyedSingleton<IGrainStorage>(
            name, (provider, key) => new FaultInjectingGrainStorage((IGrainStorage)original.KeyedImplementationFactory!(provider, key)));
    }

    /// <inheritdoc />
    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        inner.ReadStateAsync(stateName, grainId, grainState);

    /// <inheritdoc />
    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var fault = StorageFaults.Next(grainId.ToString(), stateName);
        switch (fault?.Kind)
        {
            case StorageFaults.Kind.Hang:
                var gate = StorageFaults.HangGate(fault.Value.Key);
                // Signal the hang by a second, separate source: the gate itself completes only when the test clears it.
                StorageFaults.MarkHung(fault.Value.Key);
                await gate.Task;
                throw new IOException($"Write of {stateName} of {grainId} never completed (injected hang).");
            case StorageFaults.Kind.FailBeforeWrite:
                throw new IOException($"Storage unreachable (injected) writing {stateName} of {grainId}.");
            case StorageFaults.Kind.Conflict:
                throw new InconsistentStateException($"ETag conflict (injected) writing {stateName} of {grainId}.");
            case StorageFaults.Kind.Forbidden:
                throw new StorageFaults.ForbiddenException();
            case StorageFaults.Kind.WriteThenThrow:
                await inner.WriteStateAsync(stateName, grainId, grainState);
                grainState.ETag = "stale-after-injected-fault"; // as a caller that never saw the response would keep its old one
                throw new TimeoutException($"Storage timed out (injected) after writing {stateName} of {grainId}.");
            default:
                await inner.WriteStateAsync(stateName, grainId, grainState);
                return;
        }
    }

    /// <inheritdoc />
    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        inner.ClearStateAsync(stateName, grainId, grainState);

    /// <inheritdoc />
    public void Participate(ISiloLifecycle observer) => (inner as ILifecycleParticipant<ISiloLifecycle>)?.Participate(observer);
}
