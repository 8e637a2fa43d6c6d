using Microsoft.Extensions.Options;
using Tributary.Handlers;
using Tributary.Handlers.Encryption;

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

        if (descriptor.Kind == EncryptedResultHandler.Kind && !handlers.IsRegistered(descriptor.Kind))
        {
            return ValidateOptionsResult.Fail(
                $"The default result handler {descriptor} is encrypted, but this host has no key ring: set {EncryptionOptions.SectionName}:"
                + $"{nameof(EncryptionOptions.ActiveKey)} and {EncryptionOptions.SectionName}:{nameof(EncryptionOptions.Keys)}:<id> (or call AddEncryptedResultHandler).");
        }

        string kind;
        try
        {
            // An encrypted default is as good as the handler it wraps.
            kind = descriptor.Kind == EncryptedResultHandler.Kind ? EncryptedDescriptor.InnerOf(descriptor).Kind : descriptor.Kind;
        }
        catch (ArgumentException ex)
        {
            return ValidateOptionsResult.Fail($"{ResultHandlerOptions.SectionName}: {ex.Message}");
        }

        return handlers.IsRegistered(kind)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(
                $"{ResultHandlerOptions.SectionName}:{nameof(options.Kind)} is '{kind}', a handler kind this host has not "
                + "registered (register it, e.g. with AddAzureBlobResultHandler, or configure 'local').");
    }
}
