using System.Net.Sockets;
using Azure;
using Azure.Core;
using Azure.Data.Tables;
using Microsoft.Extensions.Configuration;
using Tributary.Options;

namespace Tributary.Silo;

/// <summary>
/// Checks, before Orleans starts, that the cluster's storage answers (Azure Storage mode): with it unreachable, Orleans
/// logs the failure of its membership table after a few seconds but goes on retrying its reminder table for 5 minutes
/// before the start fails. One request with a short, bounded retry tells the operator in seconds which endpoint did not
/// answer.
/// </summary>
internal sealed class ClusterStorageCheck
{
    private readonly TableServiceClient _tables;
    private readonly TimeSpan _timeout;

    private ClusterStorageCheck(TableServiceClient tables, TimeSpan timeout)
    {
        _tables = tables;
        _timeout = timeout;
    }

    /// <summary>The check for the configured cluster, or <see langword="null"/> when it keeps no state in Azure Storage (embedded).</summary>
    /// <param name="configuration">The silo's configuration.</param>
    /// <param name="timeout">How long the request may take, its retries included.</param>
    /// <exception cref="ArgumentException">The connection string is not one; the message names the setting.</exception>
    public static ClusterStorageCheck? For(IConfiguration configuration, TimeSpan timeout)
    {
        var cluster = configuration.GetSection(ClusterHostingOptions.SectionName).Get<ClusterHostingOptions>() ?? new ClusterHostingOptions();
        if (cluster.Mode != ClusterMode.AzureStorage || string.IsNullOrWhiteSpace(cluster.ConnectionString))
        {
            return null;
        }

        var options = new TableClientOptions();
        options.Retry.MaxRetries = 2;
        options.Retry.Mode = RetryMode.Exponential;
        options.Retry.Delay = TimeSpan.FromMilliseconds(500);
        options.Retry.NetworkTimeout = TimeSpan.FromSeconds(5);
        try
        {
            return new ClusterStorageCheck(new TableServiceClient(cluster.ConnectionString, options), timeout);
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException or InvalidOperationException)
        {
            throw new ArgumentException(
                $"{ClusterHostingOptions.SectionName}:{nameof(ClusterHostingOptions.ConnectionString)} is not an Azure Storage connection string: {ex.Message}",
                nameof(ClusterHostingOptions.ConnectionString),
                ex);
        }
    }

    /// <summary>
    /// Asks the table service for one page of its tables. Any answer (a refusal included: a SAS may not list tables)
    /// means the storage is there.
    /// </summary>
    /// <returns><see langword="null"/> when the storage answered; otherwise what to tell the operator, on one line.</returns>
    public async Task<string?> FindProblemAsync()
    {
        using var deadline = new CancellationTokenSource(_timeout);
        try
        {
            await foreach (var _ in _tables.QueryAsync(maxPerPage: 1, cancellationToken: deadline.Token).AsPages().WithCancellation(deadline.Token))
            {
                break;
            }

            return null;
        }
        catch (RequestFailedException answered) when (answered.Status != 0)
        {
            return null;
        }
        catch (Exception ex) when (deadline.IsCancellationRequested
            || ex is RequestFailedException or AggregateException or OperationCanceledException or HttpRequestException or IOException)
        {
            // Given up by the deadline, the storage client's own error says only that its read was cancelled.
            var why = deadline.IsCancellationRequested
                ? $"no answer within {_timeout.TotalSeconds:0.#} s ({SiloStartOptions.SectionName}:{nameof(SiloStartOptions.StorageCheckTimeout)})"
                : InnermostMessage(ex);
            // The endpoint without its query: a SAS connection string's signature is not printed.
            var endpoint = _tables.Uri.GetLeftPart(UriPartial.Path);
            return $"the cluster's storage did not answer at {endpoint} ({ClusterHostingOptions.SectionName}:{nameof(ClusterHostingOptions.ConnectionString)}): {why}. "
                + "Check that the storage account (or Azurite) is running and reachable from this host, and that the connection string names its endpoints.";
        }
    }

    /// <summary>The innermost message along the first inner exceptions, except a bare socket error (its wrapper names the endpoint).</summary>
    private static string InnermostMessage(Exception error)
    {
        var chosen = error;
        for (var inner = error.InnerException; inner is not null && inner is not SocketException; inner = inner.InnerException)
        {
            chosen = inner;
        }

        return chosen.Message.ReplaceLineEndings(" ").TrimEnd('.');
    }
}
