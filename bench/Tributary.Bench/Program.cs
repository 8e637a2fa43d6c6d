using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Orleans.Serialization;
using Orleans.Storage;
using Spectre.Console;
using Tributary.Bench.Configurations;
using Tributary.Bench.Reporting;
using Tributary.Bench.Workloads;
using Tributary.Client;
using Tributary.Handlers;
using Tributary.Hosting;

// Runs every workload in every configuration, in the same process, for several rounds with the configuration order
// shuffled, and prints medians and ratios to raw Orleans measured in the same rounds. --quick: a small smoke run;
// --rounds N; --out FILE.jsonl; --workloads W1-chain,W3-large and --configurations embedded,durable-azure to narrow it;
// --durabletask adds the peer baseline to a quick run, --durabletask-max-tasks N runs it at N tasks at most;
// --configurations embedded-local-checkpoint,embedded-local-checkpoint-msgpack-brotli compares result formats and codecs;
// --durable-workloads W1-chain,W2-fan keeps the durable configurations (Azurite) to those workloads.
var quick = args.Contains("--quick");
var rounds = args.SkipWhile(a => a != "--rounds").Skip(1).Select(int.Parse).FirstOrDefault(quick ? 1 : 3);
var output = args.SkipWhile(a => a != "--out").Skip(1).FirstOrDefault() ?? Path.Combine(Path.GetTempPath(), $"tributary-bench-{DateTime.UtcNow:yyyyMMddHHmmss}.jsonl");
string[]? Filter(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault()?.Split(',');
var workloadFilter = Filter("--workloads");
var configurationFilter = Filter("--configurations");
// The durable configurations (on Azurite) only on these workloads: their 10,000-task shapes take many minutes each.
var durableWorkloadFilter = Filter("--durable-workloads");
bool Runs(IBenchConfiguration configuration, Workload workload) =>
    configuration.Supports(workload)
    && (durableWorkloadFilter is null || !configuration.Name.StartsWith("durable", StringComparison.Ordinal) || durableWorkloadFilter.Contains(workload.Id));
var workloads = Workload.All(quick).Where(w => workloadFilter is null || workloadFilter.Contains(w.Id)).ToArray();
var resultsDirectory = Directory.CreateTempSubdirectory("tributary-bench-results-").FullName;

void RegisterFlows(TributaryBuilder tributary, string configuration, bool checkpoint, ResultHandlerDescriptor? handler)
{
    foreach (var workload in workloads)
    {
        tributary.AddFlow(WorkloadFlows.Build(workload, configuration, checkpoint, handler));
    }
}

// The global default handler (used by retries to cache inputs) writes under the benchmark's temporary folder.
var engineSettings = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
{
    ["Tributary:ResultHandler:Kind"] = "local",
    ["Tributary:ResultHandler:Settings:directory"] = resultsDirectory,
}).AddEnvironmentVariables().Build(); // Tributary__DirectReadAbove=-1 and the like, to compare engine settings run by run
var embedded = await TributaryClientFactory.StartEmbeddedAsync(tributary =>
{
    RegisterFlows(tributary, "embedded", checkpoint: false, handler: null);
    RegisterFlows(tributary, "embedded-local-checkpoint", checkpoint: true, ResultHandlers.Local(resultsDirectory));
    foreach (var variant in CodecVariant.All)
    {
        RegisterFlows(tributary, variant.Configuration, checkpoint: true, variant.Handler(resultsDirectory));
    }

    tributary.Silo.AddMemoryGrainStorage("raw");
    tributary.Services.AddOptions<MemoryGrainStorageOptions>("raw")
        .Configure<Serializer>((options, serializer) => options.GrainStorageSerializer = new OrleansGrainStorageSerializer(serializer));
}, engineSettings);

var configurations = new List<IBenchConfiguration>
{
    new PlainAsyncConfiguration(),
    new RawOrleansConfiguration(embedded.Cluster),
    new TributaryConfiguration("embedded", embedded),
    new TributaryConfiguration("embedded-local-checkpoint", embedded),
};
configurations.AddRange(CodecVariant.All.Select(v => new TributaryConfiguration(v.Configuration, embedded)));

// Azurite and the durable silo only when a durable configuration may run (a --configurations list without one skips them).
var durableWanted = configurationFilter is null || configurationFilter.Any(c => c.StartsWith("durable", StringComparison.Ordinal));
await using var azurite = durableWanted ? await AzuriteProcess.TryStartAsync() : null;
TributaryClient? durable = null;
DurableTaskConfiguration? durableTask = null;
// A quick run that asks for the peer baseline (--durabletask) gives it a tiny form: 20 tasks.
var durableTaskMaxTasks = args.SkipWhile(a => a != "--durabletask-max-tasks").Skip(1).Select(a => (int?)int.Parse(a)).FirstOrDefault(quick ? 20 : null);
if (azurite is not null)
{
    var settings = new Dictionary<string, string?>
    {
        ["Tributary:Cluster:Mode"] = "AzureStorage",
        ["Tributary:Cluster:ConnectionString"] = azurite.ConnectionString,
        ["Tributary:Cluster:ClusterId"] = "bench",
        ["Tributary:AzureBlob:ConnectionString"] = azurite.ConnectionString,
        ["Tributary:ResultHandler:Kind"] = "azure-blob",
        ["Tributary:ResultHandler:Settings:container"] = "bench-results",
    };
    durable = await DurableSilo.StartAsync(
        tributary =>
        {
            RegisterFlows(tributary, "durable-azure", checkpoint: true, ResultHandlers.AzureBlob("bench-results"));
            DurableFloor.Add(tributary, azurite.ConnectionString);
        },
        settings);
    configurations.Add(new TributaryConfiguration("durable-azure", durable));
    configurations.Add(new RawOrleansConfiguration(durable.Cluster, RawOrleansConfiguration.FloorName));
    // The peer baseline, on the same Azurite (W1, W2 and W4 only; see DurableTaskConfiguration).
    if (!quick || args.Contains("--durabletask"))
    {
        durableTask = await DurableTaskConfiguration.StartAsync(azurite.ConnectionString, durableTaskMaxTasks);
        configurations.Add(durableTask);
    }
}
else if (durableWanted)
{
    AnsiConsole.MarkupLine("[yellow]node_modules/azurite not found (run npm ci): skipping the durable configuration.[/]");
}

