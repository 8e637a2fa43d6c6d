using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Tributary.Caching;
using Tributary.Flows;
using Tributary.Handlers;
using Tributary.Options;
using Tributary.States;
using Tributary.Tests.States;

namespace Tributary.Tests.Caching;

/// <summary>Cache options are checked at Build() and at the silo's start; cache state holds no raw value by its types.</summary>
public sealed class CacheDefinitionTests
{
    [Theory]
    [InlineData("CacheValidator")]
    [InlineData("CacheKey")]
    [InlineData("CacheVersion")]
    public void Build_CacheOptionWithoutCacheFor_FailsNamingTheTask(string option)
    {
        var flow = new FlowBuilder("f");
        flow.Task("t", () => 1, option switch
        {
            "CacheValidator" => new TaskOptions { CacheValidator = CacheValidator.AllInputs },
            "CacheKey" => new TaskOptions { CacheKey = "k" },
            _ => new TaskOptions { CacheVersion = "2" },
        });

        var error = Assert.Throws<FlowValidationException>(() => flow.Build());

        Assert.Contains($"task 't' sets {option} but not CacheFor", error.Message);
    }

    [Fact]
    public void Build_PartialValidatorNamingUnknownInputOrParameter_Fails()
    {
        var flow = new FlowBuilder("f");
        var p = flow.Parameter<int>("p");
        flow.Task("t", (int value) => value, p, new TaskOptions { CacheFor = TimeSpan.FromMinutes(1), CacheValidator = CacheValidator.PartialInputsOnly("nope") });
        flow.Task("u", () => 1, new TaskOptions { CacheFor = TimeSpan.FromMinutes(1), CacheValidator = CacheValidator.PartialParametersOnly("q") });

        var error = Assert.Throws<FlowValidationException>(() => flow.Build());

        Assert.Contains("names input 'nope'", error.Message);
        Assert.Contains("names parameter 'q'", error.Message);
    }

    [Fact]
    public void TaskOptions_NonPositiveCacheFor_Refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new TaskOptions { CacheFor = TimeSpan.Zero }.Validate("t"));
        new TaskOptions { CacheFor = Timeout.InfiniteTimeSpan }.Validate("t"); // never expires
    }

    [Fact]
    public void Cached_IsAFinalSuccess() =>
        Assert.Equal((true, true, 8), (TaskRunStatus.Cached.IsFinal(), TaskRunStatus.Cached.IsSuccess(), (int)TaskRunStatus.Cached));

    [Fact]
    public void DigestKeyValidator_ClusterWithoutDigestKeyAndAComparingValidator_RefusesNamingTheTask()
    {
        var flow = new FlowBuilder("f");
        var p = flow.Parameter<int>("p");
        flow.Task("t", (int value) => value, p, new TaskOptions { CacheFor = TimeSpan.FromMinutes(1), CacheValidator = CacheValidator.AllInputs });
        var services = new ServiceCollection()
            .AddSingleton<IFlowCatalog>(new FlowCatalog([flow.Build()], new ResultHandlerCatalog(), new ResultHandlerResolver(Microsoft.Extensions.Options.Options.Create(new ResultHandlerOptions()))))
            .AddSingleton(Microsoft.Extensions.Options.Options.Create(new CacheOptions { RequireDigestKey = true }))
            .AddSingleton<ILogger<CacheDigester>>(NullLogger<CacheDigester>.Instance)
            .AddSingleton<CacheDigester>()
            .BuildServiceProvider();

        var error = Assert.Throws<OrleansConfigurationException>(() => new CacheDigestKeyValidator(services).ValidateConfiguration());

        Assert.Contains("Tributary:Cache:DigestKey", error.Message);
        Assert.Contains("f/t", error.Message);
    }

    [Theory]
    [InlineData(typeof(CacheState))]
    [InlineData(typeof(CacheIndexState))]
    public void Walk_CacheStateTypes_HaveNoMemberThatCanCarryARawValue(Type stateType) =>
        Assert.Empty(RawValueMembers.Find(stateType).Problems);
}
