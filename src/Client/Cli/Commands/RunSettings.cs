using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Tributary.Cli.Commands;

/// <summary>The options of <c>run</c>.</summary>
public sealed class RunSettings : ClusterSettings
{
    /// <summary>The flow's name.</summary>
    [CommandArgument(0, "<FLOW>")]
    [Description("The flow to run (the embedded silo knows the example flows, e.g. 'etl').")]
    public string Flow { get; init; } = string.Empty;

    /// <summary>Parameters as <c>name=value</c>; the value is JSON, or a bare word for a string.</summary>
    [CommandOption("-p|--param <NAME=VALUE>")]
    [Description("A parameter as name=value (JSON, or a bare word for text). Repeat for several.")]
    public string[] Parameters { get; init; } = [];

    /// <summary>How long to wait for the run, in seconds.</summary>
    [CommandOption("--timeout <SECONDS>")]
    [Description("How long to wait for the run to finish. Default 300.")]
    [DefaultValue(300)]
    public int TimeoutSeconds { get; init; } = 300;

    /// <summary>The run's id; a new one by default.</summary>
    [CommandOption("--run-id <ID>")]
    [Description("The run's id (default: a new one).")]
    public string? RunId { get; init; }

    /// <summary>Whether the run's cached tasks ignore existing entries and write fresh ones.</summary>
    [CommandOption("--refresh-cache")]
    [Description("Cached tasks ignore existing cache entries: they run, and write fresh entries.")]
    public bool RefreshCache { get; init; }

    /// <summary>Start the run and return at once (with <c>--cluster</c> only).</summary>
    [CommandOption("--detach")]
    [Description("With --cluster: start the run, print its id and how to follow it, and return at once (exit code 0).")]
    public bool Detach { get; init; }

    /// <inheritdoc />
    public override ValidationResult Validate()
    {
        if (Detach && Cluster is null)
        {
            return ValidationResult.Error("--detach needs --cluster: an embedded run ends with the command.");
        }

        foreach (var parameter in Parameters)
        {
            if (parameter.IndexOf('=', StringComparison.Ordinal) <= 0)
            {
                return ValidationResult.Error($"--param '{parameter}' must be name=value.");
            }
        }

        return TimeoutSeconds > 0 ? ValidationResult.Success() : ValidationResult.Error("--timeout must be positive.");
    }

    /// <summary>The parameters as JSON text by name.</summary>
    public IReadOnlyDictionary<string, string> ParameterJson() =>
        Parameters.Select(p => p.Split('=', 2)).ToDictionary(parts => parts[0].Trim(), parts => parts[1], StringComparer.Ordinal);
}
