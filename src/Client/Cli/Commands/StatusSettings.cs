using System.ComponentModel;
using Spectre.Console.Cli;

namespace Tributary.Cli.Commands;

/// <summary>The options of <c>status</c>.</summary>
public sealed class StatusSettings : ClusterSettings
{
    /// <summary>The run's id.</summary>
    [CommandArgument(0, "<RUN>")]
    [Description("The flow run's id.")]
    public string RunId { get; init; } = string.Empty;
}
