using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Tributary.Tests.Infrastructure;

/// <summary>
/// A stand-in for Cloud Storage's JSON API on a loopback port, holding objects in memory: exactly the calls the
/// <c>gcs</c> handler makes through Google.Cloud.Storage.V1 (resumable and multipart uploads, chunked; downloads with
/// <c>alt=media</c>; metadata; listings by prefix, paged, with <c>fields</c>; deletes; 404 for missing objects and buckets; 412 for a failed generation precondition),
/// plus injected faults. Started once per test run (<see cref="Shared"/>); it dies with the test process.
/// </summary>
/// <remarks>
/// No emulator can be started by the tests on a fresh machine here (see shared/platform-notes.md), so this server is the
/// handler's only counterpart in tests: it checks the requests the library makes, not the real service's behaviour.
/// </remarks>
public sealed partial class GcsTestServer : IAsyncDisposable
{
    private static readonly Lazy<Task<GcsTestServer>> SharedServer = new(() => StartAsync(), LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly ConcurrentDictionary<(string Bucket, string Name), StoredObject> _objects = new();
    private readonly ConcurrentDictionary<string, UploadSession> _sessions = new();
    private readonly ConcurrentDictionary<string, byte> _buckets = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<GcsRequest> _requests = new();
    private readonly ConcurrentQueue<byte[]> _trustedKeys = new();
    private readonly ConcurrentQueue<(Func<GcsRequest, bool> Match, int Status)> _faults = new();
    private WebApplication? _app;
    private long _generation;

    private GcsTestServer()
    {
    }

    /// <summary>The server shared by the whole test run, started on first use.</summary>
    public static Task<GcsTestServer> Shared => SharedServer.Value;

    /// <summary>The JSON API's base URI, as a client's <c>BaseUri</c>: <c>http://127.0.0.1:PORT/storage/v1/</c>.</summary>
    public Uri BaseUri { get; private set; } = null!;

    /// <summary>The server's root (scheme, host, port).</summary>
    public Uri Root { get; private set; } = null!;

    /// <summary>Starts a server of its own (tests that must not share one use this; most use <see cref="Shared"/>).</summary>
    public static async Task<GcsTestServer> StartAsync()
    {
        var server = new GcsTestServer();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        // Uploads of several MB arrive in one request body.
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = null);
        var app = builder.Build();
        app.Run(server.HandleAsync);
        await app.StartAsync();
        server._app = app;
        server.Root = new Uri(app.Urls.First());
        server.BaseUri = new Uri(server.Root, "/storage/v1/");
        return server;
    }

    /// <summary>Creates a bucket (a name the tests make up): uploads to other buckets get 404.</summary>
    /// <param name="name">The name; a fresh one when <see langword="null"/>.</param>
    /// <param name="requireToken">
    /// Whether its objects are served only to requests that present a token signed by a key of <see cref="TrustKey"/>
    /// (401 otherwise), as a private bucket is; by default anyone may use it, as with an emulator.
    /// </param>
    public string CreateBucket(string? name = null, bool requireToken = false)
    {
        name ??= $"bucket-{Guid.NewGuid():N}"[..30];
        _buckets[name] = requireToken ? (byte)1 : (byte)0;
        return name;
    }

    /// <summary>
    /// Accepts, for buckets that require a token, the self-signed JWTs (RS256) of a service-account key: what the client
    /// library sends for a key file, signed on the client with no token exchange.
    /// </summary>
    /// <param name="subjectPublicKeyInfo">The key's public half (<c>RSA.ExportSubjectPublicKeyInfo()</c>).</param>
    public void TrustKey(byte[] subjectPublicKeyInfo) => _trustedKeys.Enqueue(subjectPublicKeyInfo);

    /// <summary>The requests received so far, in order.</summary>
    public IReadOnlyList<GcsRequest> Requests => [.. _requests];

    /// <summary>The requests received so far that concern one bucket.</summary>
    public IReadOnlyList<GcsRequest> RequestsFor(string bucket) => [.. _requests.Where(r => r.Bucket == bucket)];

    /// <summary>The names of the objects stored in a bucket, sorted.</summary>
    public IReadOnlyList<string> ObjectNames(string bucket) =>
        [.. _objects.Keys.Where(k => k.Bucket == bucket).Select(k => k.Name).Order(StringComparer.Ordinal)];

    /// <summary>The bytes of a stored object, or <see langword="null"/> when there is none.</summary>
    public byte[]? Content(string bucket, string name) => _objects.TryGetValue((bucket, name), out var stored) ? stored.Data : null;

    /// <summary>The content type a stored object was uploaded with, or <see langword="null"/> when there is none.</summary>
    public string? ContentType(string bucket, string name) => _objects.TryGetValue((bucket, name), out var stored) ? stored.ContentType : null;

    /// <summary>Stores an object behind the handler's back (as another writer, or a write whose state was never kept).</summary>
    public void Put(string bucket, string name, byte[] data, string contentType = "application/json") => Store(bucket, name, contentType, data);

    /// <summary>Removes an object behind the handler's back.</summary>
    public bool Remove(string bucket, string name) => _objects.TryRemove((bucket, name), out _);

    /// <summary>
    /// Answers the next <paramref name="count"/> requests that <paramref name="match"/> accepts with <paramref name="status"/>
    /// instead of serving them.
    /// </summary>
    public void Fail(Func<GcsRequest, bool> match, int status, int count = 1)
    {
        for (var i = 0; i < count; i++)
        {
            _faults.Enqueue((match, status));
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }

    private sealed record StoredObject(byte[] Data, string ContentType, long Generation, DateTimeOffset Created);

    private sealed class UploadSession(string bucket, string name, string contentType, long? ifGenerationMatch)
    {
        public string Bucket { get; } = bucket;

        public string Name { get; } = name;

        public string ContentType { get; } = contentType;

        public long? IfGenerationMatch { get; } = ifGenerationMatch;

        public MemoryStream Received { get; } = new();
    }
}
