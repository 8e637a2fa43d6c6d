using Spectre.Console;
using Spectre.Console.Cli;
using Tributary.Caching;
using Tributary.Client;

namespace Tributary.Cli.Commands;

/// <summary><c>cache list [KEY]</c>: the cache keys of a cluster, or one key's entries (safe values only).</summary>
public sealed class CacheListCommand : AsyncCommand<CacheListSettings>
{
    /// <inheritdoc />
    public override async Task<int> ExecuteAsync(CommandContext context, CacheListSettings settings, CancellationToken cancellationToken)
    {
        await using var client = await TributaryClientFactory.ConnectAsync(settings.BuildConfiguration(), cancellationToken);
        if (settings.Key is { } key)
        {
            var entries = await client.ListCacheEntriesAsync(key, cancellationToken);
            AnsiConsole.Write(CacheTable.Entries(key, entries));
            return 0;
        }

        var keys = await client.ListCacheKeysAsync(cancellationToken);
        var listed = new List<(string Key, IReadOnlyList<CacheEntry> Entries)>();
        foreach (var name in keys)
        {
            listed.Add((name, await client.ListCacheEntriesAsync(name, cancellationToken)));
        }

        AnsiConsole.Write(CacheTable.Keys(listed));
        return 0;
    }
}
