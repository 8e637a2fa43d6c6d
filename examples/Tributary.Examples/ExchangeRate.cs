namespace Tributary.Examples;

/// <summary>What the rates example fetches: how much of a currency one US dollar buys.</summary>
/// <param name="Currency">The currency.</param>
/// <param name="PerDollar">Units of it per dollar.</param>
public sealed record ExchangeRate(string Currency, decimal PerDollar);
