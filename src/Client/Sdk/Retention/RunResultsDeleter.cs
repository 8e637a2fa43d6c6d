using Tributary.Handlers;

namespace Tributary.Client.Retention;

/// <summary>Deletes one run's results through their handlers, a few at a time, each failure recorded and the others carried on.</summary>
internal static class RunResultsDeleter
{
    private const int Concurrency = 8;

    public static async Task<IReadOnlyList<ResultDeletion>> DeleteAsync(
        IReadOnlyList<StoredResult> results, IResultHandlerCatalog handlers, CancellationToken cancellationToken)
    {
        var outcomes = new ResultDeletion[results.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, results.Count),
            new ParallelOptions { MaxDegreeOfParallelism = Concurrency, CancellationToken = cancellationToken },
            async (i, token) => outcomes[i] = await DeleteOneAsync(results[i], handlers, token).ConfigureAwait(false)).ConfigureAwait(false);
        return outcomes;
    }

    private static async Task<ResultDeletion> DeleteOneAsync(StoredResult result, IResultHandlerCatalog handlers, CancellationToken cancellationToken)
    {
        try
        {
            var handler = handlers.GetHandler(result.Result.Handler);
            var location = result.Result.Value as System.Text.Json.Nodes.JsonNode;
            if (handler is IResultLocationLister lister && !await lister.ExistsAsync(location, cancellationToken).ConfigureAwait(false))
            {
                return new ResultDeletion(result, ResultDeletionOutcome.AlreadyGone);
            }

            await handler.DeleteAsync(location, cancellationToken).ConfigureAwait(false);
            return new ResultDeletion(result, ResultDeletionOutcome.Deleted);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            return new ResultDeletion(result, ResultDeletionOutcome.Failed, $"{ex.GetType().Name}: {ex.Message}".ReplaceLineEndings(" "));
        }
    }
}
