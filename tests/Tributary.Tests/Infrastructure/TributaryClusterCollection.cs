namespace Tributary.Tests.Infrastructure;

/// <summary>
/// The engine tests: they share one two-silo cluster (<see cref="TributaryClusterFixture"/>) for the whole run and,
/// being one collection, run one after another, so a test that kills a silo never disturbs another test's run.
/// </summary>
[CollectionDefinition(Name)]
public sealed class TributaryClusterCollection : ICollectionFixture<TributaryClusterFixture>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "Tributary cluster";
}
