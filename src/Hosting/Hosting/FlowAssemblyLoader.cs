using System.Reflection;
using Microsoft.Extensions.Configuration;

namespace Tributary.Hosting;

/// <summary>
/// Loads the assemblies listed in <c>Tributary:FlowAssemblies</c>, whose flow providers the silo registers. An entry is
/// either the name of an assembly that ships with the silo (part of its build, so listed in its <c>deps.json</c>), or a
/// path to a DLL.
/// </summary>
/// <remarks>
/// An entry is a path when it ends in <c>.dll</c> or holds a directory separator. A relative path is looked for in the
/// working folder first, then in the silo's base directory. A DLL is loaded with <see cref="Assembly.LoadFrom(string)"/>
/// into the default load context, so it shares the silo's Tributary and Orleans assemblies, and the dependencies it
/// needs that the silo does not have are found beside it.
/// </remarks>
public sealed class FlowAssemblyLoader
{
    /// <summary>The configuration key that lists the assemblies.</summary>
    public const string SettingName = "Tributary:FlowAssemblies";

    private readonly string _workingDirectory;
    private readonly string _baseDirectory;

    /// <summary>Creates a loader that resolves relative paths against the process's working folder and <see cref="AppContext.BaseDirectory"/>.</summary>
    public FlowAssemblyLoader()
        : this(Directory.GetCurrentDirectory(), AppContext.BaseDirectory)
    {
    }

    /// <summary>Creates a loader that resolves relative paths against the given folders, in that order.</summary>
    /// <param name="workingDirectory">Looked in first.</param>
    /// <param name="baseDirectory">Looked in second (the silo's own folder).</param>
    public FlowAssemblyLoader(string workingDirectory, string baseDirectory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(workingDirectory);
        ArgumentException.ThrowIfNullOrWhiteSpace(baseDirectory);
        _workingDirectory = Path.GetFullPath(workingDirectory);
        _baseDirectory = Path.GetFullPath(baseDirectory);
    }

    /// <summary>Loads every assembly that <see cref="SettingName"/> lists; none when the setting is absent.</summary>
    /// <param name="configuration">The host's configuration.</param>
    /// <returns>The assemblies, in the order listed.</returns>
    /// <exception cref="ArgumentException">An entry is empty, or cannot be found or loaded; the message names the setting and the entry.</exception>
    public IReadOnlyList<Assembly> LoadConfigured(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var entries = configuration.GetSection(SettingName).Get<string[]>() ?? [];
        return entries.Select(Load).ToArray();
    }

    /// <summary>Loads one entry: an assembly name, or a path to a DLL.</summary>
    /// <param name="entry">The entry as configured.</param>
    /// <exception cref="ArgumentException">The entry is empty, or cannot be found or loaded; the message names the setting and the entry.</exception>
    public Assembly Load(string entry)
    {
        if (string.IsNullOrWhiteSpace(entry))
        {
            throw new ArgumentException($"{SettingName} has an empty entry; give an assembly name or a path to a DLL.", SettingName);
        }

        return IsPath(entry) ? LoadFromPath(entry) : LoadByName(entry);
    }

    /// <summary>Whether an entry is read as a path (it ends in <c>.dll</c> or holds a directory separator) rather than an assembly name.</summary>
    /// <param name="entry">The entry.</param>
    public static bool IsPath(string entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return entry.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)
            || entry.Contains('/')
            || entry.Contains('\\')
            || Path.IsPathRooted(entry);
    }

    private Assembly LoadByName(string name)
    {
        try
        {
            return Assembly.Load(name);
        }
        catch (Exception ex) when (ex is IOException or BadImageFormatException or ArgumentException)
        {
            throw new ArgumentException(
                $"{SettingName} entry '{name}' could not be loaded as an assembly name: {ex.Message} A name works only for an "
                + "assembly that ships with the silo (a reference of its project); give the path to a DLL otherwise.",
                SettingName,
                ex);
        }
    }

    private Assembly LoadFromPath(string entry)
    {
        var candidates = Path.IsPathRooted(entry)
            ? [Path.GetFullPath(entry)]
            : new[] { Path.GetFullPath(entry, _workingDirectory), Path.GetFullPath(entry, _baseDirectory) }.Distinct().ToArray();
        var path = candidates.FirstOrDefault(File.Exists)
            ?? throw new ArgumentException(
                $"{SettingName} entry '{entry}' is not a file; looked for {string.Join(" and ", candidates)}.", SettingName);
        try
        {
            return Assembly.LoadFrom(path);
        }
        catch (Exception ex) when (ex is IOException or BadImageFormatException)
        {
            throw new ArgumentException($"{SettingName} entry '{entry}' ({path}) could not be loaded: {ex.Message}", SettingName, ex);
        }
    }
}
