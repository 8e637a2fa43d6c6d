using Spectre.Console;
using Spectre.Console.Cli;
using Tributary.Cli;
using Tributary.Cli.Commands;

var app = new CommandApp();
app.Configure(config =>
{
    config.SetApplicationName("tributary");
    config.AddCommand<RunCommand>("run").WithDescription("Run a flow and show its tasks (embedded silo unless --cluster).")
        .WithExample("run", "etl", "--param", "rows=5");
    config.AddCommand<StatusCommand>("status").WithDescription("Show a flow run's tasks on a cluster.");
    config.AddCommand<ResumeCommand>("resume").WithDescription("Resume a failed flow run on a cluster: its failed tasks run again.")
        .WithExample("resume", "RUN_ID", "--cluster", "CONNECTION_STRING");
    config.AddCommand<ListCommand>("list").WithDescription("List flow runs on a cluster, newest first, by flow and status.")
        .WithExample("list", "--flow", "etl", "--status", "Failed", "--limit", "10");
    config.AddCommand<CancelCommand>("cancel").WithDescription("Cancel a flow run on a cluster: running attempts are cancelled, pending tasks never start.")
        .WithExample("cancel", "RUN_ID", "--cluster", "CONNECTION_STRING");
    config.AddCommand<ResultCommand>("result").WithDescription("Read a task's result through its handler.");
    config.AddCommand<ReencryptCommand>("reencrypt").WithDescription("Re-encrypt a run's encrypted results under the active key (Tributary:Encryption).")
        .WithExample("reencrypt", "RUN_ID", "--dry-run", "--cluster", "CONNECTION_STRING");
    config.AddBranch("cache", CacheCommands.Configure);
    config.AddBranch("results", ResultsCommands.Configure);
    config.SetHelpProvider(new ExitCodesHelpProvider(config.Settings));
    // One error: line, never a stack trace, and an exit code that says what kind of error it was (see CliExitCode).
    config.SetExceptionHandler((exception, _) => CliErrors.Report(exception));
});
return await app.RunAsync(args);
