using System.Reflection;
using Tributary.Client;

namespace Tributary.Tests.Web;

/// <summary>Guards that the CLI's and the SDK's embedded silo never open a web port: only src/Silo hosts the web side.</summary>
public sealed class EmbeddedSiloWebTests
{
    [Fact]
    public void HostingPackage_ReferencesNeitherTheWebSideNorAspNetCore()
    {
        var references = typeof(TributaryClientFactory).Assembly.GetReferencedAssemblies().Select(name => name.Name ?? string.Empty).ToArray();

        Assert.DoesNotContain("Tributary.Web", references);
        Assert.DoesNotContain(references, name => name.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));
    }
}
