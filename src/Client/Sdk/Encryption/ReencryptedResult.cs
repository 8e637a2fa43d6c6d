using Tributary.Handlers.Encryption;

namespace Tributary.Client.Encryption;

/// <summary>One encrypted result of a run, and what re-encryption did to it.</summary>
/// <param name="TaskName">The task whose state holds the safe value.</param>
/// <param name="Role">Which of the task's results: <c>output</c>, or <c>cached input NAME</c> (a copy kept for a retry).</param>
/// <param name="Reencryption">Its location, its key id before and after, and what was done.</param>
public sealed record ReencryptedResult(string TaskName, string Role, ResultReencryption Reencryption);
