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

    /// <summary>Registers the flow that a provider defines.</summary>
    /// <typeparam name="TProvider">The provider, with a public parameterless constructor.</typeparam>
    /// <returns>This builder.</returns>
    public TributaryBuilder AddFlow<TProvider>()
        where TProvider : IFlowProvider, new() => AddFlow(new TProvider().Define());

    /// <summary>Registers the flow of every public, concrete <see cref="IFlowProvider"/> in an assembly.</summary>
    /// <param name="assembly">The assembly that holds the flows (as a silo loads grains).</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException">A provider has no public parameterless constructor.</exception>
    public TributaryBuilder AddFlowsFromAssembly(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        var providers = assembly.GetExportedTypes()
            .Where(type => type is { IsClass: true, IsAbstract: false } && typeof(IFlowProvider).IsAssignableFrom(type));
        foreach (var type in providers)
        {
            if (type.GetConstructor(Type.EmptyTypes) is null)
            {
                throw new ArgumentException($"Flow provider {type.FullName} needs a public parameterless constructor.", nameof(assembly));
            }

            AddFlow(((IFlowProvider)Activator.CreateInstance(type)!).Define());
        }

        return this;
    }
}
