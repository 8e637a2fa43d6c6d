using System.Security.Cryptography.X509Certificates;
using Orleans.Connections.Security;
using Tributary.Options;

namespace Tributary.Security;

/// <summary>
/// <see cref="TributaryTlsOptions"/> with its certificates read: configures Orleans' <see cref="TlsOptions"/> for mutual
/// TLS with Tributary's trust rules, and says what it trusts (for the start-up log).
/// </summary>
internal sealed class TlsConnectionSettings
{
    private readonly RemoteCertificatePolicy _policy;

    private TlsConnectionSettings(X509Certificate2 certificate, TributaryTlsOptions options, int authorityCount, RemoteCertificatePolicy policy)
    {
        Certificate = certificate;
        AllowedThumbprintCount = options.AllowedThumbprints.Count;
        AuthorityCount = authorityCount;
        AllowAnyRemoteCertificate = options.AllowAnyRemoteCertificate;
        _policy = policy;
    }

    /// <summary>This side's certificate, with its key.</summary>
    public X509Certificate2 Certificate { get; }

    /// <summary>How many thumbprints besides the certificate's own are trusted.</summary>
    public int AllowedThumbprintCount { get; }

    /// <summary>How many certificate authorities are trusted.</summary>
    public int AuthorityCount { get; }

    /// <summary>Whether any remote certificate is trusted (development).</summary>
    public bool AllowAnyRemoteCertificate { get; }

    /// <summary>
    /// Reads the certificates, or gives <see langword="null"/> when TLS is off. Called while the host is built, so that
    /// a wrong file or password stops the start with an error naming the setting.
    /// </summary>
    /// <param name="options">The settings.</param>
    /// <param name="sectionName">Their section, for the messages.</param>
    /// <param name="server">Whether this side accepts connections too (a silo) rather than only making them (a client).</param>
    /// <param name="time">The clock for certificates' validity periods.</param>
    /// <exception cref="ArgumentException">A setting is wrong; the message names it.</exception>
    public static TlsConnectionSettings? Create(TributaryTlsOptions options, string sectionName, bool server, TimeProvider time)
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
        return new TlsConnectionSettings(certificate, options, authorities.Count, policy);
    }

    /// <summary>Configures Orleans' TLS (the argument of <c>UseTls</c>).</summary>
    /// <param name="tls">Orleans' options.</param>
    public void Configure(TlsOptions tls)
    {
        tls.LocalCertificate = Certificate;
        // Mutual: a server asks for the other side's certificate and refuses a connection without one, and a client (a
        // silo calling a silo, or a client calling a gateway) always sends its own.
        tls.RemoteCertificateMode = RemoteCertificateMode.RequireCertificate;
        tls.ClientCertificateMode = RemoteCertificateMode.RequireCertificate;
        tls.RemoteCertificateValidation = _policy.IsTrusted;
    }
}
