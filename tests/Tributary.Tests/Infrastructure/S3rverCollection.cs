namespace Tributary.Tests.Infrastructure;

/// <summary>The tests that use S3, sharing the run's one s3rver server and one bucket.</summary>
[CollectionDefinition(Name)]
public sealed class S3rverCollection : ICollectionFixture<S3rverFixture>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "S3rver";
}
