using Microsoft.Extensions.Options;
using Tributary.Handlers;
using Tributary.Options;

namespace Tributary.Tests.Options;

/// <summary>The engine's options validators name every setting out of range by its configuration key.</summary>
public sealed class TributaryOptionsValidatorTests
{
    [Fact]
    public void Validate_Defaults_Succeeds()
    {
        Assert.True(new TributaryOptionsValidator().Validate(null, new TributaryOptions()).Succeeded);
    }

    [Theory]
    [InlineData("Tributary:ProgressCheckInterval must be positive")]
    [InlineData("Tributary:MaxLostAttempts must be zero or more")]
    [InlineData("Tributary:ShutdownDrainTimeout must be zero or more")]
    [InlineData("Tributary:StorageRetry needs MaxDuration >= 0, FirstDelay > 0 and MaxDelay >= FirstDelay")]
    [InlineData("Tributary:MaxMessageLength must be at least 100")]
    [InlineData("Tributary:InputConcurrency must be at least 1")]
    public void Validate_SettingOutOfRange_FailsNamingIt(string expected)
    {
        var options = new TributaryOptions();
        switch (expected.Split(' ')[0])
        {
            case "Tributary:ProgressCheckInterval": options.ProgressCheckInterval = TimeSpan.Zero; break;
            case "Tributary:MaxLostAttempts": options.MaxLostAttempts = -1; break;
            case "Tributary:ShutdownDrainTimeout": options.ShutdownDrainTimeout = TimeSpan.FromSeconds(-1); break;
            case "Tributary:StorageRetry": options.StorageRetry.MaxDelay = TimeSpan.FromMilliseconds(1); break;
            case "Tributary:InputConcurrency": options.InputConcurrency = 0; break;
            default: options.MaxMessageLength = 99; break;
        }

        var result = new TributaryOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains(expected, Assert.Single(result.Failures!), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_SeveralSettingsOutOfRange_ReportsThemAll()
    {
        var options = new TributaryOptions { ProgressCheckInterval = TimeSpan.Zero, MaxMessageLength = 0 };

        var result = new TributaryOptionsValidator().Validate(null, options);

        Assert.Equal(2, result.Failures!.Count());
    }

    [Fact]
    public void ValidateResultHandler_EmptyKind_FailsNamingTheKey()
    {
        var result = new ResultHandlerOptionsValidator(new ResultHandlerCatalog()).Validate(null, new ResultHandlerOptions { Kind = " " });

        Assert.Contains("Tributary:ResultHandler:Kind", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void ValidateResultHandler_KindNotRegistered_FailsNamingKeyAndKind()
    {
        var result = new ResultHandlerOptionsValidator(new ResultHandlerCatalog()).Validate(null, new ResultHandlerOptions { Kind = "s3" });

        Assert.Contains("Tributary:ResultHandler:Kind is 's3'", result.FailureMessage, StringComparison.Ordinal);
        Assert.True(new ResultHandlerOptionsValidator(new ResultHandlerCatalog()).Validate(null, new ResultHandlerOptions()).Succeeded);
    }
}
