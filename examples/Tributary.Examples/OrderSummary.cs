namespace Tributary.Examples;

/// <summary>What the ETL example's transform computes from the orders.</summary>
/// <param name="Count">How many orders.</param>
/// <param name="Total">Their total amount.</param>
/// <param name="LargestCustomer">The customer with the largest order.</param>
public sealed record OrderSummary(int Count, decimal Total, string LargestCustomer);
