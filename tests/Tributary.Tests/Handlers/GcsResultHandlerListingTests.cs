using System.Text.Json.Nodes;
using Tributary.Handlers;
using Tributary.Handlers.GoogleCloudStorage;
using Tributary.Results;
using Tributary.Tests.Infrastructure;

namespace Tributary.Tests.Handlers;

/// <summary>
/// What retention asks of the Cloud Storage handler beyond the conformance cases: a listing of many pages, the requests
/// it makes, and faults that must not read as "nothing there". Against the in-test server, not the real service.
/// </summary>
[Collection(GcsCollection.Name)]
public sealed class GcsResultHandlerListingTests(GcsFixture gcs)
{
    private static readonly DateOnly Day = new(2026, 12, 1);
    private readonly GcsTestServer _server = gcs.Server;

    [Fact]
    public async Task ListRunLocationsAsync_MorePagesThanOne_FollowsEveryPageAndListsOnlyTheRun()
    {
        var bucket = _server.CreateBucket();
        _server.SetListPageSize(bucket, 2);
        var handler = Lister(bucket, "results/");
        var written = new List<string>();
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            var key = ResultKey.OfAttempt("etl", "run-1", $"task-{attempt}", attempt, new DateTimeOffset(Day, new TimeOnly(12, 0), TimeSpan.Zero));
            written.Add((await ((IResultHandler)handler).WriteAsync(attempt, typeof(int), key))!.GetValue<string>());
        }

        // Neighbours the prefix must leave out: another run whose id starts with this one's, and an unkeyed write.
        await ((IResultHandler)handler).WriteAsync(0, typeof(int), ResultKey.OfAttempt("etl", "run-10", "t", 1, new DateTimeOffset(Day, TimeOnly.MinValue, TimeSpan.Zero)));
        await ((IResultHandler)handler).WriteAsync(0, typeof(int));

        var listed = await handler.ListRunLocationsAsync("etl", "run-1", Day);

        Assert.Equal(written.Order(StringComparer.Ordinal), listed.Select(location => location.GetValue<string>()));
        Assert.All(listed, location => Assert.StartsWith($"gs://{bucket}/results/2026/12/01/etl/run-1/", location.GetValue<string>(), StringComparison.Ordinal));
        var lists = _server.RequestsFor(bucket).Where(r => r.Operation == "list").ToList();
        Assert.Equal(3, lists.Count); // 2 + 2 + 1
        Assert.All(lists, list => Assert.Contains("prefix=results%2F2026%2F12%2F01%2Fetl%2Frun-1%2F", list.Target, StringComparison.Ordinal));
        Assert.Equal(2, lists.Count(list => list.Target.Contains("pageToken=", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task ListRunLocationsAsync_NothingStored_IsEmptyAfterOneRequest()
    {
        var bucket = _server.CreateBucket();

        var listed = await Lister(bucket).ListRunLocationsAsync("etl", "never", Day);

        Assert.Empty(listed);
        Assert.Single(_server.RequestsFor(bucket), r => r.Operation == "list" && r.Status == 200);
    }

    [Fact]
    public async Task ListRunLocationsAsync_MissingBucket_ThrowsRequestErrorNotAnEmptyListing()
    {
        var bucket = $"missing-{Guid.NewGuid():N}"[..30]; // never created

        var error = await Assert.ThrowsAsync<GcsRequestException>(() => Lister(bucket).ListRunLocationsAsync("etl", "run-1", Day));

        Assert.Equal(404, error.Status);
        Assert.Contains($"could not list gs://{bucket}/2026/12/01/etl/run-1/", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListRunLocationsAsync_ServiceRefusesTheSecondPage_ThrowsRequestErrorNotAPartialListing()
    {
        var bucket = _server.CreateBucket();
        _server.SetListPageSize(bucket, 1);
        var handler = Lister(bucket);
        var time = new DateTimeOffset(Day, TimeOnly.MinValue, TimeSpan.Zero);
        await ((IResultHandler)handler).WriteAsync(1, typeof(int), ResultKey.OfAttempt("etl", "run-1", "a", 1, time));
        await ((IResultHandler)handler).WriteAsync(2, typeof(int), ResultKey.OfAttempt("etl", "run-1", "b", 1, time));
        // Refused (403, which neither the library nor the engine retries) after the first page was served.
        _server.Fail(r => r.Bucket == bucket && r.Operation == "list" && r.Target.Contains("pageToken=", StringComparison.Ordinal), 403, count: 1);

        var error = await Assert.ThrowsAsync<GcsRequestException>(() => handler.ListRunLocationsAsync("etl", "run-1", Day));

        Assert.Equal(403, error.Status);
        Assert.False(error.IsTransient);
    }

    [Fact]
    public async Task ExistsAsync_MissingObjectThenMissingBucket_FalseThenRequestError()
    {
        var bucket = _server.CreateBucket();
        var handler = Lister(bucket);

        Assert.False(await handler.ExistsAsync(JsonValue.Create($"gs://{bucket}/never/written.json")));
        var missingBucket = $"gone-{Guid.NewGuid():N}"[..30];
        var error = await Assert.ThrowsAsync<GcsRequestException>(() => handler.ExistsAsync(JsonValue.Create($"gs://{missingBucket}/a.json")));

        Assert.Equal(404, error.Status);
        Assert.Contains($"could not check gs://{missingBucket}/a.json", error.Message, StringComparison.Ordinal);
        // A metadata request, never a download of the data.
        Assert.Single(_server.RequestsFor(bucket), r => r.Operation == "metadata" && r.Status == 404);
    }

    [Fact]
    public async Task ExistsAsync_NotAGsUri_ThrowsNamingTheLocation()
    {
        var bucket = _server.CreateBucket();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => Lister(bucket).ExistsAsync(JsonValue.Create("/tmp/results/a.json")));

        Assert.Contains("'/tmp/results/a.json'", error.Message, StringComparison.Ordinal);
    }

    private GcsResultHandler Lister(string bucket, string? prefix = null) =>
        Assert.IsType<GcsResultHandler>(GcsHosts.Catalog(_server, bucket).GetHandler(GcsHosts.Descriptor(_server, bucket, prefix)));
}
