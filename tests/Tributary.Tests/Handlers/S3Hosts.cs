using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Tributary.Handlers;
using Tributary.Handlers.S3.Hosting;
using Tributary.Handlers.S3.Options;
using Tributary.Tests.Infrastructure;

namespace Tributary.Tests.Handlers;

/// <summary>Hosts that register the S3 handler on the shared s3rver, as a Tributary host does.</summary>
public static class S3Hosts
{
    /// <summary>Points <paramref name="options"/> at the server's <paramref name="bucket"/> with the server's credentials.</summary>
    public static void Configure(S3ResultHandlerOptions options, S3rverServer server, string bucket, string prefix = "")
    {
        options.ServiceUrl = server.ServiceUrl;
        options.ForcePathStyle = true;
        options.Bucket = bucket;
        options.Prefix = prefix;
        options.AccessKey = S3rverServer.AccessKey;
        options.SecretKey = S3rverServer.SecretKey;
    }

    /// <summary>A host's handler catalog with the S3 handler registered for the server, then changed by <paramref name="configure"/>.</summary>
    public static IResultHandlerCatalog Catalog(S3rverServer server, string bucket, string prefix = "", Action<S3ResultHandlerOptions>? configure = null)
    {
        var services = new ServiceCollection()
            .AddS3ResultHandler(options =>
            {
                Configure(options, server, bucket, prefix);
                configure?.Invoke(options);
            })
            .BuildServiceProvider();
        // The options are configured (and validated) when first read, as a host's start reads them.
        _ = services.GetRequiredService<IOptions<S3ResultHandlerOptions>>().Value;
        return services.GetRequiredService<IResultHandlerCatalog>();
    }

    /// <summary>
    /// A host's configuration of the server's <paramref name="bucket"/> (<c>Tributary:S3</c>), with <paramref name="more"/>
    /// settings beside it (the default handler, a results directory).
    /// </summary>
    public static Dictionary<string, string?> Settings(S3rverServer server, string bucket, string prefix, params (string Key, string Value)[] more)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Tributary:S3:ServiceUrl"] = server.ServiceUrl,
            ["Tributary:S3:ForcePathStyle"] = "true",
            ["Tributary:S3:Bucket"] = bucket,
            ["Tributary:S3:Prefix"] = prefix,
            ["Tributary:S3:AccessKey"] = S3rverServer.AccessKey,
            ["Tributary:S3:SecretKey"] = S3rverServer.SecretKey,
        };
        foreach (var (key, value) in more)
        {
            settings[key] = value;
        }

        return settings;
    }
}
