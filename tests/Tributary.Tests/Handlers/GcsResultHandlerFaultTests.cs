using System.Diagnostics;
using System.Text.Json.Nodes;
using Tributary.Handlers;
using Tributary.Handlers.GoogleCloudStorage;
using Tributary.Storage;
using Tributary.Tests.Infrastructure;

namespace Tributary.Tests.Handlers;

/// <summary>
/// Faults the engine must tell apart: a 5xx or 429 (or an endpoint that does not answer) may pass and is retried; any
/// other refusal will not; a missing object is a missing result.
/// </summary>
[Collection(GcsCollection.Name)]
public sealed class GcsResultHandlerFaultTests(GcsFixture gcs)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private readonly GcsTestServer _server = gcs.Server;

    // The client library does not retry a download's 503 itself: the handler reports it as transient, and the engine's
    // StorageRetry (Tributary:StorageRetry) tries again; the next read succeeds.
    [Fact]
    public async Task ReadAsync_OneServiceUnavailable_IsReportedAsTransientAndTheNextReadSucceeds()
    {
        var (bucket, handler) = NewHandler();
        var location = await handler.WriteAsync("after a 503", typeof(string));
        _server.Fail(r => r.Bucket == bucket && r.Operation == "download", 503);

        var error = await Assert.ThrowsAsync<GcsRequestException>(() => handler.ReadAsync(location, typeof(string)).WaitAsync(Patience));
        var back = await handler.ReadAsync(location, typeof(string)).WaitAsync(Patience);

        Assert.True(TransientFaults.IsTransient(error));
        Assert.Equal("after a 503", back);
        Assert.Equal([503, 200], _server.RequestsFor(bucket).Where(r => r.Operation == "download").Select(r => r.Status));
    }

    // A resumable upload's chunk answered 503 is sent again by the client library itself.
    [Fact]
    public async Task WriteAsync_OneServiceUnavailable_IsRetriedAndSucceeds()
    {
        var (bucket, handler) = NewHandler();
        _server.Fail(r => r.Bucket == bucket && r.Operation == "upload-chunk", 503);

        var location = await handler.WriteAsync("after a 503", typeof(string)).WaitAsync(Patience);

        Assert.Equal("after a 503", await handler.ReadAsync(location, typeof(string)));
        var chunks = _server.RequestsFor(bucket).Where(r => r.Operation == "upload-chunk").Select(r => r.Status).ToList();
        Assert.Equal(503, chunks[0]);
        Assert.Equal(200, chunks[^1]);
    }

    [Theory]
    [InlineData(503, true)]
    [InlineData(500, true)]
    [InlineData(429, true)]
    [InlineData(403, false)]
    public async Task WriteAsync_ServiceKeepsRefusing_FailsWithStatusTheEngineClassifies(int status, bool transient)
    {
        var (bucket, handler) = NewHandler();
        _server.Fail(r => r.Bucket == bucket, status, count: 50);
        var clock = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<GcsRequestException>(() => handler.WriteAsync("v", typeof(string)).WaitAsync(Patience));

        Assert.Equal(status, error.Status);
        Assert.Equal(transient, error.IsTransient);
        Assert.Equal(transient, TransientFaults.IsTransient(error)); // what the engine decides from it
        Assert.Contains($"gs://{bucket}/", error.Message, StringComparison.Ordinal);
        Assert.Contains(status.ToString(System.Globalization.CultureInfo.InvariantCulture), error.Message, StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"Gave up after {clock.Elapsed}.");
    }

    [Fact]
    public async Task ReadAsync_ServiceKeepsFailing_IsTransientNotMissing()
    {
        var (bucket, handler) = NewHandler();
        var location = await handler.WriteAsync("v", typeof(string));
        _server.Fail(r => r.Bucket == bucket && r.Operation == "download", 503, count: 50);

        var error = await Assert.ThrowsAsync<GcsRequestException>(() => handler.ReadAsync(location, typeof(string)).WaitAsync(Patience));

        Assert.Equal(503, error.Status);
        Assert.True(TransientFaults.IsTransient(error));
        Assert.Contains(location!.GetValue<string>(), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_MissingObject_IsNotTransient()
    {
        var (bucket, handler) = NewHandler();

        var error = await Assert.ThrowsAsync<ResultLocationNotFoundException>(() => handler.ReadAsync(JsonValue.Create($"gs://{bucket}/gone.json"), typeof(string)));

        Assert.False(TransientFaults.IsTransient(error));
    }

    [Fact]
    public async Task WriteAsync_EndpointUnreachable_FailsSoonWithATransientFault()
    {
        using var closed = new ClosedPort();
        var bucket = _server.CreateBucket();
        var endpoint = new Uri($"http://127.0.0.1:{closed.Port}/storage/v1/");
        var handler = GcsHosts.Catalog(endpoint, bucket, options => options.RequestTimeout = TimeSpan.FromSeconds(5))
            .GetHandler(GcsResultHandlers.Bucket(bucket, baseUri: endpoint));
        var clock = Stopwatch.StartNew();

        var error = await Record.ExceptionAsync(() => handler.WriteAsync("v", typeof(string)).WaitAsync(Patience));

        Assert.NotNull(error);
        Assert.IsNotType<TimeoutException>(error);
        Assert.True(TransientFaults.IsTransient(error), $"Expected a transient fault, got {error}");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"Gave up after {clock.Elapsed}.");
    }

    [Fact]
    public async Task ReadAsync_EndpointAcceptsButNeverAnswers_TimesOutWithATransientFault()
    {
        using var silent = new ClosedPort();
        silent.Listen(); // connections complete in the backlog; no request is ever read or answered
        var bucket = _server.CreateBucket();
        var endpoint = new Uri($"http://127.0.0.1:{silent.Port}/storage/v1/");
        var handler = GcsHosts.Catalog(endpoint, bucket, options => options.RequestTimeout = TimeSpan.FromSeconds(1))
            .GetHandler(GcsResultHandlers.Bucket(bucket, baseUri: endpoint));

        var error = await Assert.ThrowsAsync<TimeoutException>(() => handler.ReadAsync(JsonValue.Create($"gs://{bucket}/a.json"), typeof(string)).WaitAsync(Patience));

        Assert.True(TransientFaults.IsTransient(error));
        Assert.Contains($"gs://{bucket}/a.json", error.Message, StringComparison.Ordinal);
    }

    private (string Bucket, IResultHandler Handler) NewHandler()
    {
        var bucket = _server.CreateBucket();
        return (bucket, GcsHosts.Catalog(_server, bucket).GetHandler(GcsHosts.Descriptor(_server, bucket)));
    }
}
