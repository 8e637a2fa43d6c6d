using System.Text.Json.Nodes;
using Amazon.S3;

namespace Tributary.Tests.Infrastructure;

/// <summary>
/// Gives a test class the run's shared <see cref="S3rverServer"/> and a bucket of its own. Use it through the
/// <c>"S3rver"</c> collection (<c>[Collection(S3rverCollection.Name)]</c>); the server is started once per run.
/// </summary>
/// <remarks>Disposing the fixture does not stop the shared server: other collections may still use it.</remarks>
public sealed class S3rverFixture : IAsyncLifetime
{
    private S3rverServer? _server;

    /// <summary>The shared server.</summary>
    public S3rverServer Server => _server ?? throw new InvalidOperationException("The s3rver fixture is not initialized yet.");

    /// <summary>A bucket made for this fixture, empty at first.</summary>
    public string Bucket { get; } = $"tributary-{Guid.NewGuid():N}"[..40];

    /// <summary>The key of an <c>s3://bucket/key</c> location in <see cref="Bucket"/>.</summary>
    public string KeyOf(JsonNode? location)
    {
        var text = location!.GetValue<string>();
        var prefix = $"s3://{Bucket}/";
        Assert.StartsWith(prefix, text, StringComparison.Ordinal);
        return text[prefix.Length..];
    }

    /// <summary>A client of the server, for tests that look at objects directly.</summary>
    public AmazonS3Client Client { get; private set; } = null!;

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        _server = await S3rverServer.Shared;
        Client = _server.CreateClient();
        await Client.PutBucketAsync(Bucket);
    }

    /// <inheritdoc />
    public Task DisposeAsync()
    {
        Client?.Dispose();
        return Task.CompletedTask;
    }
}
