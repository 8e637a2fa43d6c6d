using Tributary.Flows;
using Tributary.Handlers;

namespace Tributary.Examples;

/// <summary>
/// extract → transform → load. <c>rows</c> is a parameter (JSON handler, always); <c>extract</c> writes its orders to
/// a local file; <c>transform</c> fails on its first attempt and succeeds on the retry (its input is cached through
/// extract's local handler meanwhile); <c>load</c> uses the JSON handler, so its small summary line is the safe value.
/// </summary>
public sealed class EtlFlow : IFlowProvider
{
    /// <summary>The flow's name.</summary>
    public const string Name = "etl";

    /// <inheritdoc />
    public FlowDefinition Define()
    {
        var flow = new FlowBuilder(Name);
        var rows = flow.Parameter("rows", defaultValue: 5);

        var extract = flow.Task(
            "extract",
            (int rows) => Enumerable.Range(1, rows).Select(i => new Order(i, $"customer-{i % 3}", 10m * i + 0.5m)).ToArray(),
            rows,
            new TaskOptions { ResultHandler = ResultHandlers.Local(), Checkpoint = true });

        var transform = flow.Task(
            "transform",
            (Order[] orders, TaskRunContext context) =>
            {
                if (context.Attempt == 1)
                {
                    throw new InvalidOperationException("Simulated transient failure (the warehouse was busy); the retry succeeds.");
                }

                var largest = orders.MaxBy(o => o.Amount);
                return new OrderSummary(orders.Length, orders.Sum(o => o.Amount), largest?.Customer ?? "none");
            },
            extract,
            new TaskOptions { MaxRetries = 2, RetryDelay = TimeSpan.FromMilliseconds(200) });

        flow.Task(
            "load",
            (OrderSummary summary) => $"Loaded {summary.Count} orders worth {summary.Total} (largest from {summary.LargestCustomer}).",
            transform,
            new TaskOptions { ResultHandler = ResultHandlers.Json, Checkpoint = true });

        return flow.Build();
    }
}
