using Microsoft.Extensions.Options;
using Tributary.Handlers;

namespace Tributary.Options;

/// <summary>
/// Checks the configured global default result handler (<see cref="ResultHandlerOptions"/>) on a silo, when first read
/// and at the silo's start: it must name a kind, and a kind this host has registered.
/// </summary>
internal sealed class ResultHandlerOptionsValidator(IResultHandlerCatalog handlers) : IValidateOptions<ResultHandlerOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, ResultHandlerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ResultHandlerDescriptor descriptor;
        try
        {
            descriptor = options.ToDescriptor();
        }
        catch (ArgumentException ex)
        {
            return ValidateOptionsResult.Fail(ex.Message);
        }

        return handlers.IsRegistered(descriptor.Kind)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(
                $"{ResultHandlerOptions.SectionName}:{nameof(options.Kind)} is '{descriptor.Kind}', a handler kind this host has not "
                + "registered (register it, e.g. with AddAzureBlobResultHandler, or configure 'local').");
    }
}
