using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Tributary.Flows;
using Tributary.Handlers;
using Tributary.Results;

namespace Tributary.Tests.Handlers;

/// <summary>
/// The secret handler's own contract. It does not run the conformance kit: it stores nothing, so it cannot round-trip
/// arbitrary values (an int, a record, null); it "stores" only its secret's current value, whose safe value is the
/// secret's name, and every read gives the secret's value at that time.
/// </summary>
public sealed class SecretResultHandlerTests
{
    private const string Name = "db-password";
    private readonly string _canary = $"CANARY-SECRET-{Guid.NewGuid():N}";
    private readonly IConfigurationRoot _configuration;

    public SecretResultHandlerTests() =>
        _configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [$"Tributary:Secrets:{Name}"] = _canary })
            .Build();

    private SecretResultHandler Handler => new(Name, _configuration);

    [Fact]
    public async Task StoreSafeValueAsync_SecretValue_SafeValueIsTheNameOnlyAndReadsBackTheValue()
    {
        var stored = (SafeResult)await Result.Create(_canary, Handler).StoreSafeValueAsync();

        Assert.Equal($"\"{Name}\"", stored.Json);
        Assert.Equal(new ResultHandlerDescriptor("secret", [new("name", Name)]), stored.Handler);
        Assert.DoesNotContain(_canary, stored.Handler.ToString(), StringComparison.Ordinal);
        // As another host reads it: rebuilt from the descriptor with that host's configuration.
        var catalog = new ResultHandlerCatalog().Register(SecretResultHandler.Kind, d => SecretResultHandler.FromDescriptor(d, _configuration));
        var back = await new SafeResult(stored.Json, stored.Handler, stored.ValueTypeName).ToResultAsync(catalog);
        Assert.Equal(_canary, back.Value);
    }

    [Fact]
    public async Task ReadAsync_SecretRotated_GivesTheNewValue()
    {
        var location = await Handler.WriteAsync(_canary, typeof(string));
        _configuration[$"Tributary:Secrets:{Name}"] = "rotated";

        Assert.Equal("rotated", await Handler.ReadAsync(location, typeof(string)));
    }

    [Fact]
    public async Task ReadAsync_SecretMissing_ThrowsNamingTheSecretAndTheKeyButNoValue()
    {
        var handler = new SecretResultHandler("absent", _configuration);

        var error = await Assert.ThrowsAsync<SecretNotFoundException>(() => handler.ReadAsync(JsonValue.Create("absent"), typeof(string)));

        Assert.Equal("absent", error.SecretName);
        Assert.Equal("Tributary:Secrets:absent", error.ConfigurationKey);
        Assert.Contains("'absent'", error.Message, StringComparison.Ordinal);
        Assert.Contains("Tributary:Secrets:absent", error.Message, StringComparison.Ordinal);
        Assert.Contains("Tributary__Secrets__absent", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(_canary, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WriteAsync_ValueOtherThanTheSecret_RefusedWithoutShowingIt()
    {
        var error = await Assert.ThrowsAsync<ResultHandlerContractException>(() => Handler.WriteAsync("some task output", typeof(string)));
        await Assert.ThrowsAsync<ResultHandlerContractException>(() => Handler.WriteAsync(42, typeof(int)));

        Assert.Contains($"'{Name}'", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("some task output", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(_canary, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_AnotherSecretsNameOrANonStringType_ThrowsArgumentException()
    {
        var wrongName = await Assert.ThrowsAsync<ArgumentException>(() => Handler.ReadAsync(JsonValue.Create("other"), typeof(string)));
        var wrongType = await Assert.ThrowsAsync<ArgumentException>(() => Handler.ReadAsync(JsonValue.Create(Name), typeof(int)));

        Assert.Equal("location", wrongName.ParamName);
        Assert.Equal("valueType", wrongType.ParamName);
    }

    [Fact]
    public async Task FromDescriptor_HostConfiguresAnotherSection_ReadsTheSecretThere()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                [SecretResultHandler.SectionKey] = "Vault:Prod",
                [$"Vault:Prod:{Name}"] = "from the vault section",
            })
            .Build();

        var handler = SecretResultHandler.FromDescriptor(SecretResultHandler.Describe(Name), configuration);

        Assert.Equal("Vault:Prod:db-password", handler.ConfigurationKey);
        Assert.Equal("from the vault section", await handler.ReadAsync(JsonValue.Create(Name), typeof(string)));
    }

    [Fact]
    public async Task DeleteAsync_Location_KeepsTheSecret()
    {
        var location = await Handler.WriteAsync(_canary, typeof(string));

        await ((IResultHandler)Handler).DeleteAsync(location);

        Assert.Equal(_canary, await Handler.ReadAsync(location, typeof(string)));
    }

    [Theory]
    [InlineData("a:b")]
    [InlineData("a/b")]
    [InlineData(" padded")]
    [InlineData("")]
    public void Describe_InvalidName_ThrowsArgumentExceptionNamingIt(string name)
    {
        var error = Assert.ThrowsAny<ArgumentException>(() => SecretResultHandler.Describe(name));

        Assert.Equal("name", error.ParamName);
    }

    [Fact]
    public void FlowBuilderSecret_FlowHasAnotherHandler_TaskHandlerIsTheSecretsOwn()
    {
        var flow = new FlowBuilder("secret-declared").WithResultHandler(ResultHandlers.Local("/tmp/elsewhere"));
        var password = flow.Secret(Name, new TaskOptions { Checkpoint = true, MaxRetries = 2 });
        flow.Task("use", (string password) => password.Length, password);

        var task = flow.Build().Tasks[Name];

        Assert.Equal(SecretResultHandler.Describe(Name), task.Options.ResultHandler);
        Assert.True(task.Options.Checkpoint);
        Assert.Equal(2, task.Options.MaxRetries);
    }

    [Fact]
    public void FlowBuilderSecret_OptionsSetAnotherHandler_ThrowsArgumentException()
    {
        var flow = new FlowBuilder("secret-other-handler");

        var error = Assert.Throws<ArgumentException>(() => flow.Secret(Name, new TaskOptions { ResultHandler = ResultHandlers.Json }));

        Assert.Equal("options", error.ParamName);
        Assert.Contains(Name, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WithOptions_OnSecretTask_KeepsItsHandlerAndRefusesAnother()
    {
        var flow = new FlowBuilder("secret-with-options");
        var password = flow.Secret(Name);
        flow.Task("use", (string password) => password.Length, password);
        var node = password.Definition;

        node.WithOptions(new TaskOptions { MaxRetries = 3 });
        var error = Assert.Throws<ArgumentException>(() => node.WithOptions(new TaskOptions { ResultHandler = ResultHandlers.Json }));

        Assert.Equal(SecretResultHandler.Describe(Name), flow.Build().Tasks[Name].Options.ResultHandler);
        Assert.Equal("options", error.ParamName);
    }
}
