using System.Text.RegularExpressions;
using Tributary.Caching;
using Tributary.Flows;
using Tributary.Handlers;
using Tributary.Tests.Client;
using Tributary.Tests.Runs;

namespace Tributary.Tests.Caching;

/// <summary>
/// The command line and the cache, against a one-silo cluster: a cached flow run twice shows Cached and the code runs
/// once; <c>cache list</c> shows the key and its entry; <c>run --refresh-cache</c> runs the code again; <c>cache clear</c>
/// removes an entry, then the key.
/// </summary>
public sealed class CacheCliTests(CliClusterTests.Silo silo) : IClassFixture<CliClusterTests.Silo>
{
    private const string Flow = "cli-cached";

    public static IEnumerable<FlowDefinition> DefineFlows()
    {
        var flow = new FlowBuilder(Flow);
        var n = flow.Parameter<int>("n");
        var tag = flow.Parameter<string>("tag");
        // The tag keeps each test's entries to itself: runs with another tag use another key.
        flow.Task(
            "square",
            (int n, string tag, TaskRunContext context) =>
            {
                TaskProbes.Count(context);
                TaskProbes.Mark(tag, $"ran-{context.FlowRunId}");
                return n * n;
            },
            n,
            tag,
            new TaskOptions { CacheFor = TimeSpan.FromHours(1), CacheValidator = CacheValidator.PartialInputsOnly("tag"), ResultHandler = ResultHandlers.Json });
        yield return flow.Build();
    }

    [Fact]
    public async Task Run_CachedFlowTwiceThenListRefreshAndClear_CodeRunsOnlyWhenItShould()
    {
        var tag = $"t{Guid.NewGuid():N}";
        var key = $"{Flow}/square";

        var first = await silo.CliAsync("run", Flow, "--param", "n=12", "--param", $"tag={tag}");
        var second = await silo.CliAsync("run", Flow, "--param", "n=12", "--param", $"tag={tag}");
        var keys = await silo.CliAsync("cache", "list");
        var entries = await silo.CliAsync("cache", "list", key);
        var refreshed = await silo.CliAsync("run", Flow, "--param", "n=12", "--param", $"tag={tag}", "--refresh-cache");

        Assert.True(first.ExitCode == 0, first.Output);
        Assert.True(second.ExitCode == 0, second.Output);
        Assert.Contains("square: Cached", second.Output);
        Assert.Contains("Result of square: 144", second.Output);
        Assert.Equal([true, false, true], new[] { first, second, refreshed }.Select(run => TaskProbes.IsMarked(tag, $"ran-{RunIdOf(run.Output)}")));
        Assert.True(keys.ExitCode == 0, keys.Output);
        Assert.Contains(key, keys.Output);
        var firstRun = RunIdOf(first.Output);
        Assert.True(entries.Output.Contains($"{firstRun}/square", StringComparison.Ordinal), entries.Output);
        Assert.Contains("144", entries.Output); // the JSON handler's safe value is the output itself

        var entryId = Regex.Match(entries.Output, @"entry ([0-9a-f]+-[0-9a-f]{6})").Groups[1].Value;
        var removed = await silo.CliAsync("cache", "clear", key, "--entry", entryId);
        var again = await silo.CliAsync("cache", "clear", key, "--entry", entryId);
        var cleared = await silo.CliAsync("cache", "clear", key);

        Assert.True(removed.ExitCode == 0, removed.Output);
        Assert.Contains($"Removed entry {entryId}", removed.Output);
        Assert.NotEqual(0, again.ExitCode);
        Assert.True(cleared.ExitCode == 0, cleared.Output);
        Assert.Contains("1 entry removed", cleared.Output); // the refreshed run's entry
    }

    private static string RunIdOf(string output) => Regex.Match(output, @"Flow run (\S+) of").Groups[1].Value;
}
