using ChiBo.Cases;
using FsCheck;
using FsCheck.Fluent;

namespace ChiBo.Tests;

/// <summary>FsCheck generators: valid case histories from random walks over the transition table.</summary>
public static class Arbitraries
{
    /// <summary>A valid case file of 0–60 steps, in a grassroots or subordinate cell.</summary>
    public static Arbitrary<CaseFile> CaseFiles() =>
        Gen.Choose(0, int.MaxValue - 1).SelectMany(seed =>
            Gen.Choose(0, 60).SelectMany(steps =>
                Gen.Elements(true, false).Select(subordinate => HistoryWalker.Walk(seed, steps, subordinate))))
        .ToArbitrary();
}
