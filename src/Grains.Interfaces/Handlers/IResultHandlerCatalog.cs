namespace Tributary.Handlers;

/// <summary>Rebuilds result handlers from their descriptions, with the host's own configuration and credentials.</summary>
public interface IResultHandlerCatalog
{
    /// <summary>Gives the handler that a descriptor describes.</summary>
    /// <param name="descriptor">The handler's description, as stored in a safe result or set on a flow or task.</param>
    /// <exception cref="UnknownResultHandlerException">No handler kind of that name is registered on this host.</exception>
    IResultHandler GetHandler(ResultHandlerDescriptor descriptor);

    /// <summary>Whether a handler kind is registered.</summary>
    /// <param name="kind">The handler kind.</param>
    bool IsRegistered(string kind);
}
