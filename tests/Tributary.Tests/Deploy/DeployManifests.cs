using System.Collections;
using System.Globalization;
using System.Reflection;
using Orleans.Hosting.Kubernetes;
using Tributary.Handlers.AzureBlob.Options;
using Tributary.Hosting;
using Tributary.Options;
using Tributary.Web.Options;
using YamlDotNet.RepresentationModel;

namespace Tributary.Tests.Deploy;

/// <summary>An environment variable a deployment file sets; <see cref="Value"/> is null when it comes from a secret or the pod.</summary>
internal sealed record DeploySetting(string Source, string Name, string? Value);

/// <summary>A port a deployment file opens (EXPOSE, containerPort, a published port's container side, targetPort).</summary>
internal sealed record DeployPort(string Source, int Port);

/// <summary>One silo container's settings (the image's ENV, then its own) and the ports it opens.</summary>
internal sealed record SiloContainer(string Source, IReadOnlyList<DeploySetting> Settings, IReadOnlyList<DeployPort> Ports)
{
    /// <summary>The labels of the pod the container runs in (Kubernetes); empty elsewhere.</summary>
    public IReadOnlyDictionary<string, string> PodLabels { get; init; } = new Dictionary<string, string>();

    /// <summary>The ports the silo listens on with these settings: silo, gateway and web.</summary>
    public IReadOnlySet<int> ListeningPorts()
    {
        string? Last(string key) => Settings.LastOrDefault(s => string.Equals(DeployManifests.ToKey(s.Name), key, StringComparison.OrdinalIgnoreCase))?.Value;
        var defaults = new ClusterHostingOptions();
        var ports = new HashSet<int>
        {
            int.Parse(Last($"{ClusterHostingOptions.SectionName}:{nameof(ClusterHostingOptions.SiloPort)}") ?? defaults.SiloPort.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture),
            int.Parse(Last($"{ClusterHostingOptions.SectionName}:{nameof(ClusterHostingOptions.GatewayPort)}") ?? defaults.GatewayPort.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture),
        };
        var web = new TributaryWebOptions { Urls = Last($"{TributaryWebOptions.SectionName}:{nameof(TributaryWebOptions.Urls)}") ?? TributaryWebOptions.DefaultUrls };
        foreach (var url in web.UrlList)
        {
            ports.Add(new Uri(url.Replace("*", "localhost", StringComparison.Ordinal).Replace("+", "localhost", StringComparison.Ordinal)).Port);
        }

        return ports;
    }
}

/// <summary>
/// Reads deploy/docker (Dockerfile ENV and EXPOSE lines, compose.yaml) and deploy/kubernetes (Deployments and Services),
/// and knows which configuration keys the silo reads, so the files cannot drift from the code.
/// </summary>
internal static class DeployManifests
{
    /// <summary>The silo image's name in compose.yaml and the Deployment.</summary>
    public const string SiloImage = "tributary-silo";

    /// <summary>Environment variables the silo reads that are not configuration keys: Orleans' Kubernetes hosting.</summary>
    public static readonly IReadOnlySet<string> OtherVariables = new HashSet<string>(StringComparer.Ordinal)
    {
        KubernetesHostingOptions.PodNameEnvironmentVariable,
        KubernetesHostingOptions.PodNamespaceEnvironmentVariable,
        KubernetesHostingOptions.PodIPEnvironmentVariable,
        KubernetesHostingOptions.ServiceIdEnvironmentVariable,
        KubernetesHostingOptions.ClusterIdEnvironmentVariable,
    };

    private static readonly Lazy<IReadOnlyList<string>> KnownKeyPatterns = new(BuildKnownKeys);

    /// <summary>Maps an environment variable name to its configuration key: <c>A__B__C</c> is <c>A:B:C</c>.</summary>
    public static string ToKey(string variable) => variable.Replace("__", ":", StringComparison.Ordinal);

    /// <summary>
    /// The configuration keys the silo reads, from its options classes (<c>*</c> is any dictionary key, <c>#</c> a list index).
    /// </summary>
    public static IReadOnlyList<string> KnownKeys => KnownKeyPatterns.Value;

    /// <summary>Whether the silo reads this environment variable (a configuration key it binds, or one Orleans reads).</summary>
    public static bool IsKnown(string variable)
    {
        if (OtherVariables.Contains(variable))
        {
            return true;
        }

        var segments = ToKey(variable).Split(':');
        return KnownKeys.Any(pattern => Matches(pattern.Split(':'), segments));
    }

    /// <summary>Reads a Dockerfile's ENV (<c>ENV K=V</c> pairs) and EXPOSE lines.</summary>
    public static SiloContainer ReadDockerfile(string source, string text)
    {
        var settings = new List<DeploySetting>();
        var ports = new List<DeployPort>();
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length < 2)
            {
                continue;
            }

