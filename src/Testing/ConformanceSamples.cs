namespace Tributary.Testing;

/// <summary>User-like types the conformance suite round-trips through a handler.</summary>
public static class ConformanceSamples
{
    /// <summary>An order: a record holding a list.</summary>
    /// <param name="Id">The order's id.</param>
    /// <param name="Amount">A decimal amount.</param>
    /// <param name="Lines">The order's lines.</param>
    public sealed record Order(string Id, decimal Amount, IReadOnlyList<string> Lines)
    {
        /// <summary>Compares the lines by content (a record compares a list by reference).</summary>
        /// <param name="other">The other order.</param>
        public bool Equals(Order? other) =>
            other is not null && Id == other.Id && Amount == other.Amount && Lines.SequenceEqual(other.Lines);

        /// <inheritdoc />
        public override int GetHashCode() => HashCode.Combine(Id, Amount, Lines.Count);
    }

    /// <summary>A small record.</summary>
    /// <param name="X">The first coordinate.</param>
    /// <param name="Y">The second coordinate.</param>
    public sealed record Point(int X, int Y);

    /// <summary>Nests a type, so that a handler's serializer sees a nested type name.</summary>
    public sealed class Outer
    {
        /// <summary>A nested record.</summary>
        /// <param name="Name">A name.</param>
        public sealed record Inner(string Name);
    }

    /// <summary>An order with two lines.</summary>
    /// <param name="id">The order's id.</param>
    public static Order SampleOrder(string id = "o-1") => new(id, 12.5m, ["apples", "pears"]);
}
