using Tributary.Handlers;

namespace Tributary.Options;

/// <summary>
/// The configured global default result handler: the bottom of the hierarchy (global &lt; flow &lt; task).
/// Bound from the <c>Tributary:ResultHandler</c> configuration section (appsettings.json, environment
/// variables such as <c>Tributary__ResultHandler__Kind</c>).
/// </summary>
public sealed class ResultHandlerOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "Tributary:ResultHandler";

    /// <summary>The handler kind. Default <c>"local"</c> (files under <see cref="ResultHandlers.DefaultLocalDirectory"/>).</summary>
    public string Kind { get; set; } = LocalResultHandler.Kind;

    /// <summary>Non-secret settings of the kind, e.g. <c>directory</c> for <c>local</c>, <c>container</c> for <c>azure-blob</c>.</summary>
    public Dictionary<string, string> Settings { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Gives the descriptor of the configured default; the local kind without a directory gets the default one.</summary>
    /// <exception cref="ArgumentException"><see cref="Kind"/> is empty.</exception>
    public ResultHandlerDescriptor ToDescriptor()
    {
        if (string.IsNullOrWhiteSpace(Kind))
        {
            throw new ArgumentException($"Set {SectionName}:{nameof(Kind)} to a handler kind such as 'local'.", nameof(Kind));
        }

        if (Kind == LocalResultHandler.Kind)
        {
            return ResultHandlers.Local(Settings.GetValueOrDefault(LocalResultHandler.DirectorySetting));
        }

        return new ResultHandlerDescriptor(Kind, Settings);
    }
}
