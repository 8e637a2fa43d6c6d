using System.ComponentModel;
using Spectre.Console.Cli;

namespace Tributary.Cli.Commands;

/// <summary>The options of <c>cache clear</c>.</summary>
public sealed class CacheClearSettings : ClusterSettings
{
    /// <summary>The cache key.</summary>
    [CommandArgument(0, "<KEY>")]
    [Description("The cache key to clear (default keys are 'flow/task').")]
    public string Key { get; init; } = string.Empty;

    /// <summary>One entry to remove instead of the whole key.</summary>
    [CommandOption("--entry <ID>")]
    [Description("Remove only this entry (an id from 'cache list KEY').")]
    public string? Entry { get; init; }
}
