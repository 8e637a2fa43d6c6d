namespace Tributary.Web.Options;

/// <summary>
/// The silo host's web side (Orleans dashboard, <c>/healthz</c>, run pages), bound from <c>Tributary:Web</c>.
/// </summary>
public sealed class TributaryWebOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "Tributary:Web";

    /// <summary>The default of <see cref="Urls"/>: the loopback address only, so nothing is exposed unless asked for.</summary>
    public const string DefaultUrls = "http://127.0.0.1:8080";

    /// <summary>
    /// The URLs the web host listens on, separated by <c>;</c> (as ASP.NET Core's <c>urls</c> setting). Default
    /// <see cref="DefaultUrls"/>. A URL whose host is not a loopback address or <c>localhost</c> (<c>0.0.0.0</c>,
    /// <c>*</c>, <c>+</c>, a host name, a public address) exposes the host, which then needs <see cref="ApiKey"/>.
    /// </summary>
    public string Urls { get; set; } = DefaultUrls;

    /// <summary>
    /// The key a caller gives (header <c>X-Api-Key</c>, or <c>Authorization: ApiKey …</c>; a browser once, at
    /// <c>/login</c>, which sets a sign-in cookie) to see the dashboard and the run pages. Required when <see cref="Urls"/> is exposed; when set on a loopback host it is required there too.
    /// <c>/healthz</c> never asks for it: orchestrators probe it and it tells nothing but the silo's health.
    /// </summary>
    public string? ApiKey { get; set; }

    /// <summary>
    /// Whether the dashboard streams the silo's log (its Trace page). Default <see langword="false"/>: a log line can
    /// quote a task's exception message, and what operators see holds safe values only unless asked otherwise.
    /// </summary>
    public bool DashboardTrace { get; set; }

    /// <summary>The URLs of <see cref="Urls"/>, trimmed, empty entries dropped.</summary>
    public IReadOnlyList<string> UrlList =>
        Urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Whether every URL listens on a loopback address only.</summary>
    public bool IsLoopbackOnly => UrlList.All(WebUrls.IsLoopback);

    /// <summary>Whether the dashboard and the run pages ask for <see cref="ApiKey"/>: a key is set (it must be, when exposed).</summary>
    public bool RequiresAuthentication => !string.IsNullOrEmpty(ApiKey);

    /// <summary>Throws when the options cannot work, naming the setting.</summary>
    /// <exception cref="ArgumentException">
    /// <see cref="Urls"/> is empty or holds something that is not an http(s) URL, or the host is exposed and no
    /// <see cref="ApiKey"/> is set.
    /// </exception>
    public void Validate()
    {
        if (UrlList.Count == 0)
        {
            throw new ArgumentException($"{SectionName}:{nameof(Urls)} is empty; give one or more URLs such as {DefaultUrls}.", nameof(Urls));
        }

        foreach (var url in UrlList)
        {
            if (!WebUrls.TryGetHost(url, out _))
            {
                throw new ArgumentException($"{SectionName}:{nameof(Urls)} entry '{url}' is not an http or https URL such as {DefaultUrls}.", nameof(Urls));
            }
        }

        if (!IsLoopbackOnly && string.IsNullOrEmpty(ApiKey))
        {
            throw new ArgumentException(
                $"{SectionName}:{nameof(Urls)} ({Urls}) is not loopback-only, so the dashboard and run pages need authentication: set {SectionName}:{nameof(ApiKey)}.",
                nameof(ApiKey));
        }
    }
}
