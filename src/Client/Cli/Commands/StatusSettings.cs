using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using Tributary.States;

namespace Tributary.Cli.Commands;

/// <summary>The options of <c>status</c>.</summary>
public sealed class StatusSettings : ClusterSettings
{
    /// <summary>The run's id.</summary>
    [CommandArgument(0, "<RUN>")]
    [Description("The flow run's id.")]
    public string RunId { get; init; } = string.Empty;

    /// <summary>The page of the task table to show, from 1.</summary>
    [CommandOption("--page <N>")]
    [Description("The page of the task table to show, from 1. Default 1.")]
    [DefaultValue(1)]
    public int Page { get; init; } = 1;

    /// <summary>How many tasks a page shows.</summary>
    [CommandOption("--page-size <M>")]
    [Description("How many tasks a page shows (1 to 500). Default 50.")]
    [DefaultValue(50)]
    public int PageSize { get; init; } = 50;

    /// <inheritdoc />
    public override ValidationResult Validate() =>
        Page < 1 ? ValidationResult.Error($"--page must be 1 or more (the first page is 1); it was {Page}.")
        : PageSize is < 1 or > TaskPageLimits.MaxLimit ? ValidationResult.Error($"--page-size must be from 1 to {TaskPageLimits.MaxLimit}; it was {PageSize}.")
        : ValidationResult.Success();
}
