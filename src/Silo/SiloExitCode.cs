namespace Tributary.Silo;

/// <summary>The silo process's exit codes (the README's "Silo configuration" lists them).</summary>
internal enum SiloExitCode
{
    /// <summary>The silo ran and stopped when asked (SIGTERM, Ctrl-C).</summary>
    Stopped = 0,

    /// <summary>The configuration is invalid: one line on standard error names the setting.</summary>
    ConfigurationError = 1,

    /// <summary>
    /// The configuration is valid but the silo could not start: a port in use, the cluster's storage not answering within
    /// <see cref="SiloStartOptions.StorageCheckTimeout"/> (20 s), or a start not done within
    /// <see cref="SiloStartOptions.StartTimeout"/> (2 min). One line says why.
    /// </summary>
    StartFailed = 2,

    /// <summary>An unexpected error: the full exception is written, for a bug report.</summary>
    Crashed = 3,
}
