namespace Tributary.Handlers;

/// <summary>
/// A handler kind registered in dependency injection; the host's <see cref="IResultHandlerCatalog"/> collects every
/// registration. Users register their own kinds the same way as the built-in cloud ones.
/// </summary>
/// <param name="Kind">The stable kind name stored in descriptors (never rename it once results exist).</param>
/// <param name="Factory">Builds a handler from a descriptor of that kind, with the host's services (credentials, options).</param>
public sealed record ResultHandlerRegistration(string Kind, Func<IServiceProvider, ResultHandlerDescriptor, IResultHandler> Factory);
