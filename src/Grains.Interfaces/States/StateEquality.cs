using System.Collections.Immutable;

namespace Tributary.States;

/// <summary>
/// Value equality for the collections inside persisted states, so that a state equals its own round trip through
/// storage (records compare dictionaries and arrays by reference otherwise). A state's writer relies on it to tell
/// "my write went through" from "someone else wrote" after a write whose outcome it did not see.
/// </summary>
internal static class StateEquality
{
    /// <summary>Same keys with equal values (the comparers of both dictionaries are assumed to agree).</summary>
    public static bool DictionariesEqual<TKey, TValue>(ImmutableDictionary<TKey, TValue>? left, ImmutableDictionary<TKey, TValue>? right)
        where TKey : notnull
    {
        if (ReferenceEquals(left, right))
        {
            return true;
        }

        if (left is null || right is null || left.Count != right.Count)
        {
            return false;
        }

        var values = EqualityComparer<TValue>.Default;
        foreach (var (key, value) in left)
        {
            if (!right.TryGetValue(key, out var other) || !values.Equals(value, other))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Same items in the same order; a default array equals an empty one.</summary>
    public static bool ArraysEqual<T>(ImmutableArray<T> left, ImmutableArray<T> right) =>
        (left.IsDefaultOrEmpty && right.IsDefaultOrEmpty)
        || (!left.IsDefault && !right.IsDefault && left.AsSpan().SequenceEqual(right.AsSpan()));
}
