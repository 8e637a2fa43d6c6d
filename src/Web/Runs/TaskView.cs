namespace Tributary.Web.Runs;

/// <summary>One row of a run's tasks.</summary>
/// <param name="Name">The task's name (<c>map[3]</c> for a map's child, <c>map[…]</c> for a row that counts children not shown).</param>
/// <param name="Status">Its status; empty for a row that counts children.</param>
/// <param name="Attempt">The current or last attempt (0 before the first).</param>
/// <param name="DurationMs">How long it ran, in milliseconds, until now while unfinished; <see langword="null"/> before it started.</param>
/// <param name="Output">The stored output's safe value (a URI, a path, or JSON); <see langword="null"/> while nothing is stored.</param>
/// <param name="OutputLink">The safe value as an http(s) link, when it is one.</param>
/// <param name="Message">Why it failed, retries or did not run.</param>
/// <param name="Summary">For a map, its children by status; for a row that counts children, what it counts.</param>
public sealed record TaskView(
    string Name,
    string Status,
    int Attempt,
    long? DurationMs,
    string? Output,
    string? OutputLink,
    string? Message,
    string? Summary);
