using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Tributary.Client;
using Tributary.Flows;
using Tributary.Handlers;
using Tributary.States;
using Tributary.Tests.Handlers;
using Tributary.Tests.Infrastructure;

namespace Tributary.Tests.Client;

/// <summary>
/// <c>tributary reencrypt RUN</c> against a cluster (one silo in this process on the shared Azurite) whose default handler
/// is the local one, encrypted under k1: a dry run lists and writes nothing, a run rewraps every result under the CLI's
/// active key k2 in place, the results then read with k1 gone from the ring, and a key the ring lacks is a reported failure.
/// </summary>
public sealed class ReencryptCliTests(ReencryptCliTests.Silo silo) : IClassFixture<ReencryptCliTests.Silo>
{
    private const string Flow = "reencrypt-cli";

    [Fact]
    public async Task Reencrypt_DryRunThenRunThenAgain_ListsRewrapsInPlaceAndResultsReadWithoutTheOldKey()
    {
        var runId = TributaryClusterFixture.NewRunId();
        await silo.Client.StartFlowRunAsync(Flow, flowRunId: runId);
        var final = await silo.Client.WaitForFlowRunAsync(runId, TimeSpan.FromSeconds(60));
        Assert.Equal(FlowRunStatus.Success, final.Flow.Status);
        var paths = final.Tasks.ToDictionary(t => t.TaskName, t => JsonNode.Parse(t.Output!.Json)!["inner"]!.GetValue<string>());
        var before = paths.Values.Select(File.ReadAllBytes).ToList();

        var dry = await silo.CliAsync(Ring("k2", "k1", "k2"), "reencrypt", runId, "--dry-run");

        Assert.True(dry.ExitCode == 0, dry.Output);
        Assert.Contains($"Flow run {runId}: dry run, nothing is written.", dry.Output);
        Assert.Contains($"  secret (output): would re-encrypt k1 -> k2: {paths["secret"]}", dry.Output);
        Assert.Contains($"  shout (output): would re-encrypt k1 -> k2: {paths["shout"]}", dry.Output);
        Assert.Contains("Summary: 2 would be re-encrypted, 0 already under the active key, 0 failed.", dry.Output);
        Assert.Equal(before, paths.Values.Select(File.ReadAllBytes).ToList());

        var done = await silo.CliAsync(Ring("k2", "k1", "k2"), "reencrypt", runId);

        Assert.True(done.ExitCode == 0, done.Output);
        Assert.Contains($"  secret (output): re-encrypted k1 -> k2: {paths["secret"]}", done.Output);
        Assert.Contains("Summary: 2 re-encrypted, 0 already under the active key, 0 failed.", done.Output);
        Assert.All(paths.Values, path => Assert.Equal("k2", JsonNode.Parse(File.ReadAllText(path))!["KeyId"]!.GetValue<string>()));
        Assert.DoesNotContain(silo.Keys.All, key => done.Output.Contains(key, StringComparison.Ordinal));

        // k1 gone from the ring: the results read through the safe values the run recorded (which still name k1).
        var read = await silo.CliAsync(Ring("k2", "k2"), "result", runId, "shout");
        var again = await silo.CliAsync(Ring("k2", "k2"), "reencrypt", runId);

        Assert.True(read.ExitCode == 0, read.Output);
        Assert.Contains($"\"{Silo.Canary.ToUpperInvariant()}!\"", read.Output);
        Assert.Equal("k1", JsonNode.Parse(final.Tasks.Single(t => t.TaskName == "shout").Output!.Json)!["keyId"]!.GetValue<string>());
        Assert.True(again.ExitCode == 0, again.Output);
        Assert.Contains("  shout (output): already under k2", again.Output);
        Assert.Contains("Summary: 0 re-encrypted, 2 already under the active key, 0 failed.", again.Output);
    }

