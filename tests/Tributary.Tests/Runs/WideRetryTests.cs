using System.Text;
using Azure.Data.Tables;
using Tributary.Client;
using Tributary.Flows;
using Tributary.Handlers;
using Tributary.States;
using Tributary.Tests.Infrastructure;

namespace Tributary.Tests.Runs;

/// <summary>
/// A task that gathers 5,000 inputs and fails keeps its cached inputs durable on Azure Table storage (Azurite): no
/// stored record grows with the number of inputs beyond the documented bound, and a retry in a new activation reads
/// every input back from what was stored.
/// </summary>
[Collection(TributaryClusterCollection.Name)]
public sealed class WideRetryTests(TributaryClusterFixture cluster, Xunit.Abstractions.ITestOutputHelper output)
{
    private const string Flow = "wide-retry";
    private const int Inputs = 5_000;
    private const int Upstreams = 100;

    // What Orleans' Azure Table storage accepts in one entity is about 960 KB; a record of Tributary's stays far below.
    private const int RecordBound = 256 * 1024;

    public static IEnumerable<FlowDefinition> DefineFlows(TributaryClusterFixture.Locations storage)
    {
        var flow = new FlowBuilder(Flow);
        // 100 upstream tasks, each gathered 50 times: 5,000 inputs, each cached for the retry through its producer's
        // handler (local files with long absolute paths, so each cached input is a safe value of ~200 bytes).
        var options = new TaskOptions { ResultHandler = ResultHandlers.Local(storage.Directory("wide-retry-upstream-outputs")) };
        var upstreams = Enumerable.Range(0, Upstreams).Select(i => flow.Task($"wide-input-{i:D3}", () => (long)i, options)).ToArray();
        var inputs = Enumerable.Range(0, Inputs).Select(i => upstreams[i % Upstreams]);
        flow.Task(
            "sum",
            (IReadOnlyList<long> values, TaskRunContext context) =>
            {
                // Fails until the test has taken its activation away, so the attempt that succeeds runs in a new one.
                if (!TaskProbes.IsMarked(context.FlowRunId, "deactivated"))
                {
                    throw new InvalidOperationException($"sum is held back (attempt {context.Attempt})");
                }

                TaskProbes.Record(context, (values.Count, values.Sum()));
                return values.Sum();
            },
            flow.Gather(inputs),
            new TaskOptions { MaxRetries = 50, RetryDelay = TimeSpan.FromMilliseconds(500), ResultHandler = ResultHandlers.Json });
        yield return flow.Build();
    }

    [Fact]
    public async Task Retry_FiveThousandInputsOnTableStorage_StoresBoundedRecordsAndANewActivationReadsThemAll()
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        // Through the SDK, as a user starts it: a start that outlasts the call's timeout is asked again under the same
        // id, which gives the same run.
        var client = new TributaryClient(cluster.Client, cluster.Handlers, host: null);
        var runId = await client.StartFlowRunAsync(Flow);
        output.WriteLine($"started after {clock.Elapsed}");
        var retrying = await cluster.WaitForTaskAsync(runId, "sum", state => state.Status == TaskRunStatus.Retrying, TimeSpan.FromMinutes(3));

        output.WriteLine($"retrying after {clock.Elapsed}");
        var records = await RecordSizesAsync(runId);
        // Both grains come back from what they stored.
        await cluster.Cluster.DeactivateAsync(cluster.TaskRun(runId, "sum"));
        await cluster.Cluster.DeactivateAsync(cluster.FlowRun(runId));
        TaskProbes.Mark(runId, "deactivated");
        var final = await cluster.WaitForFlowAsync(runId, TimeSpan.FromMinutes(3));
        var sum = await cluster.TaskRun(runId, "sum").GetStateAsync();
        var left = await RecordSizesAsync(runId);
        output.WriteLine($"done after {clock.Elapsed}");

        Assert.True(final.Status == FlowRunStatus.Success, $"{final.Status}: {final.Message}");
        Assert.Empty(retrying.UncachedInputs);
        Assert.Equal((Inputs, Inputs / Upstreams * (Upstreams * (Upstreams - 1L) / 2)), TaskProbes.ReceivedBy(runId, "sum"));
        Assert.Equal((TaskRunStatus.Success, 0), (sum.Status, sum.CachedInputs.Count));
        Assert.Equal(Inputs, retrying.CachedInputs.Count);
        Assert.Contains(records, record => record.Key.Contains("task-cached-inputs", StringComparison.Ordinal));
        Assert.DoesNotContain(left, record => record.Key.Contains("task-cached-inputs", StringComparison.Ordinal)); // deleted on success
        var largest = records.MaxBy(record => record.Bytes);
        Assert.True(largest.Bytes <= RecordBound, $"record {largest.Key} holds {largest.Bytes} bytes");
    }

    // The stored size of every grain-state entity of the run (keys name the grain, so the run's id is in them).
    private async Task<IReadOnlyList<(string Key, int Bytes)>> RecordSizesAsync(string runId)
    {
        var sizes = new List<(string, int)>();
        await foreach (var entity in cluster.Tables.GetTableClient("OrleansGrainState").QueryAsync<TableEntity>())
        {
            if (entity.PartitionKey.Contains(runId, StringComparison.Ordinal) || entity.RowKey.Contains(runId, StringComparison.Ordinal))
            {
                var bytes = entity.Sum(property => property.Value switch
                {
                    byte[] data => data.Length,
                    BinaryData data => data.ToMemory().Length,
                    string text => Encoding.UTF8.GetByteCount(text),
                    _ => 0,
                });
                sizes.Add(($"{entity.PartitionKey}/{entity.RowKey}", bytes));
            }
        }

        return sizes;
    }
}
