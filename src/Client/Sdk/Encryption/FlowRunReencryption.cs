using Tributary.Handlers.Encryption;

namespace Tributary.Client.Encryption;

/// <summary>What re-encrypting a run's results did (or, in a dry run, would do).</summary>
/// <param name="FlowRunId">The run.</param>
/// <param name="DryRun">Whether nothing was written.</param>
/// <param name="Results">Each encrypted result, in task order, with what was done to it.</param>
/// <param name="Failures">The encrypted results that could not be re-encrypted, and why (the others were done anyway).</param>
public sealed record FlowRunReencryption(
    string FlowRunId,
    bool DryRun,
    IReadOnlyList<ReencryptedResult> Results,
    IReadOnlyList<ReencryptionFailure> Failures)
{
    /// <summary>How many results were (or, in a dry run, would be) rewrapped under the active key.</summary>
    public int Changed => Results.Count(r => r.Reencryption.Outcome is ReencryptionOutcome.Reencrypted or ReencryptionOutcome.WouldReencrypt);

    /// <summary>How many results were already under the active key.</summary>
    public int Current => Results.Count(r => r.Reencryption.Outcome == ReencryptionOutcome.Current);
}
