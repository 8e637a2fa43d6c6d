using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
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

    /// <summary>The authorization policy of the dashboard and the run pages when a key is configured.</summary>
    public const string OperatorPolicy = "TributaryOperator";

    /// <summary>
    /// Adds the dashboard to the silo, the health check, the run pages' services and the API-key authentication, and
    /// makes the host listen on <c>Tributary:Web:Urls</c> (default <see cref="TributaryWebOptions.DefaultUrls"/>).
    /// </summary>
    /// <param name="builder">The silo's web application builder (call <c>UseOrleans</c> on it before or after).</param>
    /// <exception cref="ArgumentException">
    /// <c>Tributary:Web</c> is invalid, or the URLs are not loopback-only and no <c>Tributary:Web:ApiKey</c> is set;
    /// the message names the setting.
    /// </exception>
    public static WebApplicationBuilder AddTributaryWeb(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var section = builder.Configuration.GetSection(TributaryWebOptions.SectionName);
        // Read and checked now, so an exposed host without a key never starts listening.
        var options = section.Get<TributaryWebOptions>() ?? new TributaryWebOptions();
        options.Validate();
        builder.Services.AddOptions<TributaryWebOptions>().Bind(section);
        // Tributary:Web:Urls is the one setting of where the host listens (it replaces ASPNETCORE_URLS and --urls), so
        // the loopback check above is a check of what the host does.
        builder.WebHost.UseUrls([.. options.UrlList]);

        builder.UseOrleans(silo => silo.AddDashboard(dashboard => dashboard.HideTrace = !options.DashboardTrace));
        builder.Services.AddHealthChecks().AddCheck<SiloActiveHealthCheck>("silo");
        builder.Services.TryAddSingleton<IRunDirectory, NoRunDirectory>();
        builder.Services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<ApiKeyAuthenticationOptions, ApiKeyAuthenticationHandler>(
                ApiKeyAuthenticationHandler.SchemeName, scheme => scheme.ApiKey = options.ApiKey);
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(OperatorPolicy, policy => policy
                .AddAuthenticationSchemes(ApiKeyAuthenticationHandler.SchemeName)
                .RequireAuthenticatedUser());
        return builder;
    }

    /// <summary>
    /// Maps <c>/healthz</c> (never behind the key), the Orleans dashboard under <see cref="DashboardPath"/> and the run
    /// pages, both behind the key when one is configured.
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
            dashboard.RequireAuthorization(OperatorPolicy);
            pages.RequireAuthorization(OperatorPolicy);
        }

        return app;
    }
}
