using Microsoft.Extensions.Options;
using Tributary.Options;

namespace Tributary.Handlers;

/// <summary>
/// Decides which handler stores an output: the configured global default, overridden by the flow's handler,
/// overridden by the task's. Parameters always use the JSON handler, whatever is configured.
/// </summary>
public sealed class ResultHandlerResolver
{
    /// <summary>Creates the resolver over the configured global default.</summary>
    /// <param name="options">The global default (see <see cref="ResultHandlerOptions"/>).</param>
    /// <exception cref="ArgumentException">The configured default is invalid.</exception>
    public ResultHandlerResolver(IOptions<ResultHandlerOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        GlobalDefault = options.Value.ToDescriptor();
    }

    /// <summary>The configured global default.</summary>
    public ResultHandlerDescriptor GlobalDefault { get; }

    /// <summary>Resolves the handler of one output against the configured global default.</summary>
    /// <param name="flowHandler">The flow-level handler, if set.</param>
    /// <param name="taskHandler">The task-level handler, if set.</param>
    /// <param name="isParameter">Whether the output is a flow parameter.</param>
    public ResultHandlerDescriptor Resolve(ResultHandlerDescriptor? flowHandler, ResultHandlerDescriptor? taskHandler, bool isParameter) =>
        Resolve(GlobalDefault, flowHandler, taskHandler, isParameter);

    /// <summary>Resolves the handler of one output.</summary>
    /// <param name="globalDefault">The configured global default.</param>
    /// <param name="flowHandler">The flow-level handler, if set.</param>
    /// <param name="taskHandler">The task-level handler, if set.</param>
    /// <param name="isParameter">Whether the output is a flow parameter: then always <see cref="ResultHandlers.Json"/>.</param>
    public static ResultHandlerDescriptor Resolve(
        ResultHandlerDescriptor globalDefault,
        ResultHandlerDescriptor? flowHandler,
        ResultHandlerDescriptor? taskHandler,
        bool isParameter)
    {
        ArgumentNullException.ThrowIfNull(globalDefault);
        if (isParameter)
        {
            return ResultHandlers.Json;
        }

        return taskHandler ?? flowHandler ?? globalDefault;
    }
}
