namespace Tributary.Tests.Infrastructure;

/// <summary>
/// An outgoing grain call filter that counts, per calling grain, how many calls of one method are in flight at once (from
/// the call's start to its response).
/// </summary>
/// <param name="methodName">The grain interface method to count, e.g. <c>GetOutputAsync</c>.</param>
/// <param name="callerKeySuffix">Counts only calls made by grains whose key ends with this (e.g. <c>/total</c>).</param>
public sealed class InFlightCallCounter(string methodName, string callerKeySuffix) : IOutgoingGrainCallFilter
{
    /// <summary>The calls in flight.</summary>
    public InFlightCounter Calls { get; } = new();

    /// <inheritdoc />
    public async Task Invoke(IOutgoingGrainCallContext context)
    {
        if (context.MethodName != methodName
            || context.SourceId is not { } source
            || !source.Key.ToString().EndsWith(callerKeySuffix, StringComparison.Ordinal))
        {
            await context.Invoke();
            return;
        }

        using var inFlight = Calls.Enter();
        await context.Invoke();
    }
}
