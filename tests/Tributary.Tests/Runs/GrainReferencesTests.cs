using Tributary.Grains;
using Tributary.Runs;
using Tributary.Tests.Infrastructure;

namespace Tributary.Tests.Runs;

/// <summary>The engine's cached way to make grain references gives what <c>GetGrain&lt;T&gt;(key)</c> gives, first call and later.</summary>
[Collection(TributaryClusterCollection.Name)]
public sealed class GrainReferencesTests(TributaryClusterFixture cluster)
{
    [Fact]
    public void Of_FirstAndLaterCalls_SameGrainAndInterfaceAsGetGrain()
    {
        foreach (var key in new[] { "run-a/t1", "run-b/t2", "run-c/t3" })
        {
            var expected = (GrainReference)cluster.Client.GetGrain<ITaskRunGrain>(key);
            var made = (GrainReference)GrainReferences.Of<ITaskRunGrain>(cluster.Client, key);

            Assert.Equal(expected.GrainId, made.GrainId);
            Assert.Equal(expected.InterfaceType, made.InterfaceType);
            Assert.IsAssignableFrom<ITaskRunGrain>(made);
        }

        var run = (GrainReference)GrainReferences.Of<IFlowRunGrain>(cluster.Client, "run-a");
        Assert.Equal(((GrainReference)cluster.Client.GetGrain<IFlowRunGrain>("run-a")).GrainId, run.GrainId);
    }
}
