using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Tributary.Options;

namespace Tributary.Hosting;

/// <summary>
/// Keeps a client whose configuration asks for TLS (<c>Tributary:Client:Tls</c>) from connecting in plain text: the SDK
/// does not bring TLS (it needs Orleans' runtime); the <c>Tributary.Tls</c> package's <c>client.UseTributaryTls(configuration)</c>
/// does, and registers <see cref="Applied"/> when it turned TLS on.
/// </summary>
internal static class ClientTlsRequirement
{
    /// <summary>The section of the client's TLS settings (bound by <c>Tributary.Tls</c>).</summary>
    public const string SectionName = $"{TributaryClientOptions.SectionName}:Tls";

    /// <summary>Throws when the configuration sets TLS settings that nothing applied.</summary>
    /// <param name="services">The services, after the Orleans client was configured.</param>
    /// <param name="configuration">The configuration the client was added with.</param>
    /// <exception cref="ArgumentException"><c>Tributary:Client:Tls</c> is set and TLS is not on.</exception>
    public static void EnsureApplied(IServiceCollection services, IConfiguration configuration)
    {
        if (configuration.GetSection(SectionName).Exists() && !services.Any(service => service.ServiceType == typeof(Applied)))
        {
            throw new ArgumentException(
                $"{SectionName} is set, but TLS is not on: add the Tributary.Tls package and call client.UseTributaryTls(configuration) "
                + "in AddTributaryClient's configureOrleans, or remove the settings.",
                nameof(configuration));
        }
    }

    /// <summary>Registered by <c>Tributary.Tls</c> when it turned the client's TLS on.</summary>
    internal sealed class Applied;
}
