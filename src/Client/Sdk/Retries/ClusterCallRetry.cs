using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Polly;
using Polly.Retry;
using Tributary.Options;

namespace Tributary.Client.Retries;

/// <summary>
/// Makes a call to the cluster that can be made twice, trying it again on transient faults
/// (<see cref="TransientClusterFaults"/>) with Polly's exponential back-off with jitter until
/// <see cref="TributaryClientOptions.RetryFor"/> has passed since the first try; each new try goes out as a new message,
/// which Orleans sends through a live gateway. A try in flight when a gateway connection drops is given up at once
/// (<see cref="GatewayConnectionWatch"/>). When the tries run out, the caller gets one error that names the cluster and
/// the call: a <see cref="ClusterUnreachableException"/>, or a <see cref="TimeoutException"/> if the last try was not
/// answered in time. Other errors (the grain's answer) pass through at once, unchanged.
/// </summary>
internal sealed class ClusterCallRetry
{
    /// <summary>The first pause between tries; it doubles (with jitter) up to <see cref="MaxDelay"/>.</summary>
    internal static readonly TimeSpan FirstDelay = TimeSpan.FromMilliseconds(100);

    /// <summary>The longest pause between tries.</summary>
    internal static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(2);

    private static readonly ResiliencePropertyKey<long> StartedAt = new("tributary.client-retry.started-at");
    private readonly ResiliencePipeline _pipeline;
    private readonly TimeSpan _retryFor;
    private readonly ClusterOptions _cluster;
    private readonly GatewayConnectionWatch? _gateways;
    private readonly TimeProvider _time;

    /// <summary>Creates the retry.</summary>
    /// <param name="retryFor">How long to keep trying; <see cref="TimeSpan.Zero"/> for one try only.</param>
    /// <param name="cluster">The cluster, named in the error when the tries run out.</param>
    /// <param name="gateways">Signals dropped gateway connections; <see langword="null"/> when the client has none to watch (a silo's own).</param>
    /// <param name="time">The clock for the pauses and the budget.</param>
    public ClusterCallRetry(TimeSpan retryFor, ClusterOptions cluster, GatewayConnectionWatch? gateways, TimeProvider time)
    {
        _retryFor = retryFor;
        _cluster = cluster;
        _gateways = gateways;
        _time = time;
        _pipeline = retryFor <= TimeSpan.Zero
            ? ResiliencePipeline.Empty
            : new ResiliencePipelineBuilder { TimeProvider = time }
                .AddRetry(new RetryStrategyOptions
                {
                    ShouldHandle = args => ValueTask.FromResult(
                        args.Outcome.Exception is { } fault
                        && TransientClusterFaults.IsTransient(fault)
                        && time.GetElapsedTime(args.Context.Properties.GetValue(StartedAt, time.GetTimestamp())) < retryFor),
                    MaxRetryAttempts = int.MaxValue,
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    Delay = FirstDelay,
                    MaxDelay = MaxDelay,
                })
                .Build();
    }

    /// <summary>The watch on the client's gateway connections, if it has one (tests read how many dropped).</summary>
    internal GatewayConnectionWatch? Gateways => _gateways;

    /// <summary>
    /// The retry for a cluster client, from its services: <see cref="TributaryClientOptions"/> (defaults when not
    /// registered), its <see cref="ClusterOptions"/> and the <see cref="GatewayConnectionWatch"/> that
    /// <c>AddTributaryClient</c> registers.
    /// </summary>
    /// <param name="cluster">The cluster client.</param>
    /// <param name="time">The clock for the pauses and the budget.</param>
    public static ClusterCallRetry For(IClusterClient cluster, TimeProvider time)
    {
        var services = cluster.ServiceProvider;
        var options = services.GetService<IOptions<TributaryClientOptions>>()?.Value ?? new TributaryClientOptions();
        var clusterOptions = services.GetService<IOptions<ClusterOptions>>()?.Value ?? new ClusterOptions();
        return new ClusterCallRetry(options.RetryFor, clusterOptions, services.GetService<GatewayConnectionWatch>(), time);
    }

    /// <summary>Makes <paramref name="call"/>, trying it again on transient faults.</summary>
    /// <typeparam name="T">What the call gives.</typeparam>
    /// <param name="operation">What the call does, for the error (e.g. <c>getting flow run 'x'</c>).</param>
    /// <param name="call">One try; it gets a token that cancels that try (the caller's, or a dropped gateway connection).</param>
    /// <param name="cancellationToken">Cancels the call and its retries.</param>
    /// <exception cref="ClusterUnreachableException">The tries ran out; the last failed to get through.</exception>
    /// <exception cref="TimeoutException">The tries ran out; the last was not answered in time.</exception>
    public async Task<T> ExecuteAsync<T>(string operation, Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        var started = _time.GetTimestamp();
        var context = ResilienceContextPool.Shared.Get(continueOnCapturedContext: false, cancellationToken);
        context.Properties.Set(StartedAt, started);
        var tries = new Tries<T>(this, operation, call);
        try
        {
            return await _pipeline.ExecuteAsync(
                static (ctx, state) => new ValueTask<T>(state.NextAsync(ctx.CancellationToken)),
                context,
                tries).ConfigureAwait(false);
        }
        catch (Exception fault) when (TransientClusterFaults.IsTransient(fault))
        {
            throw GaveUp(operation, fault, tries.Count, _time.GetElapsedTime(started));
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    /// <summary>The error for a call whose tries ran out.</summary>
    private Exception GaveUp(string operation, Exception last, int tries, TimeSpan elapsed)
    {
        var what = char.ToUpperInvariant(operation[0]) + operation[1..];
        var how = $"{tries} {(tries == 1 ? "try" : "tries")} in {elapsed.TotalSeconds:0.#} s; Tributary:Client:RetryFor is {_retryFor.TotalSeconds:0.#} s";
        if (last is TimeoutException)
        {
            return new TimeoutException(
                $"{what} was not answered by Tributary cluster '{_cluster.ClusterId}' ({how}): {InnermostMessage(last)}.", last);
        }

        return new ClusterUnreachableException(
            _cluster.ClusterId,
            $"{what} could not reach Tributary cluster '{_cluster.ClusterId}' (service '{_cluster.ServiceId}'; {how}): {InnermostMessage(last)}. "
            + "Check that its silos are running and that their gateway ports are reachable from here.",
            last);
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

    /// <summary>The tries of one call: counts them, and gives up one in flight when a gateway connection drops.</summary>
    private sealed class Tries<T>(ClusterCallRetry retry, string operation, Func<CancellationToken, Task<T>> call)
    {
        public int Count { get; private set; }

        public async Task<T> NextAsync(CancellationToken cancellationToken)
        {
            Count++;
            // Taken before the call goes out: a connection that drops from now on may carry it.
            var dropped = retry._gateways?.ConnectionDropped ?? CancellationToken.None;
            if (!dropped.CanBeCanceled)
            {
                return await call(cancellationToken).ConfigureAwait(false);
            }

            using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, dropped);
            try
            {
                // WaitAsync gives the try up even where the grain call itself takes no token.
                return await call(attempt.Token).WaitAsync(attempt.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (dropped.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                throw new GatewayConnectionDroppedException(operation);
            }
        }
    }
}
