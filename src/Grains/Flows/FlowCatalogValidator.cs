using Microsoft.Extensions.DependencyInjection;

namespace Tributary.Flows;

/// <summary>
/// Builds the flow catalog when the silo starts, so a flow provider that cannot be created, or a flow that names a
/// handler kind the host lacks, stops the start rather than a run.
/// </summary>
/// <remarks>
/// Flows are registrations, not options, so this is no <c>IValidateOptions&lt;T&gt;</c>: it is Orleans' own hook for
/// checks of a silo's configuration, which the silo runs before it starts (as Orleans checks its grain types).
/// </remarks>
internal sealed class FlowCatalogValidator(IServiceProvider services) : IConfigurationValidator
{
    /// <inheritdoc />
    public void ValidateConfiguration() => _ = services.GetRequiredService<IFlowCatalog>().Names;
}
