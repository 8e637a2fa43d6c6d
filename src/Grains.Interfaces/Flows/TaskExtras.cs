namespace Tributary.Flows;

/// <summary>What a typed task's delegate takes after its inputs: the attempt's context, then its token (always last).</summary>
[Flags]
internal enum TaskExtras
{
    /// <summary>Inputs only.</summary>
    None = 0,

    /// <summary>A <see cref="TaskRunContext"/> after the inputs.</summary>
    Context = 1,

    /// <summary>A <see cref="CancellationToken"/> last.</summary>
    Token = 2,
}
