using Spectre.Console;
using Spectre.Console.Cli;
using Tributary;
using Tributary.Cli.Commands;

var app = new CommandApp();
app.Configure(config =>
{
    config.SetApplicationName("tributary");
    config.AddCommand<RunCommand>("run").WithDescription("Run a flow and show its tasks (embedded silo unless --cluster).")
        .WithExample("run", "etl", "--param", "rows=5");
    config.AddCommand<StatusCommand>("status").WithDescription("Show a flow run's tasks on a cluster.");
    config.AddCommand<ResultCommand>("result").WithDescription("Read a task's result through its handler.");
    config.SetExceptionHandler((exception, _) =>
    {
        // Tributary's own errors say what is wrong and where: show the message, not a stack trace.
        var error = exception is TributaryException or ArgumentException or TimeoutException ? exception : exception.GetBaseException();
        AnsiConsole.MarkupLineInterpolated($"[red]error:[/] {error.Message}");
        return 2;
    });
});
return await app.RunAsync(args);
