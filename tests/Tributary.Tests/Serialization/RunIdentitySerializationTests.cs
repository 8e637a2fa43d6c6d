using System.Collections.Immutable;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Tributary.Grains;
using Tributary.States;

namespace Tributary.Tests.Serialization;

/// <summary>The errors and state members of run identity (conflicts, versions, resumes) through Orleans' own serializer.</summary>
public sealed class RunIdentitySerializationTests
{
    private static readonly Serializer Serializer = new ServiceCollection()
        .AddSerializer()
        .BuildServiceProvider()
        .GetRequiredService<Serializer>();

    [Fact]
    public void RoundTrip_FlowRunConflictException_KeepsBothRunsAndTheMessage()
    {
        var error = new FlowRunConflictException(
            "run-1", "etl", ImmutableDictionary<string, string>.Empty.Add("rows", "21"), "etl", ImmutableDictionary<string, string>.Empty.Add("rows", "99"));

        var copy = RoundTrip(error);

        Assert.Equal(error.Message, copy.Message);
        Assert.Equal((error.FlowRunId, error.ExistingFlowName, error.RequestedFlowName), (copy.FlowRunId, copy.ExistingFlowName, copy.RequestedFlowName));
        Assert.Equal(("21", "99"), (copy.ExistingParameters["rows"], copy.RequestedParameters["rows"]));
    }

    [Fact]
    public void RoundTrip_FlowVersionNotFoundException_KeepsBothVersions()
    {
        var error = new FlowVersionNotFoundException("etl", "0000000000000001", ["0000000000000002", "0000000000000003"]);

        var copy = RoundTrip(error);

        Assert.Equal(
            "Flow 'etl' version 0000000000000001 is not registered on this silo; it registers versions 0000000000000002, 0000000000000003 (the last is the newest).",
            copy.Message);
        Assert.Equal((error.FlowName, error.Version), (copy.FlowName, copy.Version));
        Assert.Equal(error.RegisteredVersions, copy.RegisteredVersions);
    }

    [Fact]
    public void RoundTrip_FlowRunNotResumableException_KeepsRunAndStatus()
    {
        var error = FlowRunNotResumableException.ForStatus("run-1", FlowRunStatus.Running);

        var copy = RoundTrip(error);

        Assert.Equal((error.Message, "run-1", FlowRunStatus.Running), (copy.Message, copy.FlowRunId, copy.Status));
    }

    [Fact]
    public void RoundTrip_States_KeepVersionsAndResumes()
    {
        var flow = new FlowRunState { FlowRunId = "r", FlowName = "f", FlowVersion = "0123456789abcdef", Resumes = 2 };
        var task = new TaskRunState
        {
            FlowRunId = "r", FlowName = "f", TaskName = "t",
            Origin = new TaskRunOrigin { FlowVersion = "0123456789abcdef", Resumes = 1, AttemptsBeforeResume = 3 },
        };

        var flowCopy = RoundTrip(flow);
        var taskCopy = RoundTrip(task);

        Assert.Equal(("0123456789abcdef", 2), (flowCopy.FlowVersion, flowCopy.Resumes));
        Assert.Equal(task.Origin, taskCopy.Origin);
        Assert.Equal("0123456789abcdef", taskCopy.FlowVersion);
    }

    private static T RoundTrip<T>(T value) => Serializer.Deserialize<T>(Serializer.SerializeToArray(value))!;
}
