using Spectre.Console;
using Spectre.Console.Cli;
using Tributary.Client;
using Tributary.Handlers.Encryption;

namespace Tributary.Cli.Commands;

/// <summary>
/// <c>reencrypt RUN [--dry-run]</c>: rewraps the data keys of a run's encrypted results under the active key of this
/// machine's key ring (<c>Tributary:Encryption</c>), rewriting each object in place, and prints one line per result and a
/// summary. Exits 0 when every encrypted result is under the active key (or would be, in a dry run), 6 when some could not be.
/// </summary>
public sealed class ReencryptCommand : AsyncCommand<ReencryptSettings>
{
    /// <inheritdoc />
    public override async Task<int> ExecuteAsync(CommandContext context, ReencryptSettings settings, CancellationToken cancellationToken)
    {
        await using var client = await TributaryClientFactory.ConnectAsync(settings.BuildConfiguration(), cancellationToken);
        var report = await client.ReencryptFlowRunAsync(settings.RunId, settings.DryRun, cancellationToken);
        var output = AnsiConsole.Profile.Out.Writer;
        output.WriteLine(settings.DryRun
            ? $"Flow run {report.FlowRunId}: dry run, nothing is written."
            : $"Flow run {report.FlowRunId}: re-encrypting under the active key.");
        // Plain lines, never wrapped, so that a script (or an operator's grep) takes each result whole.
        foreach (var result in report.Results)
        {
            var done = result.Reencryption;
            var what = done.Outcome switch
            {
                ReencryptionOutcome.Reencrypted => $"re-encrypted {done.FromKeyId} -> {done.ToKeyId}",
                ReencryptionOutcome.WouldReencrypt => $"would re-encrypt {done.FromKeyId} -> {done.ToKeyId}",
                _ => $"already under {done.ToKeyId}",
            };
            output.WriteLine($"  {result.TaskName} ({result.Role}): {what}: {done.Location}");
        }

        foreach (var failure in report.Failures)
        {
            output.WriteLine($"  {failure.TaskName} ({failure.Role}): FAILED: {failure.Message.ReplaceLineEndings(" ")}");
        }

        var changed = settings.DryRun ? "would be re-encrypted" : "re-encrypted";
        output.WriteLine($"Summary: {report.Changed} {changed}, {report.Current} already under the active key, {report.Failures.Count} failed.");
        return report.Failures.Count == 0 ? CliExitCode.Success : CliExitCode.OtherError;
    }
}
