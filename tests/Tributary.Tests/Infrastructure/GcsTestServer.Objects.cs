using System.Buffers.Binary;
using System.Globalization;
using System.Numerics;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;

namespace Tributary.Tests.Infrastructure;

// Downloads (whole or a byte range), metadata, deletes, and the object resource the JSON API answers with.
public sealed partial class GcsTestServer
{
    private async Task<int> DownloadAsync(HttpContext context, GcsRequest request)
    {
        if (Find(request) is not { } stored)
        {
            return await NotFoundAsync(context, request);
        }

        var (from, to) = (0L, stored.Data.LongLength - 1);
        var status = 200;
        if (context.Request.Headers.Range.ToString() is { Length: > 0 } range && range.StartsWith("bytes=", StringComparison.Ordinal))
        {
            var parts = range["bytes=".Length..].Split('-');
            from = long.Parse(parts[0], CultureInfo.InvariantCulture);
            to = parts[1].Length == 0 ? to : Math.Min(to, long.Parse(parts[1], CultureInfo.InvariantCulture));
            status = 206;
            context.Response.Headers.ContentRange = $"bytes {from}-{to}/{stored.Data.LongLength}";
        }

        context.Response.StatusCode = status;
        context.Response.ContentType = stored.ContentType;
        context.Response.ContentLength = to - from + 1;
        context.Response.Headers["x-goog-generation"] = stored.Generation.ToString(CultureInfo.InvariantCulture);
        context.Response.Headers["x-goog-hash"] = $"crc32c={Crc32c(stored.Data)},md5={Md5(stored.Data)}";
        await context.Response.Body.WriteAsync(stored.Data.AsMemory((int)from, (int)(to - from + 1)));
        return status;
    }

    private async Task<int> MetadataAsync(HttpContext context, GcsRequest request) =>
        Find(request) is { } stored
            ? await WriteJsonAsync(context, 200, Resource(request.Bucket!, request.Name!, stored))
            : await NotFoundAsync(context, request);

    private async Task<int> DeleteAsync(HttpContext context, GcsRequest request)
    {
        if (!_objects.TryRemove((request.Bucket!, request.Name!), out _))
        {
            return await NotFoundAsync(context, request);
        }

        context.Response.StatusCode = 204;
        return 204;
    }

    private StoredObject? Find(GcsRequest request) =>
        _objects.TryGetValue((request.Bucket!, request.Name!), out var stored) ? stored : null;

    private Task<int> NotFoundAsync(HttpContext context, GcsRequest request) =>
        _buckets.ContainsKey(request.Bucket ?? string.Empty)
            ? WriteErrorAsync(context, 404, $"No such object: {request.Bucket}/{request.Name}")
            : WriteErrorAsync(context, 404, "The specified bucket does not exist.");

    private StoredObject Store(string bucket, string name, string contentType, byte[] data)
    {
        var stored = new StoredObject(data, contentType, Interlocked.Increment(ref _generation), DateTimeOffset.UtcNow);
        _objects[(bucket, name)] = stored;
        return stored;
    }

    private static Dictionary<string, object> Resource(string bucket, string name, StoredObject stored)
    {
        var generation = stored.Generation.ToString(CultureInfo.InvariantCulture);
        var time = stored.Created.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        return new Dictionary<string, object>
        {
            ["kind"] = "storage#object",
            ["id"] = $"{bucket}/{name}/{generation}",
            ["name"] = name,
            ["bucket"] = bucket,
            ["generation"] = generation,
            ["metageneration"] = "1",
            ["contentType"] = stored.ContentType,
            ["size"] = stored.Data.LongLength.ToString(CultureInfo.InvariantCulture),
            ["md5Hash"] = Md5(stored.Data),
            ["crc32c"] = Crc32c(stored.Data),
            ["storageClass"] = "STANDARD",
            ["timeCreated"] = time,
            ["updated"] = time,
        };
    }

    private static string Md5(byte[] data) => Convert.ToBase64String(MD5.HashData(data));

    // CRC32C (Castagnoli), base64 of its big-endian bytes, as the JSON API gives it and the client library checks it.
    private static string Crc32c(byte[] data)
    {
        var crc = uint.MaxValue;
        foreach (var b in data)
        {
            crc = BitOperations.Crc32C(crc, b);
        }

        var bytes = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, ~crc);
        return Convert.ToBase64String(bytes);
    }
}
