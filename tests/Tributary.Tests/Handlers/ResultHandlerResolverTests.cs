using Microsoft.Extensions.Options;
using Tributary.Handlers;
using Tributary.Options;

namespace Tributary.Tests.Handlers;

public sealed class ResultHandlerResolverTests
{
    private static readonly ResultHandlerDescriptor Global = ResultHandlers.Local("/srv/results");
    private static readonly ResultHandlerDescriptor Flow = ResultHandlers.AzureBlob("flow-container");
    private static readonly ResultHandlerDescriptor Task = new("my-kind", [new("bucket", "task-bucket")]);

    [Fact]
    public void Resolve_OnlyGlobal_GivesGlobal() =>
        Assert.Equal(Global, ResultHandlerResolver.Resolve(Global, flowHandler: null, taskHandler: null, isParameter: false));

    [Fact]
    public void Resolve_FlowSet_OverridesGlobal() =>
        Assert.Equal(Flow, ResultHandlerResolver.Resolve(Global, Flow, taskHandler: null, isParameter: false));

    [Fact]
    public void Resolve_TaskSet_OverridesFlowAndGlobal()
    {
        Assert.Equal(Task, ResultHandlerResolver.Resolve(Global, Flow, Task, isParameter: false));
        Assert.Equal(Task, ResultHandlerResolver.Resolve(Global, flowHandler: null, Task, isParameter: false));
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(true, true)]
    public void Resolve_Parameter_IsAlwaysJson(bool flowSet, bool taskSet)
    {
        var resolved = ResultHandlerResolver.Resolve(Global, flowSet ? Flow : null, taskSet ? Task : null, isParameter: true);

        Assert.Equal(ResultHandlers.Json, resolved);
    }

    [Fact]
    public void Resolve_Instance_UsesConfiguredGlobalDefault()
    {
        var options = new ResultHandlerOptions { Kind = ResultHandlers.AzureBlobKind, Settings = { [ResultHandlers.ContainerSetting] = "c" } };
        var resolver = new ResultHandlerResolver(Microsoft.Extensions.Options.Options.Create(options));

        Assert.Equal(ResultHandlers.AzureBlob("c"), resolver.GlobalDefault);
        Assert.Equal(ResultHandlers.AzureBlob("c"), resolver.Resolve(flowHandler: null, taskHandler: null, isParameter: false));
        Assert.Equal(Flow, resolver.Resolve(Flow, taskHandler: null, isParameter: false));
        Assert.Equal(ResultHandlers.Json, resolver.Resolve(Flow, Task, isParameter: true));
    }

    [Fact]
    public void Constructor_InvalidGlobalDefault_ThrowsArgumentException()
    {
        var options = Microsoft.Extensions.Options.Options.Create(new ResultHandlerOptions { Kind = "" });

        var error = Assert.Throws<ArgumentException>(() => new ResultHandlerResolver(options));

        Assert.Equal(nameof(ResultHandlerOptions.Kind), error.ParamName);
    }
}
