namespace Tributary.Grains;

/// <summary>
/// A run needs the version of its flow it started with, and the silo does not register that version (any more).
/// </summary>
/// <remarks>
/// A silo can register several versions of one flow (several definitions under one name): keep the old definition
/// registered beside the new one until the runs started on it have finished.
/// </remarks>
[GenerateSerializer, Alias("tributary.flow-version-not-found-error")]
public sealed class FlowVersionNotFoundException : TributaryException
{
    /// <summary>Creates the error.</summary>
    /// <param name="flowName">The flow.</param>
    /// <param name="version">The version asked for.</param>
    /// <param name="registeredVersions">The versions of the flow the silo registers, oldest first (the last is the newest).</param>
    public FlowVersionNotFoundException(string flowName, string version, IReadOnlyCollection<string> registeredVersions)
        : base(registeredVersions.Count == 0
            ? $"Flow '{flowName}' version {version} is not registered on this silo, nor any other version of '{flowName}'."
            : $"Flow '{flowName}' version {version} is not registered on this silo; it registers " +
              $"{(registeredVersions.Count == 1 ? "version" : "versions")} {string.Join(", ", registeredVersions)}" +
              $"{(registeredVersions.Count == 1 ? string.Empty : " (the last is the newest)")}.")
    {
        FlowName = flowName;
        Version = version;
        RegisteredVersions = [.. registeredVersions];
    }

    /// <summary>The flow.</summary>
    [Id(0)]
    public string FlowName { get; }

    /// <summary>The version asked for.</summary>
    [Id(1)]
    public string Version { get; }

    /// <summary>The versions of the flow the silo registers, oldest first.</summary>
    [Id(2)]
    public string[] RegisteredVersions { get; }
}
