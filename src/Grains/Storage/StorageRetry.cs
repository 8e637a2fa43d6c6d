using System.Runtime.ExceptionServices;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;
using Tributary.Options;

namespace Tributary.Storage;

/// <summary>
/// Runs a storage operation (a state write, a checkpoint, an input copy) with Polly's retry strategy as
/// <see cref="StorageRetryOptions"/> configure it: exponential back-off with jitter, for transient faults only, until
/// <see cref="StorageRetryOptions.MaxDuration"/> has passed since the first try. The last fault is what the caller sees.
/// </summary>
internal sealed class StorageRetry
{
    private static readonly ResiliencePropertyKey<long> StartedAt = new("tributary.storage-retry.started-at");
    private readonly ResiliencePipeline _pipeline;
    private readonly TimeProvider _time;

    /// <summary>Builds the pipeline from the engine's options.</summary>
    public StorageRetry(IOptions<TributaryOptions> options, TimeProvider time)
        : this(options.Value.StorageRetry, time)
    {
    }

    /// <summary>Builds the pipeline.</summary>
    public StorageRetry(StorageRetryOptions options, TimeProvider time)
    {
        _time = time;
        var maxDuration = options.MaxDuration;
        if (maxDuration <= TimeSpan.Zero)
        {
            _pipeline = ResiliencePipeline.Empty;
            return;
        }

        _pipeline = new ResiliencePipelineBuilder { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = args => ValueTask.FromResult(
                    args.Outcome.Exception is { } fault
                    && TransientFaults.IsTransient(fault)
                    && time.GetElapsedTime(args.Context.Properties.GetValue(StartedAt, time.GetTimestamp())) < maxDuration),
                MaxRetryAttempts = int.MaxValue,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.FirstDelay,
                MaxDelay = options.MaxDelay,
            })
            .Build();
    }

    /// <summary>Runs <paramref name="operation"/>, retrying transient faults.</summary>
    /// <param name="operation">The operation; it gets a token that <paramref name="cancellationToken"/> cancels.</param>
    /// <param name="cancellationToken">Stops the retries.</param>
    public async Task ExecuteAsync(Func<CancellationToken, Task> operation, CancellationToken cancellationToken = default)
    {
        // The first try runs outside the pipeline: almost every call succeeds at once, and this is on every task's path.
        var started = _time.GetTimestamp();
        ExceptionDispatchInfo firstFault;
        try
        {
            await operation(cancellationToken);
            return;
        }
        catch (Exception fault) when (_pipeline != ResiliencePipeline.Empty && TransientFaults.IsTransient(fault))
        {
            firstFault = ExceptionDispatchInfo.Capture(fault);
        }

        await RetryAsync(operation, firstFault, started, cancellationToken);
    }

    /// <summary>Runs <paramref name="operation"/>, retrying transient faults, and gives its result.</summary>
    public async Task<T> ExecuteAsync<T>(Func<CancellationToken, Task<T>> operation, CancellationToken cancellationToken = default)
    {
        var started = _time.GetTimestamp();
        ExceptionDispatchInfo firstFault;
        try
        {
            return await operation(cancellationToken);
        }
        catch (Exception fault) when (_pipeline != ResiliencePipeline.Empty && TransientFaults.IsTransient(fault))
        {
            firstFault = ExceptionDispatchInfo.Capture(fault);
        }

        T result = default!;
        await RetryAsync(async token => { result = await operation(token); }, firstFault, started, cancellationToken);
        return result;
    }

    private async Task RetryAsync(Func<CancellationToken, Task> operation, ExceptionDispatchInfo firstFault, long started, CancellationToken cancellationToken)
    {
        // The pipeline's first try gives back the first fault, so that its back-off starts as if it had made that try.
        // Continue on the captured context: grain code calls this, and must resume on its activation's scheduler.
        var context = ResilienceContextPool.Shared.Get(continueOnCapturedContext: true, cancellationToken);
        context.Properties.Set(StartedAt, started);
        try
        {
            var tries = new Tries(operation, firstFault);
            await _pipeline.ExecuteAsync(
                static async (ctx, state) => await state.NextAsync(ctx.CancellationToken).ConfigureAwait(ctx.ContinueOnCapturedContext),
                context,
                tries);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    /// <summary>The tries of one operation inside the pipeline: the first replays the fault of the try made outside it.</summary>
    private sealed class Tries(Func<CancellationToken, Task> operation, ExceptionDispatchInfo? firstFault)
    {
        public Task NextAsync(CancellationToken cancellationToken)
        {
            if (firstFault is { } fault)
            {
                firstFault = null;
                fault.Throw();
            }

            return operation(cancellationToken);
        }
    }
}
