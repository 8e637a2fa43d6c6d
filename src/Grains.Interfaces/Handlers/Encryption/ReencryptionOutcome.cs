namespace Tributary.Handlers.Encryption;

/// <summary>What re-encrypting one stored result did.</summary>
public enum ReencryptionOutcome
{
    /// <summary>The object is already under the active key: nothing to do.</summary>
    Current = 0,

    /// <summary>Its data key was rewrapped under the active key and the object rewritten in place.</summary>
    Reencrypted = 1,

    /// <summary>A dry run: it would be rewrapped under the active key; nothing was written.</summary>
    WouldReencrypt = 2,
}
