using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;

namespace Tributary.Handlers;

/// <summary>
/// The handler of a secret task (<see cref="Flows.FlowBuilder.Secret"/>): its safe value is the secret's name, never its
/// value, and reading fetches the secret's current value from the host's configuration, under
/// <see cref="DefaultSection"/> (<c>Tributary:Secrets:&lt;name&gt;</c>) unless the host configures another section in
/// <see cref="SectionKey"/>. Any configuration source works: environment variables (<c>Tributary__Secrets__db-password</c>),
/// user secrets, or a key vault configuration provider.
/// </summary>
/// <remarks>
/// <para>One handler per secret: its descriptor is <c>secret(name=…)</c>, and it stores nothing anywhere. Its write
/// returns the name, and accepts only the secret's current value (a string), so that a read gives back what was
/// written: any other value (a task's output mistakenly sent to it) is refused with a
/// <see cref="ResultHandlerContractException"/> that never shows the value. A rotation between a secret task's read and
/// its write therefore fails that attempt; a retry reads the new value.</para>
/// <para>A rotated secret is read as its new value by every later read (a checkpoint read back after a restart, the
/// inputs a retrying task cached), as configuration providers that reload show it. A missing secret is a
/// <see cref="SecretNotFoundException"/> naming the secret and the configuration key it was looked up under.</para>
/// <para>It cannot round-trip arbitrary values, so it does not run the conformance kit; deleting does nothing (a
/// secret belongs to its owner, not to a run).</para>
/// </remarks>
public sealed class SecretResultHandler : IResultHandler
{
    /// <summary>The kind name stored in descriptors.</summary>
    public const string Kind = "secret";

    /// <summary>The descriptor setting that holds the secret's name.</summary>
    public const string NameSetting = "name";

    /// <summary>The configuration section secrets are looked up under when the host sets no <see cref="SectionKey"/>.</summary>
    public const string DefaultSection = "Tributary:Secrets";

    /// <summary>The configuration key in which a host may name another section to look secrets up under.</summary>
    public const string SectionKey = "Tributary:SecretSection";

    private readonly IConfiguration _configuration;

    /// <summary>Creates the handler of one secret.</summary>
    /// <param name="name">The secret's name (see <see cref="CheckName"/>).</param>
    /// <param name="configuration">The host's configuration, read at each read (so a rotation shows).</param>
    /// <param name="section">The section secrets live under; <see cref="DefaultSection"/> when <see langword="null"/>.</param>
    /// <exception cref="ArgumentException">The name or the section is invalid.</exception>
    public SecretResultHandler(string name, IConfiguration configuration, string? section = null)
    {
        CheckName(name, nameof(name));
        ArgumentNullException.ThrowIfNull(configuration);
        if (section is not null && (string.IsNullOrWhiteSpace(section) || section.Trim() != section))
        {
            throw new ArgumentException($"'{section}' is not a configuration section: give a non-empty key path such as '{DefaultSection}'.", nameof(section));
        }

        Name = name;
        Section = section ?? DefaultSection;
        ConfigurationKey = $"{Section}:{name}";
        _configuration = configuration;
        Descriptor = Describe(name);
    }

    /// <summary>The secret's name: the safe value of everything this handler writes.</summary>
    public string Name { get; }

    /// <summary>The configuration section the secret is looked up under.</summary>
    public string Section { get; }

    /// <summary>The configuration key the secret is read from (<see cref="Section"/>:<see cref="Name"/>).</summary>
    public string ConfigurationKey { get; }

    /// <inheritdoc />
    public ResultHandlerDescriptor Descriptor { get; }

    /// <summary>The descriptor of the handler of secret <paramref name="name"/>.</summary>
    /// <param name="name">The secret's name.</param>
    /// <exception cref="ArgumentException">The name is invalid.</exception>
    public static ResultHandlerDescriptor Describe(string name)
    {
        CheckName(name, nameof(name));
        return new(Kind, [new(NameSetting, name)]);
    }

    /// <summary>Rebuilds a handler from its descriptor, on a host with <paramref name="configuration"/>.</summary>
    /// <param name="descriptor">A <c>secret</c> descriptor.</param>
    /// <param name="configuration">The host's configuration; its <see cref="SectionKey"/>, if set, names the section.</param>
    /// <exception cref="ArgumentException">The descriptor is not a secret's, or names no valid secret.</exception>
    public static SecretResultHandler FromDescriptor(ResultHandlerDescriptor descriptor, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        ArgumentNullException.ThrowIfNull(configuration);
        if (descriptor.Kind != Kind || descriptor.GetSetting(NameSetting) is not { } name)
        {
            throw new ArgumentException($"Descriptor {descriptor} is not a secret's: expected kind '{Kind}' with a '{NameSetting}' setting.", nameof(descriptor));
        }

        return new SecretResultHandler(name, configuration, configuration[SectionKey]);
    }

    /// <summary>Checks a secret's name: non-empty, no leading or trailing spaces, no ':' (a configuration path separator) or '/'.</summary>
    /// <param name="name">The name.</param>
    /// <param name="paramName">The parameter, for the error.</param>
    /// <exception cref="ArgumentException">The name is invalid.</exception>
    public static void CheckName(string name, string paramName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name, paramName);
        if (name.Trim() != name || name.Contains(':') || name.Contains('/'))
        {
            throw new ArgumentException($"'{name}' is not a valid secret name: no ':' or '/', and no leading or trailing spaces.", paramName);
        }
    }

    /// <summary>Reads the secret's current value.</summary>
    /// <exception cref="SecretNotFoundException">The configuration has no value at <see cref="ConfigurationKey"/>.</exception>
    public string ReadValue() =>
        _configuration[ConfigurationKey] is { Length: > 0 } value ? value : throw new SecretNotFoundException(Name, ConfigurationKey);

    /// <inheritdoc />
    /// <returns>The secret's name, as a JSON string.</returns>
    /// <exception cref="ResultHandlerContractException">The value is not the secret's current value (it is never shown).</exception>
    public Task<JsonNode?> WriteAsync(object? value, Type valueType, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(valueType);
        if (value is not string text || !string.Equals(text, ReadValue(), StringComparison.Ordinal))
        {
            throw new ResultHandlerContractException(
                $"The secret handler of '{Name}' stores only that secret's current value (configuration key '{ConfigurationKey}'), and was given another {valueType}. " +
                "Declare a secret with FlowBuilder.Secret; a task's own output cannot be stored as a secret. (A rotation between the read and the write also gives this error; a retry reads the new value.)");
        }

        return Task.FromResult<JsonNode?>(JsonValue.Create(Name));
    }

    /// <inheritdoc />
    /// <returns>The secret's current value.</returns>
    /// <exception cref="ArgumentException">The location is not this secret's name, or the type is not <see cref="string"/>.</exception>
    /// <exception cref="SecretNotFoundException">The secret is not configured (any more).</exception>
    public Task<object?> ReadAsync(JsonNode? location, Type valueType, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(valueType);
        if (location is not JsonValue named || !named.TryGetValue(out string? name) || name != Name)
        {
            throw new ArgumentException(
                $"The secret handler of '{Name}' reads only the location \"{Name}\", and was given {location?.ToJsonString() ?? "null"}.", nameof(location));
        }

        if (!valueType.IsAssignableFrom(typeof(string)))
        {
            throw new ArgumentException($"Secret '{Name}' is a string and cannot be read as {valueType}.", nameof(valueType));
        }

        return Task.FromResult<object?>(ReadValue());
    }
}
