using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Tributary.Cli.Commands;

/// <summary>The options of <c>cancel</c>.</summary>
public sealed class CancelSettings : ClusterSettings
{
    /// <summary>The run's id.</summary>
    [CommandArgument(0, "<RUN>")]
    [Description("The id of the flow run to cancel.")]
    public string RunId { get; init; } = string.Empty;

    /// <summary>Why, recorded in the run's and its cancelled tasks' messages.</summary>
    [CommandOption("--reason <TEXT>")]
    [Description("Why the run is cancelled; recorded in its messages.")]
    public string? Reason { get; init; }

    /// <summary>How long to wait for running attempts to wind down, in seconds.</summary>
    [CommandOption("--timeout <SECONDS>")]
    [Description("How long to wait for the run to end Cancelled (running attempts winding down). Default 60.")]
    [DefaultValue(60)]
    public int TimeoutSeconds { get; init; } = 60;

    /// <inheritdoc />
    public override ValidationResult Validate() =>
        TimeoutSeconds > 0 ? ValidationResult.Success() : ValidationResult.Error("--timeout must be positive.");
}
