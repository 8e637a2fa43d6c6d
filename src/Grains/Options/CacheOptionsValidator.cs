using Microsoft.Extensions.Options;

namespace Tributary.Options;

/// <summary>Checks <see cref="CacheOptions"/> when they are first read, and at the silo's start (<c>ValidateOnStart</c>), naming the setting.</summary>
internal sealed class CacheOptionsValidator : IValidateOptions<CacheOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, CacheOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        try
        {
            options.Validate();
            return ValidateOptionsResult.Success;
        }
        catch (ArgumentException invalid)
        {
            return ValidateOptionsResult.Fail(invalid.Message);
        }
    }
}
