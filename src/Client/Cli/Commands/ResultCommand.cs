using System.Text.Json;
using Spectre.Console;
using Spectre.Console.Cli;
using Tributary.Client;

namespace Tributary.Cli.Commands;

/// <summary><c>result RUN TASK</c>: reads a task's output through its handler and prints it as JSON.</summary>
public sealed class ResultCommand : AsyncCommand<ResultSettings>
{
    /// <inheritdoc />
    public override async Task<int> ExecuteAsync(CommandContext context, ResultSettings settings, CancellationToken cancellationToken)
    {
        await using var client = await TributaryClientFactory.ConnectAsync(settings.BuildConfiguration(), cancellationToken);
        var result = await client.ReadTaskResultAsync(settings.RunId, settings.Task, cancellationToken);
        var safe = result.SafeValue.Value;
        AnsiConsole.MarkupLineInterpolated($"[grey]safe value: {safe}[/]");
        Console.WriteLine(JsonSerializer.Serialize(result.Value, result.ValueType, new JsonSerializerOptions { WriteIndented = true }));
        return 0;
    }
}
