using System.Security.Cryptography;
using Microsoft.Extensions.Configuration;
using Tributary.Client;
using Tributary.Examples;
using Tributary.States;
using Tributary.Tests.Infrastructure;

namespace Tributary.Tests.Hosting;

/// <summary>
/// A one-silo Azure Storage cluster restarted on the same address (same ports, same cluster id, a new generation of the
/// silo) as an operator restarts it: killed (its old generation still listed Active in the membership table when the new
/// one starts, with a run in flight that the new one picks up at its start) or stopped, then started again, and used at
/// once by a new client that finds the gateway through the membership table, as the CLI does; the run that was in
/// flight when the silo went ends too.
/// </summary>
[Collection(SerialProcessCollection.Name)]
public sealed class SameAddressRestartTests
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    private enum Restart
    {
        Kill,
        Stop,
    }

    // Guards issue 10: the first run after a restart on the same address failed to place its task runs ("No active
    // nodes are compatible with grain taskrun ... Known nodes with grain type: none") and a status call waited 30 s.
    [Fact]
    public async Task Restart_SameAddressAfterKillOrStop_RunRightAfterEachStartSucceeds()
    {
        var azurite = await AzuriteServer.Shared;
        var clusterId = "restart-" + Guid.NewGuid().ToString("N")[..8];
        var settings = SiloSettings.AzureStorage(azurite.ConnectionString, clusterId, typeof(EtlFlow).Assembly.Location);
        settings["Tributary__Cache__DigestKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var connection = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Tributary:Cluster:Mode"] = "AzureStorage",
            ["Tributary:Cluster:ConnectionString"] = azurite.ConnectionString,
            ["Tributary:Cluster:ClusterId"] = clusterId,
            ["Tributary:Cluster:ServiceId"] = clusterId,
        }).Build();
        using var working = new TempDirectory();
        var ports = SiloPorts.Pick();
        SiloProcess? silo = await SiloProcess.StartAsync("silo start 1", working.Path, settings, ports, StartTimeout);
        try
        {
            var restarts = new[] { Restart.Kill, Restart.Stop };
            for (var i = 0; i < restarts.Length; i++)
            {
                var inFlight = await StartARunThatIsInFlightAsync(connection, i);
                if (restarts[i] == Restart.Kill)
                {
                    await silo.KillAsync();
                }

                await silo.DisposeAsync(); // after a kill, releases the process; otherwise SIGTERM and waits for the exit
                var before = $"--- {silo.Name}\n{silo.Output}";
                silo = null;
                silo = await SiloProcess.StartAsync($"silo start {i + 2}", working.Path, settings, ports, StartTimeout);

                // Right after the start line, as an operator or a deploy script goes on once it is logged.
                await using var client = await TributaryClientFactory.ConnectAsync(connection);
                var runId = await client.StartFlowRunAsync(EtlFlow.Name);
                var run = await client.WaitForFlowRunAsync(runId, Patience);
                var outputs = $"{before}\n--- {silo.Name}\n{silo.Output}";
                Assert.True(
                    run.Flow.Status == FlowRunStatus.Success,
                    $"The run after restart {i + 1} ({restarts[i]}) ended {run.Flow.Status}: {run.Flow.Message}\n{outputs}");
                var interrupted = await client.WaitForFlowRunAsync(inFlight, Patience);
                Assert.True(
                    interrupted.Flow.Status == FlowRunStatus.Success,
                    $"The run in flight at restart {i + 1} ({restarts[i]}) ended {interrupted.Flow.Status}: {interrupted.Flow.Message}\n{outputs}");
            }
        }
        finally
        {
            if (silo is not null)
            {
                await silo.DisposeAsync();
            }
        }
    }

    // A run whose slow first task (2 s) is running when the silo goes: killed, the next generation wakes it at its start,
    // so its task runs are placed in the first moments of that silo's life; stopped, it is what the silo is doing while
    // it leaves.
    private static async Task<string> StartARunThatIsInFlightAsync(IConfiguration connection, int restart)
    {
        await using var client = await TributaryClientFactory.ConnectAsync(connection);
        var runId = await client.StartFlowRunAsync(
            RatesFlow.Name,
            new Dictionary<string, object?> { ["currency"] = $"C{restart}" }); // its own cache entry: the task runs
        await Poll.UntilAsync(
            async () =>
            {
                var run = await client.GetFlowRunAsync(runId);
                // Final already on a slow machine: the restart then goes on without a run in flight, which is still a restart.
                return run.Flow.Status.IsFinal() || run.Tasks.Any(task => task.TaskName == "fetch-rates" && task.Status == TaskRunStatus.Running);
            },
            Patience,
            "the rates run's fetch-rates to run");
        return runId;
    }
}
