using Spectre.Console.Cli;

namespace Tributary.Cli.Commands;

/// <summary>The <c>results</c> branch of the command line: <c>results delete</c> (retention).</summary>
internal static class ResultsCommands
{
    public static void Configure(IConfigurator<CommandSettings> results)
    {
        results.SetDescription("Retention: see and delete the results runs stored through their handlers.");
        results.AddCommand<ResultsDeleteCommand>("delete")
            .WithDescription(
                "Delete the stored results of one run, or of runs ended more than N days ago, through their handlers (--dry-run first). "
                + "Exit 0 when all is deleted, 2 for a running run or bad options, 3 for an unknown run, 6 when a deletion failed (the run is kept).")
            .WithExample("results", "delete", "--older-than", "30", "--dry-run", "--cluster", "CONNECTION_STRING")
            .WithExample("results", "delete", "RUN_ID", "--delete-runs", "--cluster", "CONNECTION_STRING");
    }
}
