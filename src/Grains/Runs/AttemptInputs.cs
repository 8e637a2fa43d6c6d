using Tributary.Handlers;
using Tributary.Results;

namespace Tributary.Runs;

/// <summary>The raw inputs of one attempt, kept in activation memory, with where each came from.</summary>
/// <param name="Values">The input values, in the task delegate's order.</param>
/// <param name="Origins">For each input, the handler of the node that produced it and its safe value if already stored.</param>
internal sealed record AttemptInputs(object?[] Values, InputOrigin[] Origins);

/// <summary>Where one input came from.</summary>
/// <param name="InputName">The task's input.</param>
/// <param name="InputType">The type it is read as.</param>
/// <param name="Handler">The handler of the upstream task (or the JSON handler for a parameter): a retry caches the input through it.</param>
/// <param name="SafeValue">The input's safe value when it is already stored (an upstream checkpoint, a cached input).</param>
internal sealed record InputOrigin(string InputName, Type InputType, ResultHandlerDescriptor Handler, SafeResult? SafeValue);
