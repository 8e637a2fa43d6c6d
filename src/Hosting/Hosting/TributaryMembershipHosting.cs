using Microsoft.Extensions.Configuration;
using Orleans.Configuration;

namespace Tributary.Hosting;

/// <summary>
/// Cluster membership tuned so that a silo that dies (killed, its machine lost) is declared dead within a few seconds
/// rather than Orleans' default of about 15: until then its grains, and the runs they drive, wait. Applied to clusters
/// on Azure Storage; <c>Tributary:Cluster:Membership:*</c> (any <see cref="ClusterMembershipOptions"/> property) overrides it.
/// </summary>
/// <remarks>
/// A killed silo's port refuses connections, so each probe of it fails at once: detection takes about
/// <see cref="NumMissedProbesLimit"/> probe periods, and the period is <see cref="ProbeTimeout"/> (adapted by Orleans
/// between half and four times it, from observed response times). Orleans' defaults (5 s, 3 missed) give about 15 s;
/// these give about 3 s. The trade-off: a silo that stops answering for a few seconds (a long GC pause, a starved thread
/// pool, a saturated network) is more likely to be declared dead and has to restart. Orleans softens that: it extends the
/// timeout while the probing silo itself is unhealthy, probes indirectly through another silo before voting, and does not
/// vote against a silo whose connection still carries messages.
/// </remarks>
public static class TributaryMembershipHosting
{
    /// <summary>The configuration section whose keys override the tuned values.</summary>
    public const string SectionName = "Tributary:Cluster:Membership";

    /// <summary>
    /// The initial probe timeout and probe period: 1 s (Orleans: 5 s). Probes are tiny messages a healthy silo answers in
    /// milliseconds; Orleans adapts the timeout to measured responses within 0.5–4 s.
    /// </summary>
    public static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(1);

    /// <summary>Missed probes before a silo suspects (votes against) another: 3, Orleans' default, so one slow answer is not a vote.</summary>
    public const int NumMissedProbesLimit = 3;

    /// <summary>
    /// Votes that declare a silo dead: 2, Orleans' default. Orleans needs at most half the active silos (one vote in a
    /// cluster of two), and an indirect probe's intermediary votes too, so it does not slow detection; it keeps one
    /// silo's local trouble from evicting a healthy one in larger clusters.
    /// </summary>
    public const int NumVotesForDeathDeclaration = 2;

    /// <summary>
    /// How often a silo reads the membership table: 10 s (Orleans: 60 s). Changes normally spread by gossip at once; the
    /// read is the fallback for a silo that missed it, and a table read every 10 s per silo costs little.
    /// </summary>
    public static readonly TimeSpan TableRefreshTimeout = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How long a vote stays valid: 30 s (Orleans: 2 min). Far longer than the seconds the next voter needs, and a stale
    /// suspicion from a passing blip no longer counts toward a later one.
    /// </summary>
    public static readonly TimeSpan DeathVoteExpirationTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Applies the tuned values, then <c>Tributary:Cluster:Membership</c> over them.</summary>
    /// <param name="silo">The silo.</param>
    /// <param name="configuration">The host's configuration.</param>
    public static ISiloBuilder UseTributaryMembership(this ISiloBuilder silo, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentNullException.ThrowIfNull(configuration);
        return silo.Configure<ClusterMembershipOptions>(options =>
        {
            options.ProbeTimeout = ProbeTimeout;
            options.NumMissedProbesLimit = NumMissedProbesLimit;
            options.NumVotesForDeathDeclaration = NumVotesForDeathDeclaration;
            options.TableRefreshTimeout = TableRefreshTimeout;
            options.DeathVoteExpirationTimeout = DeathVoteExpirationTimeout;
            configuration.GetSection(SectionName).Bind(options);
        });
    }
}
