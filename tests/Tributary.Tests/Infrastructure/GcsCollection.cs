namespace Tributary.Tests.Infrastructure;

/// <summary>The tests that use the in-test Cloud Storage server, sharing the run's one <see cref="GcsTestServer"/>.</summary>
[CollectionDefinition(Name)]
public sealed class GcsCollection : ICollectionFixture<GcsFixture>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "Gcs";
}
