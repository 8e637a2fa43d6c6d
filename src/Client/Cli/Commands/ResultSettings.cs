using System.ComponentModel;
using Spectre.Console.Cli;

namespace Tributary.Cli.Commands;

/// <summary>The options of <c>result</c>.</summary>
public sealed class ResultSettings : ClusterSettings
{
    /// <summary>The run's id.</summary>
    [CommandArgument(0, "<RUN>")]
    [Description("The flow run's id.")]
    public string RunId { get; init; } = string.Empty;

    /// <summary>The task's name.</summary>
    [CommandArgument(1, "<TASK>")]
    [Description("The task whose result to read (through its handler, on this machine).")]
    public string Task { get; init; } = string.Empty;
}
