using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Tributary.Cli.Commands;

/// <summary>The options of <c>results delete</c>.</summary>
public sealed class ResultsDeleteSettings : ClusterSettings
{
    /// <summary>The one run whose results to delete.</summary>
    [CommandArgument(0, "[RUN_ID]")]
    [Description("The run whose results to delete (or use --older-than).")]
    public string? RunId { get; init; }

    /// <summary>Select the runs that ended more than this many days ago.</summary>
    [CommandOption("--older-than <DAYS>")]
    [Description("Instead of RUN_ID: every run that ended more than DAYS days ago (0 for every ended run). Running runs are never touched.")]
    public double? OlderThanDays { get; init; }

    /// <summary>With <see cref="OlderThanDays"/>: only runs of this flow.</summary>
    [CommandOption("--flow <FLOW>")]
    [Description("With --older-than: only runs of this flow.")]
    public string? Flow { get; init; }

    /// <summary>Show what would be deleted, and delete nothing.</summary>
    [CommandOption("--dry-run")]
    [Description("Show every result that would be deleted (run, task, location, handler) and delete nothing.")]
    public bool DryRun { get; init; }

    /// <summary>Also delete each run whose results are all gone.</summary>
    [CommandOption("--delete-runs")]
    [Description("Also delete each run whose results are all gone (its state and its entry in 'list'). A run with a result left is kept.")]
    public bool DeleteRuns { get; init; }

    /// <inheritdoc />
    public override ValidationResult Validate() => (RunId, OlderThanDays) switch
    {
        (null, null) => ValidationResult.Error("Give a RUN_ID or --older-than DAYS."),
        (not null, not null) => ValidationResult.Error("Give a RUN_ID or --older-than DAYS, not both."),
        (null, < 0) => ValidationResult.Error("--older-than must be 0 or more days."),
        (not null, _) when Flow is not null => ValidationResult.Error("--flow goes with --older-than, not with a RUN_ID."),
        _ => ValidationResult.Success(),
    };
}
