namespace Tributary.Cli;

/// <summary>The command line's exit codes, listed in its help and in the README.</summary>
internal static class CliExitCode
{
    /// <summary>The command did what it was asked (for <c>run</c> and <c>resume</c>: the run succeeded).</summary>
    public const int Success = 0;

    /// <summary>The run ended without success (<c>run</c>, <c>resume</c>); its table says why.</summary>
    public const int RunFailed = 1;

    /// <summary>Invalid arguments or options, parameters that do not bind, a run id used with other parameters, a run that cannot be resumed.</summary>
    public const int BadInput = 2;

    /// <summary>No run with that id, or no flow (or flow version) with that name.</summary>
    public const int NotFound = 3;

    /// <summary>The run was not finished within <c>--timeout</c> (it goes on: follow it with <c>status</c>), or a call was not answered in time.</summary>
    public const int Timeout = 4;

    /// <summary>
    /// The cluster could not be reached: no gateway answered within the connect timeout, its storage could not be read, or
    /// a call found no live gateway while it was tried again for <c>Tributary:Client:RetryFor</c>.
    /// </summary>
    public const int Unreachable = 5;

    /// <summary>Any other error (a result handler's, say): its message on one <c>error:</c> line.</summary>
    public const int OtherError = 6;

    /// <summary>
    /// Ctrl-C while <c>run</c> follows its run (128 + SIGINT, the shell's convention): on a cluster the run is cancelled
    /// and followed to its end, and a second Ctrl-C detaches (the run goes on; the command says how to follow it); an
    /// embedded run ends with the command.
    /// </summary>
    public const int Interrupted = 130;

    /// <summary>The exit codes with what each means, for the help.</summary>
    public static IReadOnlyList<(int Code, string Meaning)> All { get; } =
    [
        (Success, "success (run, resume: the run succeeded)"),
        (RunFailed, "the run ended without success"),
        (BadInput, "bad input: arguments, options, parameters, a run id used with other parameters, a run that cannot be resumed"),
        (NotFound, "not found: no run with that id, or no flow with that name"),
        (Timeout, "timeout: the run was not finished within --timeout (it goes on), or a call was not answered in time"),
        (Unreachable, "unreachable: no gateway of the cluster answered within --connect-timeout, its storage could not be read, or a call found no live gateway within Tributary:Client:RetryFor"),
        (OtherError, "any other error"),
        (Interrupted, "Ctrl-C while run follows its run: on a cluster the run is cancelled (a second Ctrl-C detaches: it goes on; follow it with status RUN_ID)"),
    ];
}
