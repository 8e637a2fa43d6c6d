namespace Tributary.Client.Retention;

/// <summary>One result retention tried to delete, and what became of it.</summary>
/// <param name="Result">The result.</param>
/// <param name="Outcome">What became of it.</param>
/// <param name="Error">Why it failed (the handler's error, one line); <see langword="null"/> unless <see cref="ResultDeletionOutcome.Failed"/>.</param>
public sealed record ResultDeletion(StoredResult Result, ResultDeletionOutcome Outcome, string? Error = null);
