using System.Globalization;
using Spectre.Console;
using Spectre.Console.Rendering;
using Tributary.Caching;

namespace Tributary.Cli.Commands;

/// <summary>Renders the cache for the console, like the run table: keys, and one key's entries.</summary>
internal static class CacheTable
{
    public static Table Keys(IReadOnlyList<(string Key, IReadOnlyList<CacheEntry> Entries)> keys)
    {
        var table = new Table().Border(TableBorder.Rounded).Title("cache").AddColumns("Key", "Entries", "Newest", "Expires", "Hits");
        foreach (var (key, entries) in keys)
        {
            var newest = entries.Count > 0 ? entries[0] : null;
            table.AddRow(
                Markup.Escape(key),
                entries.Count.ToString(CultureInfo.InvariantCulture),
                newest is null ? "-" : Time(newest.CreatedAt),
                newest is null ? "-" : Expires(newest),
                entries.Sum(entry => entry.Hits).ToString(CultureInfo.InvariantCulture));
        }

        if (keys.Count == 0)
        {
            table.Caption("no cache keys hold entries");
        }

        return table;
    }

    /// <summary>One key's entries, newest first: a small table per entry, so that run ids and URIs fit a narrow console.</summary>
    public static IRenderable Entries(string key, IReadOnlyList<CacheEntry> entries)
    {
        var title = $"cache · {Markup.Escape(key)} · {(entries.Count == 1 ? "1 entry" : $"{entries.Count} entries")}";
        var items = new List<IRenderable> { new Markup($"[bold]{title}[/]") };
        foreach (var entry in entries)
        {
            items.Add(new Table()
                .Border(TableBorder.Rounded)
                .Title($"entry {Markup.Escape(entry.Id)}")
                .HideHeaders()
                .AddColumns("Field", "Value")
                .AddRow("Made by", Markup.Escape($"{entry.FlowRunId}/{entry.TaskName}"))
                .AddRow("Created", Time(entry.CreatedAt))
                .AddRow("Expires", Expires(entry))
                .AddRow("Hits", entry.Hits.ToString(CultureInfo.InvariantCulture))
                .AddRow("Version", Markup.Escape(entry.Version ?? "-"))
                .AddRow("Safe value", Markup.Escape(entry.Output.Json)));
        }

        return new Rows(items);
    }

    private static string Time(DateTimeOffset time) => time.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string Expires(CacheEntry entry) => entry.ExpiresAt is { } expires ? Time(expires) : "never";
}
