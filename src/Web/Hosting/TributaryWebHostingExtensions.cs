using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Orleans.Dashboard;
using Tributary.Web.Authentication;
using Tributary.Web.Health;
using Tributary.Web.Options;
using Tributary.Web.Runs;

namespace Tributary.Web.Hosting;

/// <summary>
/// Makes a silo's web host serve the Orleans dashboard (<c>/dashboard/</c>), <c>/healthz</c> and the run pages
/// (<c>/runs</c>), as <c>Tributary:Web</c> configures them.
/// </summary>
public static class TributaryWebHostingExtensions
{
    /// <summary>The path of the health endpoint.</summary>
    public const string HealthPath = "/healthz";

    /// <summary>The path the Orleans dashboard is served under.</summary>
    public const string DashboardPath = "/dashboard";

    private const string KestrelEndpointsSetting = "Kestrel:Endpoints";

    /// <summary>The authentication scheme of the pages: the API key when a request carries one, the sign-in cookie otherwise.</summary>
    public const string AuthenticationScheme = "Tributary";

    /// <summary>The authorization policy of the dashboard and the run pages when a key is configured.</summary>
    public const string OperatorPolicy = "TributaryOperator";

    /// <summary>
    /// Adds the dashboard to the silo, the health check, the run pages' services and the API-key authentication, and
    /// makes the host listen on <c>Tributary:Web:Urls</c> (default <see cref="TributaryWebOptions.DefaultUrls"/>).
    /// </summary>
    /// <param name="builder">The silo's web application builder (call <c>UseOrleans</c> on it before or after).</param>
    /// <exception cref="ArgumentException">
    /// <c>Tributary:Web</c> is invalid, the URLs are not loopback-only and no <c>Tributary:Web:ApiKey</c> is set, or
    /// <c>Kestrel:Endpoints</c> is set (it would bypass <c>Tributary:Web:Urls</c>); the message names the setting.
    /// </exception>
    public static WebApplicationBuilder AddTributaryWeb(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var section = builder.Configuration.GetSection(TributaryWebOptions.SectionName);
        // Read and checked now, so an exposed host without a key never starts listening.
        var options = section.Get<TributaryWebOptions>() ?? new TributaryWebOptions();
        options.Validate();
        if (builder.Configuration.GetSection(KestrelEndpointsSetting).Exists())
        {
            // Kestrel's own endpoints would override the URLs below, and with them the loopback check.
            throw new ArgumentException(
                $"{KestrelEndpointsSetting} is set, but the silo's web host listens where {TributaryWebOptions.SectionName}:{nameof(TributaryWebOptions.Urls)} says: move the URLs there (an https certificate stays in Kestrel:Certificates:Default).",
                KestrelEndpointsSetting);
        }

        builder.Services.AddOptions<TributaryWebOptions>().Bind(section);
        // Tributary:Web:Urls is the one setting of where the host listens (it replaces ASPNETCORE_URLS and --urls), so
        // the loopback check above is a check of what the host does.
        builder.WebHost.UseUrls([.. options.UrlList]);

        builder.UseOrleans(silo => silo.AddDashboard(dashboard => dashboard.HideTrace = !options.DashboardTrace));
        builder.Services.AddHealthChecks().AddCheck<SiloActiveHealthCheck>("silo");
        builder.Services.TryAddSingleton<IRunDirectory, RunIndexDirectory>();
        // A request that carries a key is judged by the key alone; any other by the sign-in cookie that /login sets.
        builder.Services.AddAuthentication(AuthenticationScheme)
            .AddPolicyScheme(AuthenticationScheme, "Tributary", scheme => scheme.ForwardDefaultSelector = context =>
                ApiKeyAuthenticationHandler.CarriesKey(context.Request) ? ApiKeyAuthenticationHandler.SchemeName : LoginEndpoints.CookieScheme)
            .AddScheme<ApiKeyAuthenticationOptions, ApiKeyAuthenticationHandler>(
                ApiKeyAuthenticationHandler.SchemeName, scheme => scheme.ApiKey = options.ApiKey)
            .AddCookie(LoginEndpoints.CookieScheme, cookie =>
            {
                cookie.Cookie.Name = "tributary-auth";
                cookie.Cookie.HttpOnly = true;
                cookie.Cookie.SameSite = SameSiteMode.Strict;
                cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
                cookie.SlidingExpiration = true;
                cookie.LoginPath = LoginEndpoints.LoginPath;
                cookie.ReturnUrlParameter = "returnUrl";
                // A browser's page goes to the form; anything else (scripts, curl, probes) gets the 401 it can act on.
                cookie.Events.OnRedirectToLogin = context =>
                {
                    if (context.Request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase))
                    {
                        context.Response.Redirect(context.RedirectUri);
                    }
                    else
                    {
                        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                        context.Response.Headers.WWWAuthenticate = ApiKeyAuthenticationHandler.SchemeName;
                    }

                    return Task.CompletedTask;
                };
            });
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(OperatorPolicy, policy => policy
                .AddAuthenticationSchemes(AuthenticationScheme)
                .RequireAuthenticatedUser());
        return builder;
    }

    /// <summary>
    /// Maps <c>/healthz</c> (never behind the key), the Orleans dashboard under <see cref="DashboardPath"/> and the run
    /// pages, both behind the key when one is configured (with <c>/login</c>, where a browser gives it once).
    /// </summary>
    /// <param name="app">The built application.</param>
    /// <returns>The application, to run.</returns>
    public static WebApplication MapTributaryWeb(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var options = app.Services.GetRequiredService<IOptions<TributaryWebOptions>>().Value;
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapHealthChecks(HealthPath).AllowAnonymous();
        var dashboard = app.MapOrleansDashboard(DashboardPath);
        var pages = app.MapRunPages();
        if (options.RequiresAuthentication)
        {
            app.MapLogin();
            dashboard.RequireAuthorization(OperatorPolicy);
            pages.RequireAuthorization(OperatorPolicy);
        }

        return app;
    }
}
