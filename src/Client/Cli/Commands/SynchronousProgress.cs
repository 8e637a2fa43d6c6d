namespace Tributary.Cli.Commands;

/// <summary>
/// Runs its handler inside <see cref="Report"/>, on the reporting thread, so that what it prints comes before whatever
/// the caller prints next. (<see cref="Progress{T}"/> posts to the captured context, which in a console app is the
/// thread pool: its last lines could print after the final table.)
/// </summary>
/// <typeparam name="T">What is reported.</typeparam>
/// <param name="handler">Called with each report, before <see cref="Report"/> returns.</param>
internal sealed class SynchronousProgress<T>(Action<T> handler) : IProgress<T>
{
    /// <inheritdoc />
    public void Report(T value) => handler(value);
}
