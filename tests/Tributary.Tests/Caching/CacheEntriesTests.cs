using Microsoft.Extensions.Time.Testing;
using Tributary.Caching;
using Tributary.Results;

namespace Tributary.Tests.Caching;

/// <summary>What a key keeps: no expired entry, the newest MaxEntriesPerKey, and one version at a time.</summary>
public sealed class CacheEntriesTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Add_BeyondTheBound_KeepsTheNewest()
    {
        var entries = System.Collections.Immutable.ImmutableArray<CacheEntry>.Empty;
        for (var i = 0; i < 5; i++)
        {
            entries = CacheEntries.Add(entries, Entry($"e{i}", TimeSpan.FromHours(1)), maxEntries: 3, _time.GetUtcNow());
        }

        Assert.Equal(["e4", "e3", "e2"], CacheEntries.NewestFirst(entries, version: null).Select(e => e.Id));
    }

    [Fact]
    public void Add_AfterAnEntryExpired_DropsIt()
    {
        var entries = CacheEntries.Add([], Entry("short", TimeSpan.FromMinutes(1)), 10, _time.GetUtcNow());
        entries = CacheEntries.Add(entries, Entry("long", TimeSpan.FromHours(1)), 10, _time.GetUtcNow());
        _time.Advance(TimeSpan.FromMinutes(1));

        entries = CacheEntries.Add(entries, Entry("new", TimeSpan.FromHours(1)), 10, _time.GetUtcNow());

        Assert.Equal(["long", "new"], entries.Select(e => e.Id));
    }

    [Fact]
    public void Unexpired_OnAFakeClock_LeavesOutEntriesAtTheirExpiry()
    {
        var entries = CacheEntries.Add([], Entry("a", TimeSpan.FromSeconds(10)), 10, _time.GetUtcNow());
        entries = CacheEntries.Add(entries, Entry("forever", cacheFor: null), 10, _time.GetUtcNow());

        _time.Advance(TimeSpan.FromSeconds(10));

        Assert.Equal(["forever"], CacheEntries.Unexpired(entries, _time.GetUtcNow()).Select(e => e.Id));
    }

    [Fact]
    public void Add_NewVersion_RetiresEntriesOfOtherVersions()
    {
        var entries = CacheEntries.Add([], Entry("old", TimeSpan.FromHours(1)) with { Version = "1" }, 10, _time.GetUtcNow());

        entries = CacheEntries.Add(entries, Entry("new", TimeSpan.FromHours(1)) with { Version = "2" }, 10, _time.GetUtcNow());

        Assert.Equal(["new"], entries.Select(e => e.Id));
        Assert.Empty(CacheEntries.NewestFirst(entries, "1"));
    }

    private CacheEntry Entry(string id, TimeSpan? cacheFor) => new()
    {
        Id = id,
        Output = new SafeResult("1", Tributary.Handlers.ResultHandlers.Json),
        FlowName = "flow",
        FlowRunId = "run",
        TaskName = "task",
        CreatedAt = _time.GetUtcNow(),
        ExpiresAt = cacheFor is { } duration ? _time.GetUtcNow() + duration : null,
    };
}
