using Tributary.States;

namespace Tributary.Tests.States;

/// <summary>The command line's table of a run: a map's children follow it, summarized when there are many.</summary>
public sealed class FlowRunSnapshotRowsTests
{
    [Fact]
    public void Rows_MapWithFewChildren_ShowsEveryChildAfterTheSummarizedMap()
    {
        var snapshot = Snapshot(3, failed: [1]);

        var rows = snapshot.Rows(childrenShown: 3).ToArray();

        Assert.Equal(["items", "score", "score[0]", "score[1]", "score[2]", "total"], rows.Select(row => row.Name));
        Assert.Equal("3 children: 2 Success, 1 Failed", rows[1].Summary);
        Assert.All(rows, row => Assert.NotNull(row.Task));
    }

    [Fact]
    public void Rows_MapWithManyChildren_ShowsTheOnesThatDidNotSucceedAndCountsTheOthers()
    {
        var snapshot = Snapshot(1000, failed: [7, 500]);

        var rows = snapshot.Rows(childrenShown: 10).ToArray();

        Assert.Equal(["items", "score", "score[7]", "score[500]", "score[…]", "total"], rows.Select(row => row.Name));
        Assert.Equal("1000 children: 998 Success, 2 Failed", rows[1].Summary);
        Assert.Null(rows[4].Task);
        Assert.Equal("998 more children (998 Success)", rows[4].Summary);
    }

    private static FlowRunSnapshot Snapshot(int count, int[] failed)
    {
        TaskRunState Task(string name, TaskRunStatus status, int? mapCount = null) =>
            new() { FlowRunId = "run", FlowName = "flow", TaskName = name, Status = status, MapCount = mapCount };
        var children = Enumerable.Range(0, count).Select(i => Task($"score[{i}]", failed.Contains(i) ? TaskRunStatus.Failed : TaskRunStatus.Success));
        return new FlowRunSnapshot(
            new FlowRunState { FlowRunId = "run", FlowName = "flow", Status = FlowRunStatus.Failed },
            [Task("items", TaskRunStatus.Success), Task("score", TaskRunStatus.Failed, count), .. children, Task("total", TaskRunStatus.UpstreamFailed)]);
    }
}
