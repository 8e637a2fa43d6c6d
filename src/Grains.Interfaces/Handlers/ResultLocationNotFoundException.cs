namespace Tributary.Handlers;

/// <summary>A handler was asked to read a location where nothing is stored (any more).</summary>
[GenerateSerializer, Alias("tributary.location-not-found-error")]
public sealed class ResultLocationNotFoundException : TributaryException
{
    /// <summary>Creates the error.</summary>
    /// <param name="location">The location that was read, as the handler wrote it.</param>
    /// <param name="handler">The handler that read it.</param>
    /// <param name="innerException">The storage error, if any.</param>
    public ResultLocationNotFoundException(string location, ResultHandlerDescriptor handler, Exception? innerException = null)
        : base($"No result is stored at {location} (handler {handler}): it was deleted or never written.", innerException)
    {
        Location = location;
        Handler = handler;
    }

    /// <summary>The location that was read.</summary>
    [Id(0)]
    public string Location { get; }

    /// <summary>The handler that read it.</summary>
    [Id(1)]
    public ResultHandlerDescriptor Handler { get; }
}
