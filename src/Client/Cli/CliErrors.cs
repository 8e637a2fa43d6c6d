using Orleans.Runtime;
using Orleans.Runtime.Messaging;
using Spectre.Console;
using Spectre.Console.Cli;
using Tributary.Client;
using Tributary.Flows;
using Tributary.Grains;
using Tributary.States;

namespace Tributary.Cli;

/// <summary>Reports an error that ended a command: one <c>error:</c> line, and the exit code that says what kind it was.</summary>
internal static class CliErrors
{
    /// <summary>Prints the error's message on one line (never a stack trace) and gives its <see cref="CliExitCode"/>.</summary>
    /// <param name="exception">The error.</param>
    public static int Report(Exception exception)
    {
        // Tributary's own errors say what is wrong and where: show their message; of anything else, the innermost one.
        var error = exception is TributaryException or ArgumentException or TimeoutException or CommandAppException
            ? exception
            : exception.GetBaseException();
        // One line, however long: written past Spectre's word wrapping, so a script can take it as it is.
        AnsiConsole.Markup("[red]error:[/] ");
        AnsiConsole.Profile.Out.Writer.WriteLine(error.Message.ReplaceLineEndings(" "));
        return ExitCodeOf(exception);
    }

    /// <summary>The exit code for an error.</summary>
    /// <param name="exception">The error.</param>
    public static int ExitCodeOf(Exception exception) => exception switch
    {
        ClusterUnreachableException => CliExitCode.Unreachable,
        FlowRunNotFoundException or UnknownFlowException or FlowVersionNotFoundException => CliExitCode.NotFound,
        FlowRunNotResumableException { Status: FlowRunStatus.NotFound } => CliExitCode.NotFound,
        TimeoutException => CliExitCode.Timeout,
        // Mid-command, the gateway went away and no other answered.
        SiloUnavailableException or ConnectionFailedException => CliExitCode.Unreachable,
        CommandAppException or ArgumentException or FlowValidationException or FlowRunConflictException or FlowRunNotResumableException
            => CliExitCode.BadInput,
        _ => CliExitCode.OtherError,
    };
}
