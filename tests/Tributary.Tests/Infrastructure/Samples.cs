namespace Tributary.Tests.Infrastructure;

/// <summary>User-like types that results are made of.</summary>
public static class Samples
{
    /// <summary>A user record.</summary>
    public sealed record Order(string Id, decimal Amount, IReadOnlyList<string> Lines)
    {
        // Records compare lists by reference; compare them by content.
        public bool Equals(Order? other) =>
            other is not null && Id == other.Id && Amount == other.Amount && Lines.SequenceEqual(other.Lines);

        public override int GetHashCode() => HashCode.Combine(Id, Amount, Lines.Count);
    }

    /// <summary>A small user record.</summary>
    public sealed record Point(int X, int Y);

    /// <summary>Nests types, for type-name tests.</summary>
    public sealed class Outer
    {
        /// <summary>A nested type.</summary>
        public sealed record Inner(string Name);

        /// <summary>A nested generic type.</summary>
        public sealed record Box<T>(T Content);
    }

    /// <summary>An order to use in tests.</summary>
    public static Order SampleOrder(string id = "o-1") => new(id, 12.5m, ["apples", "pears"]);
}
