namespace Tributary.Tests.Infrastructure;

/// <summary>
/// Tests that change process-wide state (environment variables): they run alone, after the parallel collections, so
/// that no other test sees their changes.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessEnvironmentCollection
{
    /// <summary>The collection's name.</summary>
    public const string Name = "Process environment";
}
