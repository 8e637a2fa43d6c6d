using System.ComponentModel;
using Spectre.Console.Cli;

namespace Tributary.Cli.Commands;

/// <summary>The options of <c>reencrypt</c>.</summary>
public sealed class ReencryptSettings : ClusterSettings
{
    /// <summary>The run's id.</summary>
    [CommandArgument(0, "<RUN>")]
    [Description("The id of the flow run whose encrypted results are re-encrypted under the active key (Tributary:Encryption:ActiveKey).")]
    public string RunId { get; init; } = string.Empty;

    /// <summary>Only list what would change.</summary>
    [CommandOption("--dry-run")]
    [Description("List the results that would be re-encrypted, and write nothing.")]
    public bool DryRun { get; init; }
}
