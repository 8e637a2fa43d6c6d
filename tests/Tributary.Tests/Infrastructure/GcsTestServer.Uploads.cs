using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace Tributary.Tests.Infrastructure;

// Uploads: a resumable session (start, then chunks with Content-Range, 308 until the last) and a multipart one.
public sealed partial class GcsTestServer
{
    private async Task<int> StartUploadAsync(HttpContext context, GcsRequest request, IReadOnlyDictionary<string, string> query, byte[] body)
    {
        if (!_buckets.ContainsKey(request.Bucket!))
        {
            return await WriteErrorAsync(context, 404, "The specified bucket does not exist.");
        }

        var metadata = body.Length > 0 ? JsonDocument.Parse(body).RootElement : default;
        var name = query.GetValueOrDefault("name") ?? Property(metadata, "name");
        if (string.IsNullOrEmpty(name))
        {
            return await WriteErrorAsync(context, 400, "Required: the object's name.");
        }

        var contentType = context.Request.Headers["X-Upload-Content-Type"].ToString() is { Length: > 0 } type ? type : Property(metadata, "contentType") ?? "application/octet-stream";
        var session = new UploadSession(request.Bucket!, name, contentType, Generation(query));
        if (PreconditionFails(session))
        {
            return await WriteErrorAsync(context, 412, "At least one of the pre-conditions you specified did not hold.");
        }

        var id = Guid.NewGuid().ToString("N");
        _sessions[id] = session;
        context.Response.Headers.Location = new Uri(Root, $"/upload/storage/v1/b/{Uri.EscapeDataString(session.Bucket)}/o?uploadType=resumable&upload_id={id}").ToString();
        context.Response.StatusCode = 200;
        return 200;
    }

    private async Task<int> ReceiveChunkAsync(HttpContext context, IReadOnlyDictionary<string, string> query, byte[] body)
    {
        if (!_sessions.TryGetValue(query["upload_id"], out var session))
        {
            return await WriteErrorAsync(context, 404, "No such upload session.");
        }

        // "bytes a-b/total", "bytes a-b/*" (more to come) or "bytes */total" (a status check, or the end of a stream
        // that ended on a chunk boundary).
        var range = context.Request.Headers.ContentRange.ToString();
        if (!range.StartsWith("bytes ", StringComparison.Ordinal))
        {
            return await WriteErrorAsync(context, 400, $"Bad Content-Range '{range}'.");
        }

        var (span, total) = (range[6..range.IndexOf('/', StringComparison.Ordinal)], range[(range.IndexOf('/', StringComparison.Ordinal) + 1)..]);
        if (span != "*")
        {
            var from = long.Parse(span.Split('-')[0], CultureInfo.InvariantCulture);
            if (from > session.Received.Length)
            {
                return await WriteErrorAsync(context, 400, $"Chunk starts at {from}, but {session.Received.Length} bytes were received.");
            }

            // A chunk sent again (after a lost answer) overlaps what arrived: keep only the new bytes.
            var skip = (int)(session.Received.Length - from);
            session.Received.Write(body, Math.Min(skip, body.Length), Math.Max(0, body.Length - skip));
        }

        if (total != "*" && long.Parse(total, CultureInfo.InvariantCulture) == session.Received.Length)
        {
            _sessions.TryRemove(query["upload_id"], out _);
            if (PreconditionFails(session))
            {
                return await WriteErrorAsync(context, 412, "At least one of the pre-conditions you specified did not hold.");
            }

            var stored = Store(session.Bucket, session.Name, session.ContentType, session.Received.ToArray());
            return await WriteJsonAsync(context, 200, Resource(session.Bucket, session.Name, stored));
        }

        if (session.Received.Length > 0)
        {
            context.Response.Headers["Range"] = $"bytes=0-{session.Received.Length - 1}";
        }

        context.Response.StatusCode = 308;
        return 308;
    }

    private async Task<int> ReceiveMultipartAsync(HttpContext context, GcsRequest request, IReadOnlyDictionary<string, string> query, byte[] body)
    {
        if (!_buckets.ContainsKey(request.Bucket!))
        {
            return await WriteErrorAsync(context, 404, "The specified bucket does not exist.");
        }

        var boundary = HeaderUtilities.RemoveQuotes(MediaTypeHeaderValue.Parse(context.Request.ContentType).Boundary).Value!;
        var reader = new MultipartReader(boundary, new MemoryStream(body));
        var metadataPart = await reader.ReadNextSectionAsync();
        var dataPart = await reader.ReadNextSectionAsync();
        if (metadataPart is null || dataPart is null)
        {
            return await WriteErrorAsync(context, 400, "A multipart upload has a metadata part and a data part.");
        }

        var metadata = (await JsonDocument.ParseAsync(metadataPart.Body)).RootElement;
        using var data = new MemoryStream();
        await dataPart.Body.CopyToAsync(data);
        var name = query.GetValueOrDefault("name") ?? Property(metadata, "name")!;
        var session = new UploadSession(request.Bucket!, name, dataPart.ContentType ?? "application/octet-stream", Generation(query));
        if (PreconditionFails(session))
        {
            return await WriteErrorAsync(context, 412, "At least one of the pre-conditions you specified did not hold.");
        }

        var stored = Store(session.Bucket, name, session.ContentType, data.ToArray());
        return await WriteJsonAsync(context, 200, Resource(session.Bucket, name, stored));
    }

    // ifGenerationMatch=0: only where no object exists; another number: only over that generation.
    private bool PreconditionFails(UploadSession session) =>
        session.IfGenerationMatch is { } wanted
        && (_objects.TryGetValue((session.Bucket, session.Name), out var existing) ? existing.Generation : 0) != wanted;

    private static long? Generation(IReadOnlyDictionary<string, string> query) =>
        query.TryGetValue("ifGenerationMatch", out var text) ? long.Parse(text, CultureInfo.InvariantCulture) : null;

    private static string? Property(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) ? value.GetString() : null;
}
