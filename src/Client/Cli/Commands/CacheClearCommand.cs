using Spectre.Console;
using Spectre.Console.Cli;
using Tributary.Client;

namespace Tributary.Cli.Commands;

/// <summary><c>cache clear KEY [--entry ID]</c>: invalidates a key, or one of its entries.</summary>
public sealed class CacheClearCommand : AsyncCommand<CacheClearSettings>
{
    /// <inheritdoc />
    public override async Task<int> ExecuteAsync(CommandContext context, CacheClearSettings settings, CancellationToken cancellationToken)
    {
        await using var client = await TributaryClientFactory.ConnectAsync(settings.BuildConfiguration(), cancellationToken);
        if (settings.Entry is { } entry)
        {
            if (!await client.RemoveCacheEntryAsync(settings.Key, entry, cancellationToken))
            {
                AnsiConsole.MarkupLineInterpolated($"[red]Cache key '{settings.Key}' has no entry '{entry}'.[/]");
                return 2;
            }

            AnsiConsole.MarkupLineInterpolated($"Removed entry {entry} of cache key '{settings.Key}'.");
            return 0;
        }

        var removed = await client.ClearCacheAsync(settings.Key, cancellationToken);
        AnsiConsole.MarkupLineInterpolated($"Cleared cache key '{settings.Key}': {(removed == 1 ? "1 entry" : $"{removed} entries")} removed.");
        return 0;
    }
}
