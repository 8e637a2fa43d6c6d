using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Tributary.Cli.Commands;

/// <summary>The options of <c>resume</c>.</summary>
public sealed class ResumeSettings : ClusterSettings
{
    /// <summary>The run's id.</summary>
    [CommandArgument(0, "<RUN>")]
    [Description("The id of the failed flow run to resume.")]
    public string RunId { get; init; } = string.Empty;

    /// <summary>How long to wait for the run, in seconds.</summary>
    [CommandOption("--timeout <SECONDS>")]
    [Description("How long to wait for the resumed run to finish. Default 300.")]
    [DefaultValue(300)]
    public int TimeoutSeconds { get; init; } = 300;

    /// <inheritdoc />
    public override ValidationResult Validate() =>
        TimeoutSeconds > 0 ? ValidationResult.Success() : ValidationResult.Error("--timeout must be positive.");
}
