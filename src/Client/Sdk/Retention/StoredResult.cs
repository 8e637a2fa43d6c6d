using Tributary.Results;

namespace Tributary.Client.Retention;

/// <summary>One result a run stored through a handler: the safe value (location and handler descriptor) and what it was.</summary>
/// <param name="TaskName">The task run that stored it (a map's child as <c>map[i]</c>).</param>
/// <param name="Role">What it was to the run.</param>
/// <param name="Name">For a cached input, the input's name; otherwise <see langword="null"/>.</param>
/// <param name="Result">Its location and handler; deleted through the handler the client's catalog rebuilds from it.</param>
public sealed record StoredResult(string TaskName, StoredResultRole Role, string? Name, SafeResult Result)
{
    /// <summary>The location as text (the handler's JSON: a path, a URI).</summary>
    public string Location => Result.Json;
}
