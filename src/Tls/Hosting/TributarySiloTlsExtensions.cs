using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Tributary.Options;
using Tributary.Security;

namespace Tributary.Hosting;

/// <summary>Turns on TLS for a silo's connections from <c>Tributary:Cluster:Tls</c>.</summary>
public static class TributarySiloTlsExtensions
{
    /// <summary>
    /// When <c>Tributary:Cluster:Tls:CertificatePath</c> is set, secures the silo's connections to and from other silos
    /// and its gateway's connections from clients with mutual TLS (Orleans' <c>UseTls</c>), trusting the certificates
    /// <see cref="TributaryTlsOptions"/> describes, and logs at start which certificate it uses; otherwise does nothing.
    /// The certificate files are read now.
    /// </summary>
    /// <param name="silo">The silo.</param>
    /// <param name="configuration">The host's configuration.</param>
    /// <exception cref="ArgumentException">A TLS setting is wrong (a missing file, a wrong password, a certificate without its key); the message names it.</exception>
    public static ISiloBuilder UseTributaryTls(this ISiloBuilder silo, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentNullException.ThrowIfNull(configuration);
        var options = configuration.GetSection(TributaryTlsOptions.SiloSectionName).Get<TributaryTlsOptions>() ?? new TributaryTlsOptions();
        var settings = TlsConnectionSettings.Create(options, TributaryTlsOptions.SiloSectionName, server: true, TimeProvider.System);
        if (settings is null)
        {
            return silo;
        }

        silo.Services.AddSingleton<IHostedService>(provider => new TlsStartupReport(
            settings, "silo-to-silo and gateway connections", provider.GetRequiredService<ILogger<TlsStartupReport>>(), TimeProvider.System));
        return silo.UseTls(settings.Configure);
    }
}
