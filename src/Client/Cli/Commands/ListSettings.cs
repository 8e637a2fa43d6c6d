using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using Tributary.States;

namespace Tributary.Cli.Commands;

/// <summary>The options of <c>list</c>.</summary>
public sealed class ListSettings : ClusterSettings
{
    /// <summary>Only runs of this flow.</summary>
    [CommandOption("--flow <FLOW>")]
    [Description("Only runs of this flow.")]
    public string? Flow { get; init; }

    /// <summary>Only runs in this status.</summary>
    [CommandOption("--status <STATUS>")]
    [Description("Only runs in this status: Running, Success, Failed or Cancelled.")]
    public FlowRunStatus? Status { get; init; }

    /// <summary>How many runs to show.</summary>
    [CommandOption("--limit <N>")]
    [Description("How many runs to show (1 to 1000). Default 20.")]
    [DefaultValue(20)]
    public int Limit { get; init; } = 20;

    /// <summary>The page to show: the token the previous page printed.</summary>
    [CommandOption("--page <TOKEN>")]
    [Description("The next page's token, as the previous page printed it.")]
    public string? Page { get; init; }

    /// <inheritdoc />
    public override ValidationResult Validate() =>
        Limit is >= 1 and <= 1000 ? ValidationResult.Success() : ValidationResult.Error("--limit must be from 1 to 1000.");
}
