namespace Tributary.Flows;

/// <summary>One input of a task: a parameter of its delegate, by name and type.</summary>
/// <param name="Name">The delegate parameter's name.</param>
/// <param name="Type">The type the input is read as.</param>
public sealed record TaskInput(string Name, Type Type);
