using System.Net.Sockets;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Tributary.Client;
using Tributary.Options;

namespace Tributary.Hosting;

/// <summary>
/// Orleans' connection retry filter for the Tributary client: asks again while no gateway is listed or none answers, for
/// at most <see cref="TributaryClientOptions.ConnectTimeout"/> from the start, then fails with one
/// <see cref="ClusterUnreachableException"/> that names the cluster and what to check.
/// </summary>
/// <remarks>
/// Orleans' own default retries 15 times with a linearly growing pause (1.5 s, 3 s, ... 22.5 s): a command against a
/// cluster whose silos were all killed waited 181 s before it failed. An error that is not Orleans' (the clustering
/// storage refused the connection, say) is not retried here: the storage client has retried it already.
/// </remarks>
internal sealed class GatewayConnectionRetryFilter : IClientConnectionRetryFilter
{
    private static readonly TimeSpan FirstDelay = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(1);
    private readonly TributaryClientOptions _options;
    private readonly ClusterOptions _cluster;
    private readonly TimeProvider _time;
    private readonly long _started;
    private int _failures;

    /// <summary>Creates the filter; the connect timeout runs from now (Orleans makes it when the client starts).</summary>
    /// <param name="options">The connect timeout.</param>
    /// <param name="cluster">The cluster the client looks for, named in the error.</param>
    public GatewayConnectionRetryFilter(IOptions<TributaryClientOptions> options, IOptions<ClusterOptions> cluster)
        : this(options.Value, cluster.Value, TimeProvider.System)
    {
    }

    /// <summary>Creates the filter on a given clock (tests).</summary>
    internal GatewayConnectionRetryFilter(TributaryClientOptions options, ClusterOptions cluster, TimeProvider time)
    {
        _options = options;
        _cluster = cluster;
        _time = time;
        _started = time.GetTimestamp();
    }

    /// <summary>
    /// The first connection error seen, named in the error of a start that ran out of time. The first rather than the
    /// last: Orleans' later attempts on a refused endpoint only say "will retry after ... ms".
    /// </summary>
    public Exception? FirstError { get; private set; }

    /// <inheritdoc />
    public async Task<bool> ShouldRetryConnectionAttempt(Exception exception, CancellationToken cancellationToken)
    {
        FirstError ??= exception;
        if (exception is not (OrleansException or TimeoutException))
        {
            throw MembershipUnreadable(_cluster, exception);
        }

        var remaining = _options.ConnectTimeout - _time.GetElapsedTime(_started);
        if (remaining <= TimeSpan.Zero)
        {
            throw NoGateway(_cluster, _options.ConnectTimeout, FirstError);
        }

        _failures++;
        var delay = TimeSpan.FromTicks(Math.Min(MaxDelay.Ticks, FirstDelay.Ticks << Math.Min(_failures - 1, 16)));
        await Task.Delay(delay < remaining ? delay : remaining, _time, cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>The error for a cluster none of whose gateways was listed or answered within <paramref name="timeout"/>.</summary>
    /// <param name="cluster">The cluster looked for.</param>
    /// <param name="timeout">The connect timeout.</param>
    /// <param name="error">The connection error to name, if any.</param>
    public static ClusterUnreachableException NoGateway(ClusterOptions cluster, TimeSpan timeout, Exception? error)
    {
        var what = error is SiloUnavailableException
            ? "lists no live gateway"
            : "has no gateway that answered";
        var last = error is null ? string.Empty : $" ({InnermostMessage(error)})";
        return new ClusterUnreachableException(
            cluster.ClusterId,
            $"Tributary cluster '{cluster.ClusterId}' (service '{cluster.ServiceId}') {what} within {timeout.TotalSeconds:0.#} s{last}. "
            + "Check that its silos are running, that their gateway ports are reachable from here, and that this client uses "
            + "the silos' cluster id, service id and clustering storage (and, for a cluster on TLS, a certificate in "
            + "Tributary:Client:Tls that the silos trust and that trusts theirs).",
            error);
    }

    /// <summary>The error for a cluster whose membership could not be read from its clustering storage.</summary>
    /// <param name="cluster">The cluster looked for.</param>
    /// <param name="error">The storage error.</param>
    public static ClusterUnreachableException MembershipUnreadable(ClusterOptions cluster, Exception error) => new(
        cluster.ClusterId,
        $"The membership of Tributary cluster '{cluster.ClusterId}' could not be read from its clustering storage: {InnermostMessage(error)}. "
        + "Check the connection string and that the storage is running and reachable from here.",
        error);

    /// <summary>
    /// The message that says what failed: the innermost one along the first inner exceptions, except a bare socket
    /// error, whose wrapper names the endpoint ("Connection refused (127.0.0.1:10002)" rather than "Connection refused").
    /// </summary>
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
