using System.Text.Json.Nodes;
using Amazon.S3.Model;
using Tributary.Handlers;
using Tributary.Handlers.S3;
using Tributary.Results;
using Tributary.Tests.Infrastructure;

namespace Tributary.Tests.Handlers;

/// <summary>What retention asks of the S3 handler beyond the conformance suite: paged listings, its own prefix only, odd locations.</summary>
[Collection(S3rverCollection.Name)]
public sealed class S3ResultHandlerListingTests(S3rverFixture s3)
{
    private readonly string _prefix = $"listing-{Guid.NewGuid():N}/";
    private readonly DateOnly _today = DateOnly.FromDateTime(DateTime.UtcNow);

    [Fact]
    public async Task ListRunLocationsAsync_MorePagesThanOne_ListsEveryKeyOnceInKeyOrderAsWritesReturnedThem()
    {
        var handler = Handler();
        handler.ListPageSize = 2;
        var run = $"run-{Guid.NewGuid():N}";
        var written = new List<string>();
        for (var task = 0; task < 5; task++)
        {
            var location = await handler.WriteAsync(task, typeof(int), new ResultKey("flow", run, $"task-{task}", 1, string.Empty, _today));
            written.Add(location!.GetValue<string>());
        }

        var listed = await handler.ListRunLocationsAsync("flow", run, _today);

        Assert.Equal(written.Order(StringComparer.Ordinal), listed.Select(location => location.GetValue<string>()));
        // The store does page at that size, so the listing above went through continuation tokens.
        var firstPage = await s3.Client.ListObjectsV2Async(new ListObjectsV2Request
        {
            BucketName = s3.Bucket, Prefix = _prefix + ResultKey.RunPrefix("flow", run, _today), MaxKeys = 2,
        });
        Assert.True(firstPage.IsTruncated);
        Assert.Equal(2, firstPage.S3Objects.Count);
    }

    [Fact]
    public async Task ListRunLocationsAsync_SameRunUnderAnotherPrefix_IsNotListed()
    {
        var run = $"run-{Guid.NewGuid():N}";
        var key = new ResultKey("flow", run, "extract", 1, string.Empty, _today);
        var mine = Handler();
        var other = Handler(prefix: $"other-{Guid.NewGuid():N}/");
        var location = await mine.WriteAsync("mine", typeof(string), key);
        await other.WriteAsync("theirs", typeof(string), key);

        var listed = await mine.ListRunLocationsAsync("flow", run, _today);

        Assert.Equal([location!.GetValue<string>()], listed.Select(l => l.GetValue<string>()));
    }

    [Fact]
    public async Task ListRunLocationsAsync_BucketMissing_ListsNothing()
    {
        var handler = Handler($"missing-{Guid.NewGuid():N}"[..30]);

        Assert.Empty(await handler.ListRunLocationsAsync("flow", "run-1", _today));
    }

    [Fact]
    public async Task ExistsAsync_BucketMissing_IsFalse()
    {
        var handler = Handler();

        Assert.False(await handler.ExistsAsync(JsonValue.Create($"s3://missing-{Guid.NewGuid():N}"[..35] + "/a/b.json")));
    }

    [Theory]
    [InlineData("/tmp/results/a.json")]
    [InlineData("s3://Bad_Bucket/key")]
    public async Task ExistsAsync_NotAnS3Location_ThrowsArgumentNamingIt(string location)
    {
        var handler = Handler();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => handler.ExistsAsync(JsonValue.Create(location)));

        Assert.Contains(location, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExistsAsync_NumberLocation_ThrowsArgumentNamingIt()
    {
        var handler = Handler();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => handler.ExistsAsync(JsonValue.Create(42)));

        Assert.Contains("string locations, but was given 42", error.Message, StringComparison.Ordinal);
    }

    private S3ResultHandler Handler(string? bucket = null, string? prefix = null) => Assert.IsType<S3ResultHandler>(
        S3Hosts.Catalog(s3.Server, s3.Bucket, prefix ?? _prefix).GetHandler(S3ResultHandler.DescriptorFor(bucket ?? s3.Bucket)));
}
