using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Orleans.Hosting.Kubernetes;
using Tributary.Hosting;
using Tributary.Options;
using Tributary.Tests.Infrastructure;
using Tributary.Web.Options;

namespace Tributary.Tests.Deploy;

/// <summary>
/// deploy/docker and deploy/kubernetes cannot run here (no container runtime): their environment variables and ports are
/// checked against what the silo reads, so they cannot drift from the code.
/// </summary>
public sealed class DeployManifestTests
{
    private static readonly string Docker = Path.Combine(RepositoryRoot.Path, "deploy", "docker");
    private static readonly string Kubernetes = Path.Combine(RepositoryRoot.Path, "deploy", "kubernetes");

    [Fact]
    public void Dockerfile_SetsOnlyKnownSettingsAndExposesTheSilosPorts()
    {
        var image = ReadImage();

        AssertKnown(image.Settings);
        Assert.NotEmpty(image.Ports);
        AssertListened(image.Ports, image.ListeningPorts());
        // The image's web host is exposed, so every deployment of it must give the API key (checked below).
        Assert.False(Web(image).IsLoopbackOnly);
    }

    [Fact]
    public void Compose_ThreeSilosWithDistinctAddresses_SetOnlyKnownSettingsAndPublishTheirPorts()
    {
        var silos = DeployManifests.ReadCompose("compose.yaml", File.ReadAllText(Path.Combine(Docker, "compose.yaml")), ReadImage());

        Assert.Equal(3, silos.Count);
        foreach (var silo in silos)
        {
            AssertKnown(silo.Settings);
            AssertListened(silo.Ports, silo.ListeningPorts());
            AssertValidCluster(silo);
        }

        Assert.Contains(silos, s => s.Ports.Count > 0);
        var addresses = silos.Select(s => Cluster(s).AdvertisedAddress).ToList();
        Assert.Equal(addresses.Count, addresses.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Kubernetes_DeploymentAndServices_SetOnlyKnownSettingsAndTargetTheSilosPorts()
    {
        var image = ReadImage();
        var containers = new List<SiloContainer>();
        var servicePorts = new List<DeployPort>();
        foreach (var file in Directory.GetFiles(Kubernetes, "*.yaml"))
        {
            var (fileContainers, fileServicePorts) = DeployManifests.ReadKubernetes(Path.GetFileName(file), File.ReadAllText(file), image);
            containers.AddRange(fileContainers);
            servicePorts.AddRange(fileServicePorts);
        }

        var silo = Assert.Single(containers);
        AssertKnown(silo.Settings);
        AssertListened(silo.Ports, silo.ListeningPorts());
        AssertValidCluster(silo);
        Assert.True(Cluster(silo).Kubernetes, "The Deployment must set Tributary__Cluster__Kubernetes=true.");
        foreach (var variable in DeployManifests.OtherVariables)
        {
            Assert.Contains(silo.Settings, s => s.Name == variable);
        }

        // Orleans finds the cluster's pods by these labels; ORLEANS_SERVICE_ID and ORLEANS_CLUSTER_ID (read from them)
        // override Tributary's ids, so they must agree.
        Assert.Equal(Cluster(silo).ServiceId, silo.PodLabels[KubernetesHostingOptions.ServiceIdLabel]);
        Assert.Equal(Cluster(silo).ClusterId, silo.PodLabels[KubernetesHostingOptions.ClusterIdLabel]);

        Assert.Equal(2, servicePorts.Count);
        AssertListened(servicePorts, silo.ListeningPorts());
        var cluster = Cluster(silo);
        Assert.Contains(servicePorts, p => p.Port == cluster.GatewayPort);
        Assert.Contains(servicePorts, p => p.Port == Web(silo).UrlList.Select(u => new Uri(u).Port).Single());
    }

    [Fact]
    public void ReadCompose_UnknownSetting_IsReported()
    {
        const string yaml = """
            services:
              silo:
                image: tributary-silo
                environment:
                  <<: &common
                    Tributary__Cluster__Mode: AzureStorage
                  Tributary__Cluster__SiloPrt: "11112"
                  Tributary__ResultHandler__Settings__container: results
                  Tributary__FlowAssemblies__0: /flows/a.dll
            """;
        var silo = Assert.Single(DeployManifests.ReadCompose("bad.yaml", yaml, new SiloContainer("image", [], [])));

        var unknown = silo.Settings.Where(s => !DeployManifests.IsKnown(s.Name)).Select(s => s.Name).ToList();

        Assert.Equal(["Tributary__Cluster__SiloPrt"], unknown);
        Assert.Throws<Xunit.Sdk.TrueException>(() => AssertKnown(silo.Settings));
    }

    [Fact]
    public void ReadKubernetes_PortTheSiloDoesNotListenOn_IsReported()
    {
        const string yaml = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: silo
            spec:
              template:
                spec:
                  containers:
                    - name: silo
                      ports:
                        - containerPort: 8081
                      env:
                        - name: Tributary__Web__Urls
                          value: http://0.0.0.0:8080
            """;
        var silo = Assert.Single(DeployManifests.ReadKubernetes("bad.yaml", yaml, new SiloContainer("image", [], [])).Containers);

        Assert.Throws<Xunit.Sdk.TrueException>(() => AssertListened(silo.Ports, silo.ListeningPorts()));
    }

    [Fact]
    public void KnownKeys_ComeFromTheOptionsClasses()
    {
        Assert.True(DeployManifests.IsKnown("Tributary__Cluster__Kubernetes"));
        Assert.True(DeployManifests.IsKnown("Tributary__StorageRetry__MaxDuration"));
        Assert.True(DeployManifests.IsKnown("Tributary__FlowAssemblies__2"));
        Assert.True(DeployManifests.IsKnown("POD_NAME"));
        Assert.False(DeployManifests.IsKnown("Tributary__FlowAssemblies__x"));
        Assert.False(DeployManifests.IsKnown("Tributary__Web__Url"));
    }

    [Fact]
    public void ClusterKubernetes_IsBoundAndNeedsAzureStorage()
    {
        var cluster = Bind(new() { ["Tributary:Cluster:Mode"] = "AzureStorage", ["Tributary:Cluster:ConnectionString"] = "UseDevelopmentStorage=true", ["Tributary:Cluster:Kubernetes"] = "true" });
        Assert.True(cluster.Kubernetes);
        cluster.Validate();
        Assert.False(new ClusterHostingOptions().Kubernetes);

        var embedded = Bind(new() { ["Tributary:Cluster:Kubernetes"] = "true" });
        var error = Assert.Throws<ArgumentException>(embedded.Validate);
        Assert.Contains("Tributary:Cluster:Kubernetes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UseTributaryHosting_Kubernetes_AddsOrleansKubernetesHosting()
    {
        static bool HasKubernetesHosting(Dictionary<string, string?> settings)
        {
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
            var services = new ServiceCollection();
            services.AddOrleans(silo => silo.UseTributaryHosting(configuration));
            return services.Any(d => d.ServiceType == typeof(IConfigureOptions<KubernetesHostingOptions>));
        }

        var azure = new Dictionary<string, string?> { ["Tributary:Cluster:Mode"] = "AzureStorage", ["Tributary:Cluster:ConnectionString"] = "UseDevelopmentStorage=true" };
        Assert.False(HasKubernetesHosting(azure));
        azure["Tributary:Cluster:Kubernetes"] = "true";
        Assert.True(HasKubernetesHosting(azure));
    }

    private static ClusterHostingOptions Bind(Dictionary<string, string?> settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings).Build()
            .GetSection(ClusterHostingOptions.SectionName).Get<ClusterHostingOptions>() ?? new ClusterHostingOptions();

    private static SiloContainer ReadImage() => DeployManifests.ReadDockerfile("Dockerfile", File.ReadAllText(Path.Combine(Docker, "Dockerfile")));

    private static IConfiguration Configuration(SiloContainer silo) =>
        new ConfigurationBuilder()
            // The container's own environment overrides the image's: the last value of a key wins.
            .AddInMemoryCollection(silo.Settings
                .GroupBy(s => DeployManifests.ToKey(s.Name), StringComparer.OrdinalIgnoreCase)
                .Select(g => KeyValuePair.Create<string, string?>(g.Key, g.Last().Value ?? "from-the-pod-or-a-secret")))
            .Build();

    private static ClusterHostingOptions Cluster(SiloContainer silo) =>
        Configuration(silo).GetSection(ClusterHostingOptions.SectionName).Get<ClusterHostingOptions>() ?? new ClusterHostingOptions();

    private static TributaryWebOptions Web(SiloContainer silo) =>
        Configuration(silo).GetSection(TributaryWebOptions.SectionName).Get<TributaryWebOptions>() ?? new TributaryWebOptions();

    // The settings make a cluster member whose exposed web host has its API key.
    private static void AssertValidCluster(SiloContainer silo)
    {
        var cluster = Cluster(silo);
        Assert.Equal(ClusterMode.AzureStorage, cluster.Mode);
        if (silo.Settings.Any(s => DeployManifests.ToKey(s.Name) == "Tributary:Cluster:AdvertisedAddress" && s.Value is not null))
        {
            cluster.Validate();
        }

        var web = Web(silo);
        Assert.False(web.IsLoopbackOnly);
        Assert.True(web.RequiresAuthentication, $"{silo.Source}: an exposed web host needs Tributary__Web__ApiKey.");
        Assert.Contains(silo.Settings, s => s.Name == "Tributary__Cache__DigestKey");
    }

    private static void AssertKnown(IEnumerable<DeploySetting> settings)
    {
        var unknown = settings.Where(s => !DeployManifests.IsKnown(s.Name)).Select(s => $"{s.Source}: {s.Name}").ToList();
        Assert.True(unknown.Count == 0, "Settings the silo does not read: " + string.Join(", ", unknown));
    }

    private static void AssertListened(IEnumerable<DeployPort> ports, IReadOnlySet<int> listening)
    {
        var strays = ports.Where(p => !listening.Contains(p.Port)).Select(p => $"{p.Source}: {p.Port}").ToList();
        Assert.True(
            strays.Count == 0,
            $"Ports the silo does not listen on (it listens on {string.Join(", ", listening.Order())}): {string.Join(", ", strays)}");
    }
}
