namespace Tributary.Handlers;

/// <summary>A secret task's secret is not in the host's configuration; the message names the key it was looked up under.</summary>
[GenerateSerializer, Alias("tributary.secret-not-found-error")]
public sealed class SecretNotFoundException : TributaryException
{
    /// <summary>Creates the error.</summary>
    /// <param name="secretName">The secret's name.</param>
    /// <param name="configurationKey">The configuration key it was looked up under.</param>
    public SecretNotFoundException(string secretName, string configurationKey)
        : base(
            $"Secret '{secretName}' is not configured: the host's configuration has no value at '{configurationKey}' " +
            $"(as an environment variable: {configurationKey.Replace(":", "__", StringComparison.Ordinal)}; or set it in user secrets or a key vault configuration provider).")
    {
        SecretName = secretName;
        ConfigurationKey = configurationKey;
    }

    /// <summary>The secret's name.</summary>
    [Id(0)]
    public string SecretName { get; }

    /// <summary>The configuration key it was looked up under.</summary>
    [Id(1)]
    public string ConfigurationKey { get; }
}
