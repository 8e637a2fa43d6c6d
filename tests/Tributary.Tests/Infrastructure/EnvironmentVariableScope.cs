namespace Tributary.Tests.Infrastructure;

/// <summary>Sets an environment variable and restores its previous value on dispose.</summary>
/// <remarks>Environment variables are process-wide: use only in <see cref="ProcessEnvironmentCollection"/>.</remarks>
public sealed class EnvironmentVariableScope : IDisposable
{
    private readonly string _name;
    private readonly string? _previous;

    /// <summary>Sets <paramref name="name"/> to <paramref name="value"/> (<see langword="null"/> removes it).</summary>
    public EnvironmentVariableScope(string name, string? value)
    {
        _name = name;
        _previous = Environment.GetEnvironmentVariable(name);
        Environment.SetEnvironmentVariable(name, value);
    }

    /// <inheritdoc />
    public void Dispose() => Environment.SetEnvironmentVariable(_name, _previous);
}