    [Fact]
    public async Task Reencrypt_RingWithoutTheResultsKey_ReportsEachFailureNamingTheKeyIdAndExitsSix()
    {
        var runId = TributaryClusterFixture.NewRunId();
        await silo.Client.StartFlowRunAsync(Flow, flowRunId: runId);
        await silo.Client.WaitForFlowRunAsync(runId, TimeSpan.FromSeconds(60));

        var (exitCode, output) = await silo.CliAsync(Ring("k3", "k3"), "reencrypt", runId);

        Assert.True(exitCode == 6, output);
        Assert.Contains("  secret (output): FAILED: The encrypted result at ", output);
        Assert.Contains("was written under key id 'k1', which this host's key ring (Tributary:Encryption:Keys) does not hold (key ids held: k3)", output);
        Assert.Contains("Summary: 0 re-encrypted, 0 already under the active key, 2 failed.", output);
        Assert.DoesNotContain(silo.Keys.All, key => output.Contains(key, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Reencrypt_NoActiveKey_FailsNamingTheSettingWithoutTheKey()
    {
        var ring = Ring("k2", "k1", "k2");
        ring.Remove("Tributary__Encryption__ActiveKey");

        var (exitCode, output) = await silo.CliAsync(ring, "reencrypt", "any-run");

        Assert.NotEqual(0, exitCode);
        Assert.Contains("Tributary:Encryption:ActiveKey is not set", output);
        Assert.DoesNotContain(silo.Keys.All, key => output.Contains(key, StringComparison.Ordinal));
    }

    [Fact]
    public async Task RetentionDelete_EncryptedRun_SweepsAnObjectNoStateNamesOnceAndDeletesEverything()
    {
        var runId = TributaryClusterFixture.NewRunId();
        await silo.Client.StartFlowRunAsync(Flow, flowRunId: runId);
        var final = await silo.Client.WaitForFlowRunAsync(runId, TimeSpan.FromSeconds(60));
        Assert.Equal(FlowRunStatus.Success, final.Flow.Status);
        var shout = JsonNode.Parse(final.Tasks.Single(t => t.TaskName == "shout").Output!.Json)!["inner"]!.GetValue<string>();
        // As an attempt whose checkpoint was written but whose state never was: an encrypted object beside the others.
        var ghost = Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(shout)!)!, "ghost", "attempt-9.json");
        Directory.CreateDirectory(Path.GetDirectoryName(ghost)!);
        File.Copy(shout, ghost);

        var plan = await silo.Client.PlanResultDeletionAsync(Tributary.Client.Retention.RetentionSelection.Run(runId));
        var report = await silo.Client.DeleteResultsAsync(plan);

        // Each stored object once: the two outputs by the states' names (key id k1), the ghost by the listing's.
        Assert.Equal(3, plan.Results.Count());
        var unnamed = Assert.Single(plan.Results, r => r.Role == Tributary.Client.Retention.StoredResultRole.Unnamed);
        Assert.Equal("ghost", unnamed.TaskName);
        Assert.Equal(ghost, JsonNode.Parse(unnamed.Result.Json)!["inner"]!.GetValue<string>());
        Assert.False(report.HasFailures);
        Assert.False(File.Exists(ghost));
        Assert.False(File.Exists(shout));
    }

    /// <summary>The CLI's key ring, as environment variables.</summary>
    private Dictionary<string, string> Ring(string active, params string[] keyIds)
    {
        var environment = keyIds.ToDictionary(id => $"Tributary__Encryption__Keys__{id}", id => silo.Keys[id]);
        environment["Tributary__Encryption__ActiveKey"] = active;
        return environment;
    }

    /// <summary>One silo of an Azure Storage cluster whose default handler is the local one encrypted under k1 (k2 also in its ring).</summary>
    public sealed class Silo : IAsyncLifetime
    {
        /// <summary>What the flow's first task returns.</summary>
        public static readonly string Canary = $"canary-{Guid.NewGuid():N}";

        private readonly TempDirectory _results = new();
        private readonly string _clusterId = $"reencrypt-{Guid.NewGuid():N}";
        private string _connectionString = string.Empty;
        private TributaryClient? _silo;

        /// <summary>The keys of the silo's and the CLI's rings.</summary>
        public EncryptionTestKeys Keys { get; } = new();

        /// <summary>The cluster's own client.</summary>
        public TributaryClient Client => _silo ?? throw new InvalidOperationException("The silo has not started.");

        /// <summary>Runs the CLI against this cluster with extra environment variables (its key ring).</summary>
        public Task<(int ExitCode, string Output)> CliAsync(Dictionary<string, string> environment, params string[] arguments)
        {
            environment["Tributary__Cluster__ClusterId"] = _clusterId;
            environment["Tributary__Cluster__ServiceId"] = _clusterId;
            return CliProcess.RunAsync(environment, [.. arguments, "--cluster", _connectionString]);
        }

        /// <inheritdoc />
        public async Task InitializeAsync()
        {
            _connectionString = (await AzuriteServer.Shared).ConnectionString;
            for (var attempt = 1; ; attempt++)
            {
                int siloPort, gatewayPort;
                using (var holdSilo = new ClosedPort())
                using (var holdGateway = new ClosedPort())
                {
                    (siloPort, gatewayPort) = (holdSilo.Port, holdGateway.Port);
                }

                try
                {
                    var settings = Keys.Configuration("k1", "k1", "k2");
                    settings["Tributary:Cluster:Mode"] = "AzureStorage";
                    settings["Tributary:Cluster:ConnectionString"] = _connectionString;
                    settings["Tributary:Cluster:ClusterId"] = _clusterId;
                    settings["Tributary:Cluster:ServiceId"] = _clusterId;
                    settings["Tributary:Cluster:SiloPort"] = siloPort.ToString(CultureInfo.InvariantCulture);
                    settings["Tributary:Cluster:GatewayPort"] = gatewayPort.ToString(CultureInfo.InvariantCulture);
                    settings["Tributary:ResultHandler:Kind"] = LocalResultHandler.Kind;
                    settings["Tributary:ResultHandler:Settings:directory"] = _results.Path;
                    settings["Tributary:ResultHandler:Encrypted"] = "true";
                    _silo = await TributaryClientFactory.StartSiloAsync(
                        tributary => tributary.AddFlow(DefineFlow()), new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
                    return;
                }
                catch (Exception ex) when (attempt < 3 && SocketErrors.IsAddressInUse(ex))
                {
                    // taken in the gap: new ports
                }
            }
        }

        /// <inheritdoc />
        public async Task DisposeAsync()
        {
            if (_silo is not null)
            {
                await _silo.DisposeAsync();
            }

            _results.Dispose();
        }

        private static FlowDefinition DefineFlow()
        {
            var flow = new FlowBuilder(Flow);
            var secret = flow.Task("secret", () => Canary, new TaskOptions { Checkpoint = true });
            flow.Task("shout", (string text) => $"{text.ToUpperInvariant()}!", new TaskOptions { Checkpoint = true }).WithInput("text", secret);
            return flow.Build();
        }
    }
}
