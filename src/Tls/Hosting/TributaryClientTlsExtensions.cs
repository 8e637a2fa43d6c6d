using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Tributary.Options;
using Tributary.Security;

namespace Tributary.Hosting;

/// <summary>Turns on TLS for a client's connections to the gateways from <c>Tributary:Client:Tls</c>.</summary>
public static class TributaryClientTlsExtensions
{
    /// <summary>
    /// When <c>Tributary:Client:Tls:CertificatePath</c> is set, connects to the gateways with mutual TLS (Orleans'
    /// <c>UseTls</c>): the client presents its certificate and trusts the gateways' as <see cref="TributaryTlsOptions"/>
    /// describes, otherwise does nothing. The certificate files are read now. Use it in
    /// <c>services.AddTributaryClient(configuration, client =&gt; client.UseTributaryTls(configuration))</c>.
    /// </summary>
    /// <param name="client">The Orleans client.</param>
    /// <param name="configuration">The application's configuration.</param>
    /// <exception cref="ArgumentException">A TLS setting is wrong (a missing file, a wrong password, a certificate without its key); the message names it.</exception>
    public static IClientBuilder UseTributaryTls(this IClientBuilder client, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(configuration);
        var options = configuration.GetSection(TributaryTlsOptions.ClientSectionName).Get<TributaryTlsOptions>() ?? new TributaryTlsOptions();
        var settings = TlsConnectionSettings.Create(options, TributaryTlsOptions.ClientSectionName, server: false, TimeProvider.System);
        if (settings is null)
        {
            return client;
        }

        // AddTributaryClient refuses Tributary:Client:Tls settings that nothing applied; these were.
        client.Services.AddSingleton<ClientTlsRequirement.Applied>();
        return client.UseTls(settings.Configure);
    }
}
