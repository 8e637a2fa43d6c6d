using System.Text;
using Azure.Data.Tables;

namespace Tributary.Tests.Infrastructure;

public sealed partial class TributaryClusterFixture
{
    /// <summary>
    /// Reads every entity of every table of the Azurite account (grain state, reminders, anything else) and gives
    /// where any of <paramref name="needles"/> occurs: in keys, in string properties, and inside binary properties as
    /// UTF-8 or UTF-16 bytes.
    /// </summary>
    /// <returns>One line per hit: table, keys, property, needle.</returns>
    public async Task<IReadOnlyList<string>> FindInTablesAsync(params string[] needles)
    {
        var hits = new List<string>();
        await foreach (var table in Tables.QueryAsync())
        {
            await foreach (var entity in Tables.GetTableClient(table.Name).QueryAsync<TableEntity>())
            {
                foreach (var (property, value) in entity)
                {
                    foreach (var needle in needles.Where(needle => Holds(value, needle)))
                    {
                        hits.Add($"table {table.Name}, entity ({entity.PartitionKey}, {entity.RowKey}), property {property}: '{needle}'");
                    }
                }
            }
        }

        return hits;
    }

    /// <summary>How many entities all the account's tables hold (so a scan that finds nothing is seen to have looked).</summary>
    public async Task<int> CountTableEntitiesAsync()
    {
        var count = 0;
        await foreach (var table in Tables.QueryAsync())
        {
            await foreach (var _ in Tables.GetTableClient(table.Name).QueryAsync<TableEntity>(select: ["PartitionKey"]))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>Reads every blob of every container that <paramref name="include"/> accepts and gives where a needle occurs.</summary>
    public async Task<IReadOnlyList<string>> FindInBlobsAsync(Func<string, bool> include, params string[] needles)
    {
        var hits = new List<string>();
        await foreach (var container in Blobs.GetBlobContainersAsync())
        {
            if (!include(container.Name))
            {
                continue;
            }

            var client = Blobs.GetBlobContainerClient(container.Name);
            await foreach (var blob in client.GetBlobsAsync())
            {
                var content = (await client.GetBlobClient(blob.Name).DownloadContentAsync()).Value.Content.ToArray();
                foreach (var needle in needles.Where(needle => Holds(content, needle)))
                {
                    hits.Add($"blob {container.Name}/{blob.Name}: '{needle}'");
                }
            }
        }

        return hits;
    }

    /// <summary>Whether a stored value holds <paramref name="needle"/>: as text, or as UTF-8 or UTF-16 bytes.</summary>
    public static bool Holds(object? value, string needle) => value switch
    {
        null => false,
        string text => text.Contains(needle, StringComparison.Ordinal),
        byte[] bytes => HoldsBytes(bytes, needle),
        BinaryData data => HoldsBytes(data.ToArray(), needle),
        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)?.Contains(needle, StringComparison.Ordinal) == true,
    };

    private static bool HoldsBytes(byte[] bytes, string needle) =>
        bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(needle)) >= 0
        || bytes.AsSpan().IndexOf(Encoding.Unicode.GetBytes(needle)) >= 0
        || Encoding.UTF8.GetString(bytes).Contains(needle, StringComparison.Ordinal);
}
