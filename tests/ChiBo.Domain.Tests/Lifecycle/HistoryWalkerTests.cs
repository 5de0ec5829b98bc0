using System;
using System.Collections.Generic;
using System.Linq;
using ChiBo.Lifecycle;
using Xunit;

namespace ChiBo.Tests.Lifecycle;

public class HistoryWalkerTests
{
    // The FsCheck laws are only as good as their generator: it must reach every stage, terminal ones included.
    [Fact]
    public void Random_walks_reach_every_stage()
    {
        var seen = new HashSet<Stage>();
        for (var seed = 0; seed < 2000 && seen.Count < Enum.GetValues<Stage>().Length; seed++)
        {
            seen.Add(CaseLifecycle.Replay(HistoryWalker.Walk(seed, seed % 61, seed % 2 == 0)).History!.Stage);
        }

        Assert.Empty(Enum.GetValues<Stage>().Except(seen));
    }
}
