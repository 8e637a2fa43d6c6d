namespace Tributary.Tests.Infrastructure;

/// <summary>The loopback ports a <see cref="SiloProcess"/> listens on: silo-to-silo, gateway (clients) and web.</summary>
/// <param name="Silo">The port silos talk to it on.</param>
/// <param name="Gateway">The port clients talk to it on.</param>
/// <param name="Web">The web host's port (dashboard, run pages, health).</param>
public sealed record SiloPorts(int Silo, int Gateway, int Web)
{
    /// <summary>
    /// Three ports the system picks, held until just before the silo binds them (see <see cref="ClosedPort"/>). Keep the
    /// value to start another silo process on the same ports (a restart on the same address).
    /// </summary>
    public static SiloPorts Pick()
    {
        using var silo = new ClosedPort();
        using var gateway = new ClosedPort();
        using var web = new ClosedPort();
        return new SiloPorts(silo.Port, gateway.Port, web.Port);
    }
}
