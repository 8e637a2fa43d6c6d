namespace Tributary.States;

/// <summary>
/// Where a collection of a stored state too large for its own record was put instead: <see cref="Pages"/> records of
/// their own, written under generation <see cref="Generation"/> (see <c>Tributary.Storage.SpillStore</c>). Each record stays
/// within <c>SpillStore.PageBudget</c> bytes, so no stored record grows with the number of tasks or inputs.
/// </summary>
/// <param name="Generation">Which write of the collection the pages belong to (from 1); a newer write uses the next.</param>
/// <param name="Pages">How many page records hold the collection.</param>
[GenerateSerializer, Immutable, Alias("tributary.spill-reference")]
public sealed record SpillReference([property: Id(0)] int Generation, [property: Id(1)] int Pages);
