using Microsoft.AspNetCore.Authentication;

namespace Tributary.Web.Authentication;

/// <summary>The options of <see cref="ApiKeyAuthenticationHandler"/>.</summary>
public sealed class ApiKeyAuthenticationOptions : AuthenticationSchemeOptions
{
    /// <summary>The key callers must give; <see langword="null"/> or empty fails every request that gives one.</summary>
    public string? ApiKey { get; set; }
}
