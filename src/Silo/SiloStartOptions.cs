using Microsoft.Extensions.Configuration;

namespace Tributary.Silo;

/// <summary>How long the silo process waits for its start before it gives up with exit code 2, bound from <c>Tributary:Silo</c>.</summary>
internal sealed class SiloStartOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "Tributary:Silo";

    /// <summary>
    /// How long the cluster's storage (<c>Tributary:Cluster:ConnectionString</c>, Azure Storage mode) may take to answer
    /// one request before the silo starts: without an answer the process ends with exit code 2 and one line naming the
    /// storage endpoint. Any answer counts, even a refusal: the check is about reaching the storage, not about
    /// permissions. Default 20 s (the storage client tries three times, each for at most 5 s).
    /// </summary>
    public TimeSpan StorageCheckTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>
    /// How long Orleans' start (joining the cluster, opening its storage, starting the grain services) may take before the
    /// process gives up with exit code 2. Orleans itself retries a reminder table it cannot reach for 5 minutes. Default 2 min.
    /// </summary>
    public TimeSpan StartTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Reads and checks the options.</summary>
    /// <param name="configuration">The silo's configuration.</param>
    /// <exception cref="ArgumentException">A timeout is not positive; the message names the setting.</exception>
    public static SiloStartOptions Read(IConfiguration configuration)
    {
        var options = configuration.GetSection(SectionName).Get<SiloStartOptions>() ?? new SiloStartOptions();
        if (options.StorageCheckTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentException($"{SectionName}:{nameof(StorageCheckTimeout)} must be positive, not {options.StorageCheckTimeout}.", nameof(StorageCheckTimeout));
        }

        if (options.StartTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentException($"{SectionName}:{nameof(StartTimeout)} must be positive, not {options.StartTimeout}.", nameof(StartTimeout));
        }

        return options;
    }
}
