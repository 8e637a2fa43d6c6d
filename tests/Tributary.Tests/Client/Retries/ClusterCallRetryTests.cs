using Microsoft.Extensions.Time.Testing;
using Orleans.Configuration;
using Orleans.Runtime;
using Tributary.Client;
using Tributary.Client.Retries;
using Tributary.Grains;

namespace Tributary.Tests.Client.Retries;

/// <summary>The SDK's retry of calls on transient cluster faults: what it tries again, how long, and what it says when it gives up.</summary>
public sealed class ClusterCallRetryTests
{
    private static readonly ClusterOptions Cluster = new() { ClusterId = "prod-eu", ServiceId = "orders" };

    [Fact]
    public async Task ExecuteAsync_SiloUnavailableThenAnswer_GivesTheAnswerOfTheSecondTry()
    {
        var retry = new ClusterCallRetry(TimeSpan.FromSeconds(30), Cluster, gateways: null, TimeProvider.System);
        var tries = 0;

        var answer = await retry.ExecuteAsync(
            "getting flow run 'r'",
            _ => ++tries == 1 ? Task.FromException<int>(new SiloUnavailableException("The target silo became unavailable.")) : Task.FromResult(7),
            CancellationToken.None);

        Assert.Equal((7, 2), (answer, tries));
    }

    public static TheoryData<Exception> Answers => new()
    {
        new ArgumentException("A parameter is missing.", "parameters"),
        new UnknownFlowException("etl", ["sums"]),
        new OrleansException("A serialization error."),
    };

    [Theory]
    [MemberData(nameof(Answers))]
    public async Task ExecuteAsync_TheGrainsAnswerIsAnError_ThrowsItAfterOneTry(Exception answer)
    {
        var retry = new ClusterCallRetry(TimeSpan.FromSeconds(30), Cluster, gateways: null, TimeProvider.System);
        var tries = 0;

        var thrown = await Assert.ThrowsAnyAsync<Exception>(() => retry.ExecuteAsync(
            "starting flow run 'r' of flow 'etl'",
            _ =>
            {
                tries++;
                return Task.FromException<int>(answer);
            },
            CancellationToken.None));

        Assert.Same(answer, thrown);
        Assert.Equal(1, tries);
    }

    // The point of the watch: a call in flight through a gateway that died gets neither an answer nor an error until
    // the response timeout; when the gateway connection drops, the try is given up and made again at once.
    [Fact]
    public async Task ExecuteAsync_GatewayConnectionDropsWhileATryIsInFlight_TriesAgainAtOnce()
    {
        var gateways = new GatewayConnectionWatch();
        var retry = new ClusterCallRetry(TimeSpan.FromSeconds(30), Cluster, gateways, TimeProvider.System);
        var lost = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously); // never answered
        var firstSent = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var tries = 0;

        var call = retry.ExecuteAsync(
            "getting flow run 'r'",
            _ =>
            {
                if (++tries == 1)
                {
                    firstSent.SetResult();
                    return lost.Task;
                }

                return Task.FromResult(7);
            },
            CancellationToken.None);
        await firstSent.Task.WaitAsync(TimeSpan.FromSeconds(30));
        gateways.NotifyGatewayCountChanged(currentNumberOfGateways: 1, previousNumberOfGateways: 2, connectionRecovered: false);

        Assert.Equal(7, await call.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal(2, tries);
        Assert.Equal(1, gateways.DroppedConnections);
    }

    [Fact]
    public async Task ExecuteAsync_GatewayConnectionOpens_LeavesTheTryInFlight()
    {
        var gateways = new GatewayConnectionWatch();
        var retry = new ClusterCallRetry(TimeSpan.FromSeconds(30), Cluster, gateways, TimeProvider.System);
        var answer = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var tries = 0;

        var call = retry.ExecuteAsync("getting flow run 'r'", _ => { tries++; return answer.Task; }, CancellationToken.None);
        gateways.NotifyGatewayCountChanged(currentNumberOfGateways: 2, previousNumberOfGateways: 1, connectionRecovered: false);
        answer.SetResult(7);

        Assert.Equal(7, await call.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal(1, tries);
    }

    [Fact]
    public async Task ExecuteAsync_FaultsOutlastRetryFor_ThrowsClusterUnreachableNamingTheCallAndTheCluster()
    {
        var time = new FakeTimeProvider();
        var retry = new ClusterCallRetry(TimeSpan.FromSeconds(5), Cluster, gateways: null, time);
        var tries = 0;

        var call = retry.ExecuteAsync(
            "getting flow run 'r'",
            _ =>
            {
                Interlocked.Increment(ref tries);
                return Task.FromException<int>(new SiloUnavailableException("No gateways available."));
            },
            CancellationToken.None);
        await AdvanceUntilDoneAsync(time, call);

        var error = await Assert.ThrowsAsync<ClusterUnreachableException>(() => call);
        Assert.Equal("prod-eu", error.ClusterId);
        Assert.StartsWith("Getting flow run 'r' could not reach Tributary cluster 'prod-eu' (service 'orders'; ", error.Message);
        Assert.Contains("Tributary:Client:RetryFor is 5 s): No gateways available. Check that its silos are running", error.Message);
        Assert.IsType<SiloUnavailableException>(error.InnerException);
        // Exponential back-off from 0.1 s up to 2 s: a handful of tries in 5 s, not a tight loop.
        Assert.InRange(tries, 3, 40);
    }

    [Fact]
    public async Task ExecuteAsync_LastTryNotAnsweredInTime_ThrowsTimeoutException()
    {
        var retry = new ClusterCallRetry(TimeSpan.Zero, Cluster, gateways: null, TimeProvider.System);

        var error = await Assert.ThrowsAsync<TimeoutException>(() => retry.ExecuteAsync(
            "listing flow runs",
            _ => Task.FromException<int>(new TimeoutException("Response did not arrive on time in 00:00:10.")),
            CancellationToken.None));

        Assert.StartsWith("Listing flow runs was not answered by Tributary cluster 'prod-eu' (1 try in ", error.Message);
    }

    [Fact]
    public async Task ExecuteAsync_CallerCancels_ThrowsOperationCanceled()
    {
        var retry = new ClusterCallRetry(TimeSpan.FromSeconds(30), Cluster, gateways: new GatewayConnectionWatch(), TimeProvider.System);
        using var cancel = new CancellationTokenSource();
        var never = new TaskCompletionSource<int>();

        var call = retry.ExecuteAsync("getting flow run 'r'", _ => never.Task, cancel.Token);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
    }

    /// <summary>Moves the fake clock in small steps until <paramref name="call"/> is done, giving the retry a moment after each.</summary>
    internal static async Task AdvanceUntilDoneAsync(FakeTimeProvider time, Task call)
    {
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (!call.IsCompleted)
        {
            patience.Token.ThrowIfCancellationRequested();
            await Task.WhenAny(call, Task.Delay(TimeSpan.FromMilliseconds(2), CancellationToken.None));
            time.Advance(TimeSpan.FromMilliseconds(50));
        }
    }
}
