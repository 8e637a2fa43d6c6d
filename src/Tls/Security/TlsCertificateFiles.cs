using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Tributary.Options;

namespace Tributary.Security;

/// <summary>
/// Reads the certificates <see cref="TributaryTlsOptions"/> names. Every failure is an <see cref="ArgumentException"/>
/// whose message names the setting (under the given section) and the file, never the password.
/// </summary>
internal static class TlsCertificateFiles
{
    /// <summary>This side's certificate with its private key.</summary>
    /// <param name="options">The settings; <see cref="TributaryTlsOptions.CertificatePath"/> is set.</param>
    /// <param name="sectionName">The section, for the messages.</param>
    /// <param name="server">Whether this side also accepts connections (a silo), so that its certificate must allow server authentication.</param>
    /// <exception cref="ArgumentException">
    /// A file is missing, unreadable, not a certificate, the password is wrong, there is no private key, or the
    /// certificate's extended key usages leave out client (or, for a server, server) authentication.
    /// </exception>
    public static X509Certificate2 LoadLocalCertificate(TributaryTlsOptions options, string sectionName, bool server)
    {
        var certificate = LoadWithKey(options, sectionName);
        // Orleans refuses such a certificate only when a connection is made; checked here, it stops the start naming the setting.
        var missing = CertificateUsages.MissingForMutualTls(certificate, server);
        if (missing is not null)
        {
            certificate.Dispose();
            throw new ArgumentException(
                $"{sectionName}:{nameof(TributaryTlsOptions.CertificatePath)} '{options.CertificatePath}' lists extended key usages without {missing} authentication, which mutual TLS needs.",
                nameof(TributaryTlsOptions.CertificatePath));
        }

        return certificate;
    }

    private static X509Certificate2 LoadWithKey(TributaryTlsOptions options, string sectionName)
    {
        var path = RequireFile(options.CertificatePath!, sectionName, nameof(TributaryTlsOptions.CertificatePath));
        X509Certificate2 certificate;
        if (IsPem(path))
        {
            var keyPath = options.PrivateKeyPath is null
                ? null
                : RequireFile(options.PrivateKeyPath, sectionName, nameof(TributaryTlsOptions.PrivateKeyPath));
            certificate = LoadPem(path, keyPath, options.CertificatePassword, sectionName);
        }
        else
        {
            if (options.PrivateKeyPath is not null)
            {
                throw new ArgumentException(
                    $"{sectionName}:{nameof(TributaryTlsOptions.PrivateKeyPath)} is for a PEM certificate, but {sectionName}:{nameof(TributaryTlsOptions.CertificatePath)} '{path}' is not PEM (a PKCS#12 file holds its key).",
                    nameof(TributaryTlsOptions.PrivateKeyPath));
            }

            certificate = LoadPkcs12(path, options.CertificatePassword, sectionName);
        }

        if (!certificate.HasPrivateKey)
        {
            certificate.Dispose();
            throw new ArgumentException(
                $"{sectionName}:{nameof(TributaryTlsOptions.CertificatePath)} '{path}' has no private key: TLS needs the certificate's key (in the PKCS#12 file, the PEM file or {sectionName}:{nameof(TributaryTlsOptions.PrivateKeyPath)}).",
                nameof(TributaryTlsOptions.CertificatePath));
        }

        return certificate;
    }

    /// <summary>The authorities of <see cref="TributaryTlsOptions.CertificateAuthorityPath"/>; empty when it is unset.</summary>
    /// <param name="options">The settings.</param>
    /// <param name="sectionName">The section, for the messages.</param>
    /// <exception cref="ArgumentException">The file is missing or holds no certificate.</exception>
    public static X509Certificate2Collection LoadAuthorities(TributaryTlsOptions options, string sectionName)
    {
        var authorities = new X509Certificate2Collection();
        if (options.CertificateAuthorityPath is null)
        {
            return authorities;
        }

        var setting = nameof(TributaryTlsOptions.CertificateAuthorityPath);
        var path = RequireFile(options.CertificateAuthorityPath, sectionName, setting);
        try
        {
            if (IsPem(path))
            {
                authorities.ImportFromPemFile(path);
            }
            else
            {
                authorities.Add(X509CertificateLoader.LoadCertificateFromFile(path));
            }
        }
        catch (CryptographicException ex)
        {
            throw new ArgumentException($"{sectionName}:{setting} '{path}' is not a certificate file (PEM or DER): {ex.Message}", setting, ex);
        }

        if (authorities.Count == 0)
        {
            throw new ArgumentException($"{sectionName}:{setting} '{path}' holds no certificate.", setting);
        }

        return authorities;
    }

    private static X509Certificate2 LoadPkcs12(string path, string? password, string sectionName)
    {
        try
        {
            return X509CertificateLoader.LoadPkcs12FromFile(path, password);
        }
        catch (CryptographicException ex)
        {
            // Wrong password and a file that is no PKCS#12 look the same to the loader: name both settings.
            throw new ArgumentException(
                $"{sectionName}:{nameof(TributaryTlsOptions.CertificatePath)} '{path}' could not be opened as a PKCS#12 (.pfx) file with {sectionName}:{nameof(TributaryTlsOptions.CertificatePassword)} ({(password is null ? "not set" : "as set")}): {ex.Message.TrimEnd('.')}.",
                nameof(TributaryTlsOptions.CertificatePassword),
                ex);
        }
    }

    private static X509Certificate2 LoadPem(string path, string? keyPath, string? password, string sectionName)
    {
        try
        {
            var certificate = password is null
                ? X509Certificate2.CreateFromPemFile(path, keyPath)
                : X509Certificate2.CreateFromEncryptedPemFile(path, password, keyPath);
            // A PEM key is ephemeral, which SslStream on Windows cannot use; a PKCS#12 round trip gives it a stored one.
            using (certificate)
            {
                return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12), null);
            }
        }
        catch (CryptographicException ex)
        {
            var keySetting = keyPath is null ? nameof(TributaryTlsOptions.CertificatePath) : nameof(TributaryTlsOptions.PrivateKeyPath);
            throw new ArgumentException(
                $"{sectionName}:{nameof(TributaryTlsOptions.CertificatePath)} '{path}' with its key ({sectionName}:{keySetting}) could not be read as PEM: {ex.Message.TrimEnd('.')}.",
                keySetting,
                ex);
        }
    }

    private static string RequireFile(string path, string sectionName, string setting)
    {
        var full = Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            throw new ArgumentException($"{sectionName}:{setting} '{path}' is not a file.", setting);
        }

        return full;
    }

    private static bool IsPem(string path)
    {
        // A PEM file is text that starts (after any comments) with a "-----BEGIN" line; PKCS#12 and DER are binary.
        using var reader = new StreamReader(path);
        var buffer = new char[4096];
        var read = reader.ReadBlock(buffer, 0, buffer.Length);
        return new string(buffer, 0, read).Contains("-----BEGIN ", StringComparison.Ordinal);
    }
}
