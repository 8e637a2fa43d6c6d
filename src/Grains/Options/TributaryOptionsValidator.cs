using Microsoft.Extensions.Options;

namespace Tributary.Options;

/// <summary>
/// Checks <see cref="TributaryOptions"/> when they are first read, and at the silo's start (<c>ValidateOnStart</c>):
/// each setting out of range is reported by its configuration key, all of them at once.
/// </summary>
internal sealed class TributaryOptionsValidator : IValidateOptions<TributaryOptions>
{
    private const string Section = TributaryOptions.SectionName;

    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, TributaryOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.ProgressCheckInterval <= TimeSpan.Zero)
        {
            failures.Add($"{Section}:{nameof(options.ProgressCheckInterval)} must be positive; it is {options.ProgressCheckInterval}.");
        }

        if (options.MaxLostAttempts < 0)
        {
            failures.Add($"{Section}:{nameof(options.MaxLostAttempts)} must be zero or more; it is {options.MaxLostAttempts}.");
        }

        if (options.ShutdownDrainTimeout < TimeSpan.Zero)
        {
            failures.Add($"{Section}:{nameof(options.ShutdownDrainTimeout)} must be zero or more; it is {options.ShutdownDrainTimeout}.");
        }

        if (options.InputConcurrency < 1)
        {
            failures.Add($"{Section}:{nameof(options.InputConcurrency)} must be at least 1; it is {options.InputConcurrency}.");
        }

        if (options.DirectReadAbove < -1)
        {
            failures.Add($"{Section}:{nameof(options.DirectReadAbove)} must be -1 (never) or a size in bytes; it is {options.DirectReadAbove}.");
        }

        var retry = options.StorageRetry;
        if (retry is null)
        {
            failures.Add($"{Section}:{nameof(options.StorageRetry)} must be set.");
        }
        else if (retry.MaxDuration < TimeSpan.Zero || retry.FirstDelay <= TimeSpan.Zero || retry.MaxDelay < retry.FirstDelay)
        {
            failures.Add(
                $"{Section}:{nameof(options.StorageRetry)} needs MaxDuration >= 0, FirstDelay > 0 and MaxDelay >= FirstDelay; it has "
                + $"MaxDuration {retry.MaxDuration}, FirstDelay {retry.FirstDelay}, MaxDelay {retry.MaxDelay}.");
        }

        if (options.MaxMessageLength < 100)
        {
            failures.Add($"{Section}:{nameof(options.MaxMessageLength)} must be at least 100; it is {options.MaxMessageLength}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
