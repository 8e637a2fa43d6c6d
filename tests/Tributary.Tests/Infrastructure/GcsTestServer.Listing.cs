using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Tributary.Tests.Infrastructure;

// Object listings (GET storage/v1/b/{bucket}/o?prefix=...&pageToken=...): pages of object resources in name order, a
// nextPageToken while more remain, and the partial response a "fields" parameter asks for.
public sealed partial class GcsTestServer
{
    /// <summary>The page size of a listing when neither the bucket nor the request sets one: the service's (1000).</summary>
    public const int DefaultListPageSize = 1000;

    private readonly ConcurrentDictionary<string, int> _listPageSizes = new(StringComparer.Ordinal);

    /// <summary>Makes listings of <paramref name="bucket"/> answer at most <paramref name="size"/> objects a page, so that a client must follow pages.</summary>
    public void SetListPageSize(string bucket, int size)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        _listPageSizes[bucket] = size;
    }

    private async Task<int> ListAsync(HttpContext context, GcsRequest request, IReadOnlyDictionary<string, string> query)
    {
        var bucket = request.Bucket!;
        if (!_buckets.ContainsKey(bucket))
        {
            return await WriteErrorAsync(context, 404, "The specified bucket does not exist.");
        }

        if (query.ContainsKey("delimiter") || query.ContainsKey("matchGlob") || query.ContainsKey("versions"))
        {
            return await WriteErrorAsync(context, 501, $"The test server lists by prefix only, not {request.Target}.");
        }

        var prefix = query.GetValueOrDefault("prefix") ?? string.Empty;
        // A page token here is the last name of the previous page (opaque to the client, as the service's are).
        var after = query.TryGetValue("pageToken", out var token) ? Encoding.UTF8.GetString(Convert.FromBase64String(token)) : null;
        var size = Math.Min(
            _listPageSizes.GetValueOrDefault(bucket, DefaultListPageSize),
            query.TryGetValue("maxResults", out var max) ? int.Parse(max, System.Globalization.CultureInfo.InvariantCulture) : DefaultListPageSize);
        var names = _objects.Keys
            .Where(key => key.Bucket == bucket && key.Name.StartsWith(prefix, StringComparison.Ordinal))
            .Select(key => key.Name)
            .Where(name => after is null || string.CompareOrdinal(name, after) > 0)
            .Order(StringComparer.Ordinal)
            .ToList();
        var page = names.Take(size).Select(name => (Name: name, Stored: _objects.TryGetValue((bucket, name), out var stored) ? stored : null))
            .Where(entry => entry.Stored is not null)
            .Select(entry => Resource(bucket, entry.Name, entry.Stored!))
            .ToList();

        var body = new Dictionary<string, object> { ["kind"] = "storage#objects" };
        if (names.Count > size)
        {
            body["nextPageToken"] = Convert.ToBase64String(Encoding.UTF8.GetBytes(names[size - 1]));
        }

        // As the service: no "items" member at all when nothing matched.
        if (page.Count > 0)
        {
            body["items"] = page;
        }

        if (query.TryGetValue("fields", out var fields))
        {
            if (PartialResponse(body, fields) is not { } partial)
            {
                return await WriteErrorAsync(context, 501, $"The test server does not implement the fields selection '{fields}'.");
            }

            body = partial;
        }

        return await WriteJsonAsync(context, 200, body);
    }

    // A partial response (the "fields" parameter) for selections of the form "a,b(c,d)": top-level members, and members
    // of the objects of an array member. A member not selected is left out, nextPageToken included (the service does
    // the same, and a client that forgets to select it stops after one page). Null for a syntax not implemented here.
    private static Dictionary<string, object>? PartialResponse(Dictionary<string, object> body, string fields)
    {
        var partial = new Dictionary<string, object>();
        foreach (var (member, selection) in TopLevelSelections(fields))
        {
            if (member.Contains('/', StringComparison.Ordinal) || member.Contains('*', StringComparison.Ordinal)
                || selection?.IndexOfAny(['(', '/', '*']) >= 0)
            {
                return null;
            }

            if (!body.TryGetValue(member, out var value))
            {
                continue;
            }

            partial[member] = selection is null || value is not List<Dictionary<string, object>> items
                ? value
                : items.Select(item => item.Where(pair => selection.Split(',').Contains(pair.Key)).ToDictionary()).ToList();
        }

        return partial;
    }

    private static IEnumerable<(string Member, string? Selection)> TopLevelSelections(string fields)
    {
        var depth = 0;
        var start = 0;
        for (var i = 0; i <= fields.Length; i++)
        {
            if (i == fields.Length || (fields[i] == ',' && depth == 0))
            {
                var part = fields[start..i].Trim();
                var open = part.IndexOf('(', StringComparison.Ordinal);
                yield return open < 0 ? (part, null) : (part[..open], part[(open + 1)..^1]);
                start = i + 1;
            }
            else if (fields[i] == '(')
            {
                depth++;
            }
            else if (fields[i] == ')')
            {
                depth--;
            }
        }
    }
}
