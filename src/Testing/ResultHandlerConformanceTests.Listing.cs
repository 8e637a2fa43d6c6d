using System.Text.Json.Nodes;
using Tributary.Handlers;
using Tributary.Results;
using Xunit;

namespace Tributary.Testing;

// What retention asks of a handler that lists (IResultLocationLister): one run's keyed writes on one day, and whether a
// location still holds something. A handler that does not list skips these cases.
public abstract partial class ResultHandlerConformanceTests
{
    /// <summary>
    /// A listing handler lists exactly one run's keyed writes of one day: not another run's (even one whose id starts
    /// with this one's), not another day's, and not a write it has deleted.
    /// </summary>
    [Fact]
    public async Task ListRunLocationsAsync_KeyedWritesOfOneRun_ListsThemAndOnlyThem()
    {
        if (Handler is not IResultLocationLister lister)
        {
            return; // retention deletes only what states name for a handler that cannot list
        }

        var run = $"run-{Guid.NewGuid():N}";
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var yesterday = today.AddDays(-1);
        var checkpoint = await Handler.WriteAsync("checkpoint", typeof(string), new ResultKey("flow", run, "extract", 1, string.Empty, today));
        var cached = await Handler.WriteAsync("cached input", typeof(string), new ResultKey("flow", run, "load", 2, "a1b2c3", today));
        var deleted = await Handler.WriteAsync("deleted", typeof(string), new ResultKey("flow", run, "load", 3, string.Empty, today));
        var earlier = await Handler.WriteAsync("earlier", typeof(string), new ResultKey("flow", run, "extract", 1, string.Empty, yesterday));
        await Handler.WriteAsync("other run", typeof(string), new ResultKey("flow", run + "0", "extract", 1, string.Empty, today));
        await Handler.WriteAsync("other flow", typeof(string), new ResultKey("flow2", run, "extract", 1, string.Empty, today));
        await Handler.DeleteAsync(deleted);

        var listedToday = await lister.ListRunLocationsAsync("flow", run, today);
        var listedYesterday = await lister.ListRunLocationsAsync("flow", run, yesterday);
        var listedNever = await lister.ListRunLocationsAsync("flow", run, today.AddDays(-2));

        Assert.Equal(Texts(checkpoint, cached), Texts([.. listedToday]));
        Assert.Equal(Texts(earlier), Texts([.. listedYesterday]));
        Assert.Empty(listedNever);
        Assert.Equal("cached input", await Handler.ReadAsync(listedToday.Single(l => LocationText(l) == LocationText(cached)), typeof(string)));
    }

    /// <summary>A listing handler tells a stored location from one deleted or never written.</summary>
    [Fact]
    public async Task ExistsAsync_StoredThenDeleted_IsTrueThenFalse()
    {
        if (Handler is not IResultLocationLister lister)
        {
            return;
        }

        var location = await Handler.WriteAsync("here", typeof(string), ResultKey.For("flow", $"run-{Guid.NewGuid():N}", "task", 1, TimeProvider.System));
        Assert.True(await lister.ExistsAsync(location));

        await Handler.DeleteAsync(location);

        Assert.False(await lister.ExistsAsync(location));
    }

    // Compared as an operator names them (LocationText): a listing may not know all a write returned (an encrypted
    // result's key id).
    private string[] Texts(params JsonNode?[] locations) => [.. locations.Select(LocationText).Order(StringComparer.Ordinal)];
}
