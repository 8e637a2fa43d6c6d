using Microsoft.Extensions.Options;
using Orleans.Runtime;

namespace Tributary.Silo;

/// <summary>
/// Turns an exception that stopped the silo's start into an exit code and one line, so that an operator reads what to
/// fix rather than a stack trace.
/// </summary>
internal static class StartupFailure
{
    /// <summary>
    /// Whether an exception reports a configuration mistake: options validation (<see cref="OptionsValidationException"/>,
    /// from <c>ValidateOnStart</c>), Orleans' own configuration checks (<see cref="OrleansConfigurationException"/>), and the
    /// <see cref="ArgumentException"/>s that Tributary's settings checks throw, each naming the setting.
    /// </summary>
    /// <param name="error">The exception.</param>
    public static bool IsConfigurationError(Exception error) => error switch
    {
        OptionsValidationException or OrleansConfigurationException or ArgumentException => true,
        // The configuration binder's "Failed to convert configuration value 'x' at 'Tributary:Cluster:Mode' ...".
        InvalidOperationException { InnerException: FormatException or NotSupportedException or ArgumentException } => true,
        // The host's start-up validator gathers every failed options check into one AggregateException.
        AggregateException aggregate => aggregate.InnerExceptions.Count > 0 && aggregate.InnerExceptions.All(IsConfigurationError),
        _ => false,
    };

    /// <summary>The message to print: one line, without .NET's "(Parameter '...')" suffix (the messages name the setting themselves).</summary>
    /// <param name="error">The exception.</param>
    public static string OneLine(Exception error)
    {
        var message = error switch
        {
            AggregateException aggregate => string.Join(" ", aggregate.InnerExceptions.Select(OneLine).Distinct(StringComparer.Ordinal)),
            OptionsValidationException validation => string.Join(" ", validation.Failures),
            ArgumentException { ParamName: { } name } argument => argument.Message.Replace($" (Parameter '{name}')", string.Empty, StringComparison.Ordinal),
            _ => error.Message,
        };
        return message.ReplaceLineEndings(" ").Trim();
    }

    /// <summary>Writes the error's line to standard error and gives the exit code.</summary>
    /// <param name="error">The exception that stopped the start.</param>
    /// <param name="whileStarting"><see langword="true"/> when it was thrown by the start itself (after configuration was read and checked).</param>
    public static SiloExitCode Report(Exception error, bool whileStarting)
    {
        if (IsConfigurationError(error))
        {
            Console.Error.WriteLine($"tributary silo: configuration error: {OneLine(error)}");
            return SiloExitCode.ConfigurationError;
        }

        if (whileStarting)
        {
            // Storage or network: the innermost message is the one that says what is unreachable.
            Console.Error.WriteLine($"tributary silo: could not start: {OneLine(error.GetBaseException())}");
            return SiloExitCode.StartFailed;
        }

        Console.Error.WriteLine($"tributary silo: unexpected error: {error}");
        return SiloExitCode.Crashed;
    }

    /// <summary>Writes the line for a cluster storage that did not answer before the start, and gives the exit code.</summary>
    /// <param name="problem">What did not answer and what to check (see <see cref="ClusterStorageCheck"/>).</param>
    public static SiloExitCode ReportStorageUnreachable(string problem)
    {
        Console.Error.WriteLine($"tributary silo: could not start: {problem}");
        return SiloExitCode.StartFailed;
    }

    /// <summary>Writes the line for a start that did not end within its timeout, and gives the exit code.</summary>
    /// <param name="timeout">The start timeout.</param>
    /// <param name="error">What the start threw when it was given up, if it threw anything but the cancellation.</param>
    public static SiloExitCode ReportStartTimedOut(TimeSpan timeout, Exception error)
    {
        var last = error.GetBaseException() is { } cause and not OperationCanceledException ? $" The last error: {OneLine(cause)}." : string.Empty;
        Console.Error.WriteLine(
            $"tributary silo: could not start: the start did not end within {timeout.TotalSeconds:0.#} s ({SiloStartOptions.SectionName}:{nameof(SiloStartOptions.StartTimeout)}).{last} "
            + "Check that the cluster's storage and the other silos are reachable from this host; the log above says what the start was waiting for.");
        return SiloExitCode.StartFailed;
    }
}
