using Orleans.Connections.Security;
using Tributary.Options;

namespace Tributary.Security;

/// <summary>Turns <see cref="TributaryTlsOptions"/> into Orleans' <see cref="TlsOptions"/>: mutual TLS with Tributary's trust rules.</summary>
internal static class TlsConnectionSettings
{
    /// <summary>
    /// Reads the certificates and returns what configures Orleans' TLS, or <see langword="null"/> when TLS is off.
    /// Called while the host is built, so that a wrong file or password stops the start with an error naming the setting.
    /// </summary>
    /// <param name="options">The settings.</param>
    /// <param name="sectionName">Their section, for the messages.</param>
    /// <param name="server">Whether this side accepts connections too (a silo) rather than only making them (a client).</param>
    /// <param name="time">The clock for certificates' validity periods.</param>
    /// <exception cref="ArgumentException">A setting is wrong; the message names it.</exception>
    public static Action<TlsOptions>? Create(TributaryTlsOptions options, string sectionName, bool server, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate(sectionName);
        if (!options.IsEnabled)
        {
            return null;
        }

        var certificate = TlsCertificateFiles.LoadLocalCertificate(options, sectionName, server);
        var authorities = TlsCertificateFiles.LoadAuthorities(options, sectionName);
        var policy = new RemoteCertificatePolicy(certificate, options.AllowedThumbprints, authorities, options.AllowAnyRemoteCertificate, time);
        return tls =>
        {
            tls.LocalCertificate = certificate;
            // Mutual: a server asks for the other side's certificate and refuses a connection without one, and a
            // client (a silo calling a silo, or a client calling a gateway) always sends its own.
            tls.RemoteCertificateMode = RemoteCertificateMode.RequireCertificate;
            tls.ClientCertificateMode = RemoteCertificateMode.RequireCertificate;
            tls.RemoteCertificateValidation = policy.IsTrusted;
        };
    }
}