            if (parts[0].Equals("ENV", StringComparison.OrdinalIgnoreCase))
            {
                foreach (var pair in parts.Skip(1))
                {
                    var equals = pair.IndexOf('=', StringComparison.Ordinal);
                    Assert.True(equals > 0, $"{source}: write ENV as K=V pairs: '{line}'.");
                    settings.Add(new DeploySetting(source, pair[..equals], pair[(equals + 1)..]));
                }
            }
            else if (parts[0].Equals("EXPOSE", StringComparison.OrdinalIgnoreCase))
            {
                ports.AddRange(parts.Skip(1).Select(p => new DeployPort(source, ParsePort(source, p.Split('/')[0]))));
            }
        }

        return new SiloContainer(source, settings, ports);
    }

    /// <summary>
    /// Reads a compose file's silo services (those built from the Dockerfile or running <see cref="SiloImage"/>): their
    /// environment over the image's, and the container side of their published ports.
    /// </summary>
    public static IReadOnlyList<SiloContainer> ReadCompose(string source, string yaml, SiloContainer image)
    {
        var root = Flatten(Documents(yaml).Single());
        var services = Flatten(Child(root, "services") as YamlMappingNode ?? throw new InvalidOperationException($"{source}: no services."));
        var silos = new List<SiloContainer>();
        foreach (var (name, node) in services)
        {
            var service = Flatten((YamlMappingNode)node);
            var isSilo = service.ContainsKey("build") || (Scalar(Child(service, "image"))?.StartsWith(SiloImage, StringComparison.Ordinal) ?? false);
            if (!isSilo)
            {
                continue;
            }

            var where = $"{source} ({name})";
            var settings = new List<DeploySetting>(image.Settings);
            switch (Child(service, "environment"))
            {
                case YamlMappingNode map:
                    settings.AddRange(Flatten(map).Select(e => new DeploySetting(where, e.Key, Scalar(e.Value))));
                    break;
                case YamlSequenceNode list:
                    foreach (var item in list.Select(Scalar))
                    {
                        var equals = item!.IndexOf('=', StringComparison.Ordinal);
                        settings.Add(equals < 0 ? new DeploySetting(where, item, null) : new DeploySetting(where, item[..equals], item[(equals + 1)..]));
                    }

                    break;
            }

            var ports = new List<DeployPort>();
            if (Child(service, "ports") is YamlSequenceNode published)
            {
                foreach (var port in published.Select(Scalar))
                {
                    var container = port!.Split('/')[0].Split(':')[^1];
                    ports.Add(new DeployPort(where, ParsePort(where, container)));
                }
            }

            silos.Add(new SiloContainer(where, settings, ports));
        }

        return silos;
    }

    /// <summary>
    /// Reads Kubernetes manifests: each Deployment's silo containers (environment over the image's, containerPorts) and
    /// every Service's numeric targetPorts (returned as the ports of the last item, source "Service").
    /// </summary>
    public static (IReadOnlyList<SiloContainer> Containers, IReadOnlyList<DeployPort> ServicePorts) ReadKubernetes(
        string source, string yaml, SiloContainer image)
    {
        var containers = new List<SiloContainer>();
        var servicePorts = new List<DeployPort>();
        foreach (var document in Documents(yaml))
        {
            var kind = Scalar(Child(document, "kind"));
            var name = Scalar(Child(Child(document, "metadata") as YamlMappingNode, "name"));
            var where = $"{source} ({kind} {name})";
            if (kind is "Deployment" or "StatefulSet")
            {
                var template = Child(Child(document, "spec") as YamlMappingNode, "template") as YamlMappingNode;
                var podSpec = Child(template, "spec") as YamlMappingNode;
                var labels = (Child(Child(template, "metadata") as YamlMappingNode, "labels") as YamlMappingNode)?.Children
                    .ToDictionary(e => Scalar(e.Key)!, e => Scalar(e.Value) ?? string.Empty, StringComparer.Ordinal) ?? [];
                foreach (var container in (Child(podSpec, "containers") as YamlSequenceNode ?? []).Cast<YamlMappingNode>())
                {
                    var settings = new List<DeploySetting>(image.Settings);
                    foreach (var variable in (Child(container, "env") as YamlSequenceNode ?? []).Cast<YamlMappingNode>())
                    {
                        settings.Add(new DeploySetting(where, Scalar(Child(variable, "name"))!, Scalar(Child(variable, "value"))));
                    }

                    var ports = (Child(container, "ports") as YamlSequenceNode ?? []).Cast<YamlMappingNode>()
                        .Select(p => new DeployPort(where, ParsePort(where, Scalar(Child(p, "containerPort")))))
                        .ToList();
                    containers.Add(new SiloContainer(where, settings, ports) { PodLabels = labels });
                }
            }
            else if (kind == "Service")
            {
                foreach (var port in (Child(Child(document, "spec") as YamlMappingNode, "ports") as YamlSequenceNode ?? []).Cast<YamlMappingNode>())
                {
                    var target = Scalar(Child(port, "targetPort")) ?? Scalar(Child(port, "port"));
                    // A named targetPort refers to a container port's name, which is checked as a containerPort.
                    if (int.TryParse(target, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
                    {
                        servicePorts.Add(new DeployPort(where, number));
                    }
                }
            }
        }

        return (containers, servicePorts);
    }

    private static int ParsePort(string source, string? text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 0 and <= 65535
            ? port
            : throw new InvalidOperationException($"{source}: '{text}' is not a port number.");

    private static IEnumerable<YamlMappingNode> Documents(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return stream.Documents.Select(d => d.RootNode).OfType<YamlMappingNode>();
    }

    private static YamlNode? Child(YamlMappingNode? map, string key) =>
        map is not null && map.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    private static YamlNode? Child(IReadOnlyDictionary<string, YamlNode> map, string key) => map.TryGetValue(key, out var value) ? value : null;

    private static string? Scalar(YamlNode? node) => (node as YamlScalarNode)?.Value;

    // Applies YAML merge keys (<<: *anchor), which the representation model leaves as a key named "<<".
    private static Dictionary<string, YamlNode> Flatten(YamlMappingNode map)
    {
        var result = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        foreach (var (key, value) in map.Children)
        {
            if (Scalar(key) != "<<")
            {
                continue;
            }

            var merged = value is YamlSequenceNode many ? many.Cast<YamlMappingNode>() : [(YamlMappingNode)value];
            foreach (var entry in merged.SelectMany(Flatten))
            {
                result[entry.Key] = entry.Value;
            }
        }

        foreach (var (key, value) in map.Children)
        {
            if (Scalar(key) is { } name && name != "<<")
            {
                result[name] = value;
            }
        }

        return result;
    }

    private static bool Matches(string[] pattern, string[] segments) =>
        pattern.Length == segments.Length
        && pattern.Zip(segments).All(p => p.First switch
        {
            "*" => p.Second.Length > 0,
            "#" => int.TryParse(p.Second, NumberStyles.None, CultureInfo.InvariantCulture, out _),
            _ => string.Equals(p.First, p.Second, StringComparison.OrdinalIgnoreCase),
        });

    private static IReadOnlyList<string> BuildKnownKeys()
    {
        var keys = new List<string> { $"{FlowAssemblyLoader.SettingName}:#" };
        keys.AddRange(KeysOf(ClusterHostingOptions.SectionName, typeof(ClusterHostingOptions)));
        keys.AddRange(KeysOf(TributaryOptions.SectionName, typeof(TributaryOptions)));
        keys.AddRange(KeysOf(ResultHandlerOptions.SectionName, typeof(ResultHandlerOptions)));
        keys.AddRange(KeysOf(CacheOptions.SectionName, typeof(CacheOptions)));
        keys.AddRange(KeysOf(AzureBlobResultHandlerOptions.SectionName, typeof(AzureBlobResultHandlerOptions)));
        keys.AddRange(KeysOf(TributaryWebOptions.SectionName, typeof(TributaryWebOptions)));
        keys.AddRange(KeysOf(TributaryClientOptions.SectionName, typeof(TributaryClientOptions)));
        return keys;
    }

    // The keys configuration binding sets on a type: public settable properties; dictionaries take any key, lists an
    // index; Tributary's own nested options are walked, other complex types (SDK client options) are not set from here.
    private static IEnumerable<string> KeysOf(string prefix, Type type)
    {
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.SetMethod is not { IsPublic: true } || property.GetIndexParameters().Length > 0)
            {
                continue;
            }

            var key = $"{prefix}:{property.Name}";
            var propertyType = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            if (propertyType.IsPrimitive || propertyType.IsEnum || propertyType == typeof(string) || propertyType == typeof(decimal)
                || propertyType == typeof(TimeSpan) || propertyType == typeof(Uri) || propertyType == typeof(DateTimeOffset))
            {
                yield return key;
            }
            else if (propertyType.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IDictionary<,>)))
            {
                yield return $"{key}:*";
            }
            else if (typeof(IEnumerable).IsAssignableFrom(propertyType))
            {
                yield return $"{key}:#";
            }
            else if (propertyType.Namespace?.StartsWith("Tributary", StringComparison.Ordinal) == true)
            {
                foreach (var nested in KeysOf(key, propertyType))
                {
                    yield return nested;
                }
            }
        }
    }
}
