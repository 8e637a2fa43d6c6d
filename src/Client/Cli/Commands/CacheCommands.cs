using Spectre.Console.Cli;

namespace Tributary.Cli.Commands;

/// <summary>The <c>cache</c> branch of the command line: <c>cache list [KEY]</c> and <c>cache clear KEY [--entry ID]</c>.</summary>
internal static class CacheCommands
{
    public static void Configure(IConfigurator<CommandSettings> cache)
    {
        cache.SetDescription("See and clear the output cache of a cluster.");
        cache.AddCommand<CacheListCommand>("list").WithDescription("List the cache keys of a cluster, or one key's entries.")
            .WithExample("cache", "list", "etl/extract", "--cluster", "CONNECTION_STRING");
        cache.AddCommand<CacheClearCommand>("clear").WithDescription("Invalidate a cache key, or one of its entries.")
            .WithExample("cache", "clear", "etl/extract", "--entry", "ENTRY_ID", "--cluster", "CONNECTION_STRING");
    }
}
