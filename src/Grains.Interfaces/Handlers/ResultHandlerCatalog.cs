using System.Collections.Concurrent;
using Tributary.Serialization;

namespace Tributary.Handlers;

/// <summary>
/// The handler kinds a host knows, each with a factory that builds a handler from a descriptor. The built-in
/// <c>json</c> and <c>local</c> kinds are registered by the constructor; cloud handlers and users' own kinds are
/// added with <see cref="Register"/>.
/// </summary>
/// <remarks>Handlers are built once per distinct descriptor and reused; registration is thread-safe.</remarks>
public sealed class ResultHandlerCatalog : IResultHandlerCatalog
{
    private readonly ConcurrentDictionary<string, Func<ResultHandlerDescriptor, IResultHandler>> _factories = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<ResultHandlerDescriptor, IResultHandler> _handlers = new();

    /// <summary>Creates a catalog with the built-in kinds, using <paramref name="serializer"/> for them.</summary>
    /// <param name="serializer">How values become bytes; the System.Text.Json serializer when <see langword="null"/>.</param>
    public ResultHandlerCatalog(IResultSerializer? serializer = null)
    {
        Serializer = serializer ?? SystemTextJsonResultSerializer.Default;
        Register(JsonResultHandler.Kind, _ => new JsonResultHandler(Serializer));
        Register(LocalResultHandler.Kind, descriptor => LocalResultHandler.FromDescriptor(descriptor, Serializer));
    }

    /// <summary>The serializer given to the built-in handlers and available to factories.</summary>
    public IResultSerializer Serializer { get; }

    /// <summary>Registers (or replaces) the factory of a handler kind.</summary>
    /// <param name="kind">The stable kind name stored in descriptors.</param>
    /// <param name="factory">Builds a handler from a descriptor of that kind.</param>
    /// <returns>This catalog.</returns>
    public ResultHandlerCatalog Register(string kind, Func<ResultHandlerDescriptor, IResultHandler> factory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(kind);
        ArgumentNullException.ThrowIfNull(factory);
        _factories[kind] = factory;
        foreach (var stale in _handlers.Keys.Where(d => d.Kind == kind))
        {
            _handlers.TryRemove(stale, out _);
        }

        return this;
    }

    /// <inheritdoc />
    public bool IsRegistered(string kind) => _factories.ContainsKey(kind);

    /// <inheritdoc />
    public IResultHandler GetHandler(ResultHandlerDescriptor descriptor)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        return _handlers.GetOrAdd(descriptor, Build);
    }

    private IResultHandler Build(ResultHandlerDescriptor descriptor)
    {
        if (!_factories.TryGetValue(descriptor.Kind, out var factory))
        {
            throw new UnknownResultHandlerException(descriptor.Kind, _factories.Keys.Order(StringComparer.Ordinal).ToArray());
        }

        var handler = factory(descriptor);
        if (handler.Descriptor.Kind != descriptor.Kind)
        {
            throw new ResultHandlerContractException(
                $"The factory registered for handler kind '{descriptor.Kind}' built a handler of kind '{handler.Descriptor.Kind}'.");
        }

        return handler;
    }
}
