using System.Text.Json.Nodes;
using Tributary.Client.Encryption;
using Tributary.Handlers;
using Tributary.Handlers.Encryption;
using Tributary.Results;
using Tributary.States;

namespace Tributary.Client;

// Key rotation: a run's encrypted results rewrapped under the active key of this client's key ring, in place.
public sealed partial class TributaryClient : ITributaryEncryptionClient
{
    /// <inheritdoc />
    public async Task<FlowRunReencryption> ReencryptFlowRunAsync(string flowRunId, bool dryRun = false, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(flowRunId);
        var snapshot = await GetFlowRunAsync(flowRunId, cancellationToken).ConfigureAwait(false);
        if (snapshot.Flow.Status == FlowRunStatus.NotFound)
        {
            throw new FlowRunNotFoundException(flowRunId);
        }

        var results = new List<ReencryptedResult>();
        var failures = new List<ReencryptionFailure>();
        var seen = new HashSet<SafeResult>();
        foreach (var (task, role, safe) in EncryptedResultsOf(snapshot))
        {
            if (!seen.Add(safe))
            {
                continue; // the same stored object, named twice: rewritten once
            }

            if (!Handlers.IsRegistered(EncryptedResultHandler.Kind))
            {
                throw new InvalidOperationException(
                    $"Flow run '{flowRunId}' has encrypted results, but this client has no key ring: set {EncryptionOptions.SectionName}:"
                    + $"{nameof(EncryptionOptions.ActiveKey)} and {EncryptionOptions.SectionName}:{nameof(EncryptionOptions.Keys)}:<id> "
                    + "(or call AddEncryptedResultHandler).");
            }

            // Built by this client's catalog, with this client's key ring (the keys never cross to the cluster).
            var handler = Handlers.GetHandler(safe.Handler) as EncryptedResultHandler ?? throw new InvalidOperationException(
                $"This client's handler kind '{EncryptedResultHandler.Kind}' is not Tributary's encrypting handler; it cannot re-encrypt.");
            try
            {
                var done = await handler.ReencryptAsync(JsonNode.Parse(safe.Json), dryRun, cancellationToken).ConfigureAwait(false);
                results.Add(new ReencryptedResult(task, role, done));
            }
            catch (Exception ex) when (ex is ResultLocationNotFoundException or EncryptedResultException or NotSupportedException or ArgumentException)
            {
                failures.Add(new ReencryptionFailure(task, role, ex.Message));
            }
        }

        return new FlowRunReencryption(flowRunId, dryRun, results, failures);
    }

    /// <summary>The safe values of a run that the encrypting handler wrote: each task's output and cached input copies.</summary>
    private static IEnumerable<(string Task, string Role, SafeResult Safe)> EncryptedResultsOf(FlowRunSnapshot snapshot)
    {
        foreach (var task in snapshot.Tasks)
        {
            if (task.Output is { Handler.Kind: EncryptedResultHandler.Kind } output)
            {
                yield return (task.TaskName, "output", output);
            }

            foreach (var (name, cached) in task.CachedInputs.OrderBy(pair => pair.Key, StringComparer.Ordinal))
            {
                if (cached.Handler.Kind == EncryptedResultHandler.Kind)
                {
                    yield return (task.TaskName, $"cached input {name}", cached);
                }
            }
        }
    }
}
