namespace Tributary.Examples;

/// <summary>An order, as the ETL example extracts it.</summary>
/// <param name="Id">The order number.</param>
/// <param name="Customer">Who placed it.</param>
/// <param name="Amount">What it cost.</param>
public sealed record Order(int Id, string Customer, decimal Amount);
