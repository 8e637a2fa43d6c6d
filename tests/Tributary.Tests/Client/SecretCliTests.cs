using System.Text.RegularExpressions;
using Tributary.Flows;
using Tributary.Tests.Infrastructure;

namespace Tributary.Tests.Client;

/// <summary>
/// The command line shows a secret task by its name: a run ending in a secret task prints the secret's name as its
/// result, and neither <c>run</c> nor <c>status</c> prints the secret's value (a canary configured on the silo).
/// </summary>
public sealed class SecretCliTests(CliClusterTests.Silo silo) : IClassFixture<CliClusterTests.Silo>
{
    /// <summary>The secret, configured on the CLI tests' silo.</summary>
    public const string SecretName = "cli-db-password";

    private const string Flow = "cli-secret";

    /// <summary>The secret's value: unique to this test process.</summary>
    public static string Canary { get; } = $"CANARY-CLI-SECRET-{Guid.NewGuid():N}";

    public static IEnumerable<FlowDefinition> DefineFlows()
    {
        // The secret task is the run's only (so last) task: the CLI prints the last task's result.
        var flow = new FlowBuilder(Flow);
        flow.Secret(SecretName, new TaskOptions { Checkpoint = true });
        yield return flow.Build();
    }

    [Fact]
    public async Task RunAndStatus_RunEndsInSecretTask_ShowTheSecretsNameNeverItsValue()
    {
        var runId = TributaryClusterFixture.NewRunId();

        var run = await silo.CliAsync("run", Flow, "--run-id", runId);
        var status = await silo.CliAsync("status", runId);

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.True(status.ExitCode == 0, status.Output);
        Assert.Contains($"{SecretName}: Success", run.Output);
        Assert.Contains( // the console may wrap the line
            $"Result of {SecretName}: the secret \"{SecretName}\" (its value is not shown)", Regex.Replace(run.Output, @"\s+", " "));
        Assert.DoesNotContain(Canary, run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(Canary, status.Output, StringComparison.Ordinal);
    }
}
