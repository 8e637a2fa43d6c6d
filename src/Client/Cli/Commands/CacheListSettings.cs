using System.ComponentModel;
using Spectre.Console.Cli;

namespace Tributary.Cli.Commands;

/// <summary>The options of <c>cache list</c>.</summary>
public sealed class CacheListSettings : ClusterSettings
{
    /// <summary>A cache key whose entries to show; every key when omitted.</summary>
    [CommandArgument(0, "[KEY]")]
    [Description("A cache key (default 'flow/task'): show its entries. Without it, every key.")]
    public string? Key { get; init; }
}
