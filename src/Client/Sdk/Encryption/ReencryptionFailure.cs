namespace Tributary.Client.Encryption;

/// <summary>An encrypted result of a run that could not be re-encrypted.</summary>
/// <param name="TaskName">The task whose state holds the safe value.</param>
/// <param name="Role">Which of the task's results: <c>output</c>, or <c>cached input NAME</c>.</param>
/// <param name="Message">Why: the location is gone, the object was tampered with, its key is not in the ring, or its
/// handler cannot rewrite in place. Never key material.</param>
public sealed record ReencryptionFailure(string TaskName, string Role, string Message);