// Raw Orleans stays in every run: the ratios are taken against it.
configurations.RemoveAll(c => configurationFilter is not null && !configurationFilter.Contains(c.Name) && c.Name != RawOrleansConfiguration.ConfigurationName);
var measurements = new List<Measurement>();
var failures = new List<string>();
await using (var lines = new StreamWriter(output))
{
    await AnsiConsole.Progress().StartAsync(async progress =>
    {
        var bar = progress.AddTask("benchmark", maxValue: (rounds + 1) * workloads.Sum(w => configurations.Count(c => Runs(c, w))));
        for (var round = 0; round <= rounds; round++)
        {
            // Round 0 warms up (JIT, activations, containers) and is not reported. A new order every round (shuffled, the
            // same for a given round in every benchmark run): a configuration runs on the memory the previous one left,
            // and a mere rotation kept each one behind the same neighbour in every round (embedded-local-checkpoint
            // always right after raw Orleans, whose garbage it reused while the next ones grew the process).
            var order = configurations.ToArray();
            new Random(round).Shuffle(order);
            foreach (var workload in workloads)
            {
                foreach (var configuration in order.Where(c => Runs(c, workload)))
                {
                    bar.Description = $"round {round}/{rounds} {workload.Id} {configuration.Name}";
                    try
                    {
                        var measurement = await MeasureAsync(round, workload, configuration);
                        if (round > 0)
                        {
                            measurements.Add(measurement);
                            await lines.WriteLineAsync(JsonSerializer.Serialize(measurement));
                            await lines.FlushAsync();
                        }
                    }
                    catch (Exception ex)
                    {
                        // One failed run does not cost the others' figures; the benchmark still fails at the end.
                        failures.Add($"round {round} {workload.Id} {configuration.Name}: {ex.GetType().Name}: {ex.Message}");
                    }

                    bar.Increment(1);
                }
            }
        }
    });
}

AnsiConsole.Profile.Width = Math.Max(AnsiConsole.Profile.Width, 190);
AnsiConsole.Write(ResultTable.Render(measurements));
var joined = measurements.Where(m => m.Workload.StartsWith("W5", StringComparison.Ordinal)).ToList();
if (joined.Count > 0)
{
    AnsiConsole.Write(MemoryAndStatusTable.Render(joined));
}

AnsiConsole.Write(StoredBytesTable.Render(resultsDirectory, configurations.Select(c => c.Name)));
foreach (var failure in failures)
{
    AnsiConsole.MarkupLineInterpolated($"[red]failed: {failure}[/]");
}

AnsiConsole.MarkupLineInterpolated($"{Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}; raw figures: {output}");
if (durableTask is not null)
{
    await durableTask.DisposeAsync();
}

if (durable is not null)
{
    await durable.DisposeAsync();
}

await embedded.DisposeAsync();
Directory.Delete(resultsDirectory, recursive: true);
return failures.Count == 0 ? 0 : 1;

static async Task<Measurement> MeasureAsync(int round, Workload registered, IBenchConfiguration configuration)
{
    var workload = configuration.Shape(registered);
    GC.Collect();
    GC.WaitForPendingFinalizers();
    var held = GC.GetTotalMemory(forceFullCollection: false);
    var allocated = GC.GetTotalAllocatedBytes(precise: true);
    var observations = new RunObservations();
    using var sampling = new CancellationTokenSource();
    var peak = WorkingSetSampler.SampleUntilAsync(sampling.Token);
    var clock = Stopwatch.StartNew();
    object? result;
    try
    {
        result = await configuration.RunAsync(workload, $"{configuration.Name}-{workload.Id}-{round}-{Guid.NewGuid():N}", observations);
    }
    finally
    {
        await sampling.CancelAsync();
    }

    var elapsed = clock.Elapsed.TotalMilliseconds;
    allocated = GC.GetTotalAllocatedBytes(precise: true) - allocated;
    workload.Check(result);
    // W5: what the run left held (activations of finished task runs, mostly), after a full collection. Only there: a
    // full collection per measurement would lengthen the quick run for figures nobody reads.
    long? stillHeld = null;
    if (workload.Kind == WorkloadKind.JoinedChains)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        stillHeld = GC.GetTotalMemory(forceFullCollection: false) - held;
    }

    return new Measurement(round, workload.Id, configuration.Name, workload.TotalTasks, elapsed, allocated, await peak, stillHeld, observations.StatusMilliseconds);
}
