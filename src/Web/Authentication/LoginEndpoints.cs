using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Tributary.Web.Options;
using Tributary.Web.Runs;

namespace Tributary.Web.Authentication;

/// <summary>
/// <c>/login</c> for browsers, which cannot send the key as a header: a form that takes the key once and sets a
/// sign-in cookie (HTTP-only, same-site strict); <c>/logout</c> removes it.
/// </summary>
public static class LoginEndpoints
{
    /// <summary>The path of the form.</summary>
    public const string LoginPath = "/login";

    /// <summary>The sign-in cookie's authentication scheme.</summary>
    public const string CookieScheme = "TributaryCookie";

    /// <summary>Maps <c>GET</c> and <c>POST /login</c> and <c>POST /logout</c>.</summary>
    /// <param name="endpoints">The host's endpoints.</param>
    public static IEndpointRouteBuilder MapLogin(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapGet(LoginPath, (string? returnUrl) => Page(returnUrl, failed: false));
        endpoints.MapPost(LoginPath, async (HttpContext context, IOptions<TributaryWebOptions> options) =>
        {
            // Read by hand rather than bound, so no antiforgery token is asked for: signing someone in with the one key
            // gives an attacker nothing.
            var form = await context.Request.ReadFormAsync(context.RequestAborted);
            var returnUrl = form["returnUrl"].ToString();
            if (!ApiKeys.Match(form["key"].ToString(), options.Value.ApiKey))
            {
                return Page(returnUrl, failed: true);
            }

            var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, "api-key")], CookieScheme);
            await context.SignInAsync(CookieScheme, new ClaimsPrincipal(identity));
            return TypedResults.Redirect(IsLocal(returnUrl) ? returnUrl : "/runs");
        });
        endpoints.MapPost("/logout", async (HttpContext context) =>
        {
            await context.SignOutAsync(CookieScheme);
            return TypedResults.Redirect(LoginPath);
        });
        return endpoints;
    }

    // Only a path of this host: never "//elsewhere" or "/\\elsewhere", which browsers read as another host.
    private static bool IsLocal(string url) =>
        url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal);

    private static IResult Page(string? returnUrl, bool failed)
    {
        var encoder = HtmlEncoder.Default;
        var html = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Sign in · Tributary</title><style>"
            + RunPageAssets.Style + "</style></head><body><h1>Tributary</h1>"
            + (failed ? "<p class=\"status-Failed\">That is not the key.</p>" : string.Empty)
            + "<form method=\"post\" action=\"" + LoginPath + "\"><input type=\"hidden\" name=\"returnUrl\" value=\""
            + encoder.Encode(returnUrl ?? "/runs") + "\"><label>API key (<code>Tributary:Web:ApiKey</code>) "
            + "<input type=\"password\" name=\"key\" required autofocus></label> <button>Sign in</button></form></body></html>";
        return TypedResults.Content(html, "text/html; charset=utf-8", statusCode: failed ? StatusCodes.Status401Unauthorized : StatusCodes.Status200OK);
    }
}
