using System.Reflection;
using System.Reflection.Emit;
using Microsoft.Extensions.Configuration;
using Tributary.Examples;
using Tributary.Flows;
using Tributary.Hosting;
using Tributary.Tests.Infrastructure;

namespace Tributary.Tests.Hosting;

/// <summary>
/// Tributary:FlowAssemblies takes names of assemblies that ship with the silo and paths to DLLs; an entry that cannot be
/// loaded stops the start with an error naming the setting and the entry.
/// </summary>
public sealed class FlowAssemblyLoaderTests
{
    private static readonly string ExamplesFile = Path.GetFileName(typeof(EtlFlow).Assembly.Location);

    // Guards a fixed bug: an entry was given to Assembly.Load, which takes names only, so a DLL outside the silo's build
    // could not be used.
    [Fact]
    public void Load_AbsolutePathToDllInAnotherFolder_LoadsItsFlowProviders()
    {
        using var folder = new TempDirectory();
        var copy = CopyExamplesTo(folder.Path);
        using var elsewhere = new TempDirectory();

        var assembly = new FlowAssemblyLoader(elsewhere.Path, elsewhere.Path).Load(copy);

        Assert.Equal(typeof(EtlFlow).Assembly.GetName().Name, assembly.GetName().Name);
        Assert.Contains(assembly.GetExportedTypes(), type => type.IsAssignableTo(typeof(IFlowProvider)));
    }

    [Fact]
    public void Load_PathToAssemblyOutsideTheSiloBuild_LoadsItFromThatFile()
    {
        using var folder = new TempDirectory();
        var path = Path.Combine(folder.Path, "Emitted.Flows.dll");
        var name = EmitAssembly(path);

        var assembly = new FlowAssemblyLoader(folder.Path, folder.Path).Load("Emitted.Flows.dll");

        Assert.Equal(name, assembly.GetName().Name);
        Assert.Equal(path, assembly.Location);
    }

    [Fact]
    public void Load_RelativePathNotInWorkingFolder_FindsItInBaseDirectory()
    {
        using var working = new TempDirectory();
        using var baseDirectory = new TempDirectory();
        CopyExamplesTo(Path.Combine(baseDirectory.Path, "flows"));

        var assembly = new FlowAssemblyLoader(working.Path, baseDirectory.Path).Load(Path.Combine("flows", ExamplesFile));

        Assert.Equal(typeof(EtlFlow).Assembly.GetName().Name, assembly.GetName().Name);
    }

    [Fact]
    public void Load_MissingPath_ThrowsNamingSettingEntryAndWhereItLooked()
    {
        using var working = new TempDirectory();
        using var baseDirectory = new TempDirectory();

        var error = Assert.Throws<ArgumentException>(
            () => new FlowAssemblyLoader(working.Path, baseDirectory.Path).Load("flows/MyCompany.Flows.dll"));

        Assert.Contains("Tributary:FlowAssemblies", error.Message);
        Assert.Contains("'flows/MyCompany.Flows.dll'", error.Message);
        Assert.Contains(Path.Combine(working.Path, "flows", "MyCompany.Flows.dll"), error.Message);
        Assert.Contains(Path.Combine(baseDirectory.Path, "flows", "MyCompany.Flows.dll"), error.Message);
    }

    [Fact]
    public void Load_FileThatIsNotAnAssembly_ThrowsNamingSettingAndEntry()
    {
        using var folder = new TempDirectory();
        var path = Path.Combine(folder.Path, "NotAnAssembly.dll");
        File.WriteAllText(path, "not a portable executable");

        var error = Assert.Throws<ArgumentException>(() => new FlowAssemblyLoader().Load(path));

        Assert.Contains("Tributary:FlowAssemblies", error.Message);
        Assert.Contains($"'{path}'", error.Message);
        Assert.IsType<BadImageFormatException>(error.InnerException);
    }

    [Fact]
    public void Load_NameOfAssemblyThatShipsWithTheSilo_LoadsIt()
    {
        var assembly = new FlowAssemblyLoader().Load("Tributary.Examples");

        Assert.Same(typeof(EtlFlow).Assembly, assembly);
    }

    [Fact]
    public void Load_UnknownName_ThrowsNamingSettingAndEntryAndSayingPathsWork()
    {
        var error = Assert.Throws<ArgumentException>(() => new FlowAssemblyLoader().Load("MyCompany.NoSuchFlows"));

        Assert.Contains("Tributary:FlowAssemblies", error.Message);
        Assert.Contains("'MyCompany.NoSuchFlows'", error.Message);
        Assert.Contains("path to a DLL", error.Message);
    }

    [Fact]
    public void LoadConfigured_NameAndPathEntries_LoadsEachInOrder()
    {
        using var folder = new TempDirectory();
        var copy = CopyExamplesTo(folder.Path);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Tributary:FlowAssemblies:0"] = "Tributary.Grains.Interfaces",
            ["Tributary:FlowAssemblies:1"] = copy,
        }).Build();

        var assemblies = new FlowAssemblyLoader().LoadConfigured(configuration);

        Assert.Equal(["Tributary.Grains.Interfaces", "Tributary.Examples"], assemblies.Select(a => a.GetName().Name));
    }

    [Fact]
    public void LoadConfigured_NoSetting_GivesNone()
    {
        Assert.Empty(new FlowAssemblyLoader().LoadConfigured(new ConfigurationBuilder().Build()));
    }

    /// <summary>Writes an assembly of a new name (so no test has loaded it) with one public type.</summary>
    private static string EmitAssembly(string path)
    {
        var name = new AssemblyName($"Tributary.Tests.Emitted{Guid.NewGuid():N}");
        var builder = new PersistedAssemblyBuilder(name, typeof(object).Assembly);
        builder.DefineDynamicModule(name.Name!).DefineType("Emitted.Marker", TypeAttributes.Public | TypeAttributes.Class).CreateType();
        builder.Save(path);
        return name.Name!;
    }

    private static string CopyExamplesTo(string folder)
    {
        Directory.CreateDirectory(folder);
        var copy = Path.Combine(folder, ExamplesFile);
        File.Copy(typeof(EtlFlow).Assembly.Location, copy);
        return copy;
    }
}
