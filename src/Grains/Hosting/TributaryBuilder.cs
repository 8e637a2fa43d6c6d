using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Tributary.Flows;

namespace Tributary.Hosting;

/// <summary>Registers the flows a silo runs (and gives access to its services for handler registrations).</summary>
public sealed class TributaryBuilder
{
    internal TributaryBuilder(ISiloBuilder silo)
    {
        Silo = silo;
    }

    /// <summary>The silo being configured (for storage providers and other silo-level additions).</summary>
    public ISiloBuilder Silo { get; }

    /// <summary>The silo's services.</summary>
    public IServiceCollection Services => Silo.Services;

    /// <summary>Registers a flow.</summary>
    /// <param name="flow">A built flow definition.</param>
    /// <returns>This builder.</returns>
    public TributaryBuilder AddFlow(FlowDefinition flow)
    {
        ArgumentNullException.ThrowIfNull(flow);
        Services.AddSingleton(flow);
        return this;
    }

    /// <summary>
    /// Registers the flow that a provider defines. The provider is created from the silo's services when the silo
    /// starts (with <see cref="ActivatorUtilities"/>: it need not be registered, and its constructor can take singleton
    /// services such as <c>IConfiguration</c> or <c>IOptions&lt;T&gt;</c>).
    /// </summary>
    /// <typeparam name="TProvider">The provider: a concrete class with a constructor the silo's services can call.</typeparam>
    /// <returns>This builder.</returns>
    /// <remarks>A provider the services cannot create stops the silo's start with an <see cref="InvalidOperationException"/> naming it and the missing service.</remarks>
    public TributaryBuilder AddFlow<TProvider>()
        where TProvider : class, IFlowProvider => AddProvider(typeof(TProvider));

    /// <summary>
    /// Registers the flow of every public, concrete <see cref="IFlowProvider"/> in an assembly, each created from the
    /// silo's services when the silo starts (see <see cref="AddFlow{TProvider}"/>).
    /// </summary>
    /// <param name="assembly">The assembly that holds the flows (as a silo loads grains).</param>
    /// <returns>This builder.</returns>
    public TributaryBuilder AddFlowsFromAssembly(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        var providers = assembly.GetExportedTypes()
            .Where(type => type is { IsClass: true, IsAbstract: false, ContainsGenericParameters: false } && typeof(IFlowProvider).IsAssignableFrom(type));
        foreach (var type in providers)
        {
            AddProvider(type);
        }

        return this;
    }

    // The definition is a singleton made from the provider when the flow catalog is first resolved (the silo's start),
    // in registration order among the other flows.
    private TributaryBuilder AddProvider(Type type)
    {
        Services.AddSingleton(services => Define(services, type));
        return this;
    }

    private static FlowDefinition Define(IServiceProvider services, Type type)
    {
        IFlowProvider provider;
        try
        {
            provider = (IFlowProvider)ActivatorUtilities.CreateInstance(services, type);
        }
        catch (InvalidOperationException ex)
        {
            throw new InvalidOperationException(
                $"Flow provider {type.FullName} could not be created from the silo's services: {ex.Message} Register what its "
                + "constructor takes on the silo (TributaryBuilder.Services, or the host's services).",
                ex);
        }

        return provider.Define();
    }
}
