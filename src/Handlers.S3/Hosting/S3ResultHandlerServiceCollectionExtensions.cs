using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Tributary.Handlers.S3.Options;
using Tributary.Hosting;

namespace Tributary.Handlers.S3.Hosting;

/// <summary>Registers the <c>s3</c> result handler kind.</summary>
public static class S3ResultHandlerServiceCollectionExtensions
{
    /// <summary>
    /// Registers the <c>s3</c> handler kind with the host's endpoint and credentials, so descriptors made by
    /// <see cref="S3ResultHandler.DescriptorFor"/> (or <c>Tributary:ResultHandler:Kind</c> = <c>s3</c>) resolve to an
    /// <see cref="S3ResultHandler"/>.
    /// </summary>
    /// <remarks>
    /// <para>
    /// A descriptor that names a bucket writes there; one that names none writes to
    /// <see cref="S3ResultHandlerOptions.Bucket"/>. Its <c>format</c> (<c>json</c>, <c>msgpack</c>) and <c>codec</c>
    /// (<c>none</c>, <c>gzip</c>, <c>brotli</c>, <c>zlib</c>) settings choose what is written, e.g.
    /// <c>Tributary:ResultHandler:Settings:format</c> = <c>msgpack</c>; an unknown value fails naming the setting. Reads
    /// use the bucket in the location and read every format. The descriptor and the safe values hold no credential:
    /// another host reads them with its own.
    /// </para>
    /// <para>
    /// The options are validated when the host starts (<c>ValidateOnStart</c>), or, without a host, when the handler is
    /// first needed: options that cannot work fail with an <see cref="OptionsValidationException"/> naming the setting.
    /// </para>
    /// </remarks>
    /// <param name="services">The services.</param>
    /// <param name="configure">Sets the endpoint, bucket and credentials.</param>
    public static IServiceCollection AddS3ResultHandler(this IServiceCollection services, Action<S3ResultHandlerOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<S3ResultHandlerOptions>().Configure(configure).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<S3ResultHandlerOptions>, S3ResultHandlerOptionsValidator>());
        services.TryAddSingleton<S3Store>();
        return services.AddResultHandler(
            S3ResultHandler.Kind, (provider, descriptor) => provider.GetRequiredService<S3Store>().CreateHandler(descriptor));
    }
}
