using System.IO.Compression;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Tributary.Tests.Infrastructure;

// Which JSON API call a request is, and the injected faults; the calls themselves are in GcsTestServer.Objects.cs and .Uploads.cs.
public sealed partial class GcsTestServer
{
    private const string ObjectsPath = "/storage/v1/b/";
    private const string UploadPath = "/upload/storage/v1/b/";

    private async Task HandleAsync(HttpContext context)
    {
        var target = context.Features.Get<IHttpRequestFeature>()!.RawTarget;
        var (path, query) = Split(target);
        var (operation, bucket, name) = Classify(context.Request.Method, path, query);
        using var body = new MemoryStream();
        // The client library gzips request bodies (its GZipEnabled default), as the JSON API allows.
        var gzipped = context.Request.Headers.ContentEncoding.ToString().Contains("gzip", StringComparison.OrdinalIgnoreCase);
        await using (var source = gzipped ? new GZipStream(context.Request.Body, CompressionMode.Decompress) : context.Request.Body)
        {
            await source.CopyToAsync(body);
        }

        var request = new GcsRequest(
            context.Request.Method, operation, bucket, name, target, context.Request.Headers.Authorization.ToString() is { Length: > 0 } auth ? auth : null, body.Length, 0);

        var status = TakeFault(request) is { } fault
            ? await WriteErrorAsync(context, fault, "Injected fault.")
            : Unauthorized(request)
                ? await WriteErrorAsync(context, 401, request.Authorization is { } presented
                    ? $"The caller's credential ({presented[..Math.Min(presented.Length, 24)]}...) is not one this server issued."
                    : "Anonymous caller does not have storage.objects access.")
                : await ServeAsync(context, request, query, body.ToArray());
        _requests.Enqueue(request with { Status = status });
    }

    private async Task<int> ServeAsync(HttpContext context, GcsRequest request, IReadOnlyDictionary<string, string> query, byte[] body)
    {
        try
        {
            return await ServeCoreAsync(context, request, query, body);
        }
        catch (Exception ex) when (!context.Response.HasStarted)
        {
            // A bug of this server: say so in the answer, so the test's failure shows it.
            return await WriteErrorAsync(context, 500, $"Test server error: {ex}");
        }
    }

    private Task<int> ServeCoreAsync(HttpContext context, GcsRequest request, IReadOnlyDictionary<string, string> query, byte[] body) =>
        request.Operation switch
        {
            "upload-start" => StartUploadAsync(context, request, query, body),
            "upload-chunk" => ReceiveChunkAsync(context, query, body),
            "upload-multipart" => ReceiveMultipartAsync(context, request, query, body),
            "download" => DownloadAsync(context, request),
            "metadata" => MetadataAsync(context, request),
            "list" => ListAsync(context, request, query),
            "delete" => DeleteAsync(context, request),
            _ => WriteErrorAsync(context, 501, $"The test server does not implement {request.Method} {request.Target}."),
        };

    private static (string Operation, string? Bucket, string? Name) Classify(string method, string path, IReadOnlyDictionary<string, string> query)
    {
        if (path.StartsWith(UploadPath, StringComparison.Ordinal) && path.EndsWith("/o", StringComparison.Ordinal))
        {
            var bucket = Uri.UnescapeDataString(path[UploadPath.Length..^2]);
            query.TryGetValue("uploadType", out var type);
            return (method, type, query.ContainsKey("upload_id")) switch
            {
                ("POST", "resumable", false) => ("upload-start", bucket, null),
                ("PUT", "resumable", true) => ("upload-chunk", bucket, null),
                ("POST", "multipart", false) => ("upload-multipart", bucket, null),
                _ => ("unknown", bucket, null),
            };
        }

        if (path.StartsWith(ObjectsPath, StringComparison.Ordinal) && path.EndsWith("/o", StringComparison.Ordinal)
            && path.IndexOf('/', ObjectsPath.Length) == path.Length - 2)
        {
            return (method == "GET" ? "list" : "unknown", Uri.UnescapeDataString(path[ObjectsPath.Length..^2]), null);
        }

        if (path.StartsWith(ObjectsPath, StringComparison.Ordinal) && path.IndexOf("/o/", ObjectsPath.Length, StringComparison.Ordinal) is > 0 and var at)
        {
            var bucket = Uri.UnescapeDataString(path[ObjectsPath.Length..at]);
            var name = Uri.UnescapeDataString(path[(at + 3)..]);
            var media = query.TryGetValue("alt", out var alt) && alt == "media";
            return method switch
            {
                "GET" => (media ? "download" : "metadata", bucket, name),
                "DELETE" => ("delete", bucket, name),
                _ => ("unknown", bucket, name),
            };
        }

        return ("unknown", null, null);
    }

    // An upload session's chunks go to the session's URI, which is its own authority (as on the real service).
    private bool Unauthorized(GcsRequest request) =>
        request.Operation != "upload-chunk"
        && request.Bucket is { } bucket
        && _buckets.TryGetValue(bucket, out var requireToken)
        && requireToken == 1
        && !IsSignedByTrustedKey(request.Authorization);

    private int? TakeFault(GcsRequest request)
    {
        // Faults are few and set by one test at a time on its own bucket: a linear pass is enough.
        lock (_faults)
        {
            var kept = new List<(Func<GcsRequest, bool>, int)>();
            int? taken = null;
            while (_faults.TryDequeue(out var fault))
            {
                if (taken is null && fault.Match(request))
                {
                    taken = fault.Status;
                }
                else
                {
                    kept.Add(fault);
                }
            }

            kept.ForEach(_faults.Enqueue);
            return taken;
        }
    }

    private static (string Path, IReadOnlyDictionary<string, string> Query) Split(string target)
    {
        var mark = target.IndexOf('?', StringComparison.Ordinal);
        var query = new Dictionary<string, string>(StringComparer.Ordinal);
        if (mark < 0)
        {
            return (target, query);
        }

        foreach (var pair in target[(mark + 1)..].Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var key = Uri.UnescapeDataString(equals < 0 ? pair : pair[..equals]);
            query[key] = equals < 0 ? string.Empty : Uri.UnescapeDataString(pair[(equals + 1)..].Replace('+', ' '));
        }

        return (target[..mark], query);
    }

    private static async Task<int> WriteErrorAsync(HttpContext context, int status, string message)
    {
        var reason = status switch { 404 => "notFound", 412 => "conditionNotMet", 503 => "backendError", _ => "error" };
        var error = new Dictionary<string, object>
        {
            ["error"] = new Dictionary<string, object>
            {
                ["code"] = status,
                ["message"] = message,
                ["errors"] = new[] { new Dictionary<string, object> { ["domain"] = "global", ["reason"] = reason, ["message"] = message } },
            },
        };
        return await WriteJsonAsync(context, status, error);
    }

    private static async Task<int> WriteJsonAsync(HttpContext context, int status, object body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=UTF-8";
        await context.Response.WriteAsync(JsonSerializer.Serialize(body));
        return status;
    }
}
