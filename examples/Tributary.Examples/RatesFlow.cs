using Tributary.Caching;
using Tributary.Flows;

namespace Tributary.Examples;

/// <summary>
/// fetch-rates → price. <c>fetch-rates</c> is slow (it stands for a call to a rates service) and its answer holds for a
/// while, so it caches for 10 minutes, per currency: <see cref="CacheValidator.PartialParametersOnly"/> on
/// <c>currency</c> makes a run with another currency compute its own entry, while another <c>amount</c> reuses it. A second run within the 10 minutes ends <c>fetch-rates</c> Cached without
/// running its code, on any silo of the cluster, even after a restart.
/// </summary>
public sealed class RatesFlow : IFlowProvider
{
    /// <summary>The flow's name.</summary>
    public const string Name = "rates";

    /// <inheritdoc />
    public FlowDefinition Define()
    {
        var flow = new FlowBuilder(Name);
        var currency = flow.Parameter("currency", defaultValue: "EUR");
        var amount = flow.Parameter("amount", defaultValue: 100m);

        var rates = flow.Task(
            "fetch-rates",
            async (string currency, CancellationToken cancellationToken) =>
            {
                await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken); // the slow service
                return new ExchangeRate(currency, currency == "EUR" ? 0.92m : 1.27m);
            },
            currency,
            new TaskOptions
            {
                CacheFor = TimeSpan.FromMinutes(10),
                CacheValidator = CacheValidator.PartialParametersOnly("currency"),
                CacheVersion = "1",
            });

        flow.Task("price", (ExchangeRate rate, decimal amount) => $"{amount} USD = {amount * rate.PerDollar} {rate.Currency}", rates, amount);
        return flow.Build();
    }
}
