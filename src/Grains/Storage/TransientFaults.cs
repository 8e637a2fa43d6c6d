using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;

namespace Tributary.Storage;

/// <summary>Tells a storage fault that may pass (worth retrying) from one that will not.</summary>
internal static class TransientFaults
{
    private static readonly ConcurrentDictionary<Type, PropertyInfo?> StatusProperties = new();

    /// <summary>
    /// Whether <paramref name="exception"/> may pass: anything but a contract, serialization or argument error, a
    /// missing location, an error Tributary raises on purpose (a state conflict, an output that is not there), a cancellation, or an HTTP-style status in 4xx other than 408 and 429 (as
    /// the Azure SDK's <c>RequestFailedException.Status</c> gives, read by name so the engine needs no cloud SDK).
    /// </summary>
    public static bool IsTransient(Exception exception) => exception switch
    {
        TributaryException => false, // raised on purpose, saying what is wrong: a conflict, a missing output, a bad input
        ArgumentException or JsonException or NotSupportedException or InvalidCastException => false,
        OperationCanceledException => false,
        _ => !HasPermanentStatus(exception),
    };

    private static bool HasPermanentStatus(Exception exception)
    {
        var property = StatusProperties.GetOrAdd(
            exception.GetType(),
            static type => type.GetProperty("Status", BindingFlags.Public | BindingFlags.Instance) is { PropertyType: var t } p && t == typeof(int) ? p : null);
        return property?.GetValue(exception) is int status && status is >= 400 and < 500 and not 408 and not 429;
    }
}
