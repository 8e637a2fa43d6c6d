namespace Tributary.Tests.Infrastructure;

/// <summary>The tests that use Azure Storage, sharing the run's one Azurite server.</summary>
[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "Azurite";
}
