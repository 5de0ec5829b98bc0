using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using ChiBo.Cases;
using ChiBo.Lifecycle;
using NodaTime;

namespace ChiBo.Tests.Fuzzing;

/// <summary>
/// The valid case files the fuzzers start from, built once and deterministically: random walks over the
/// transition table (fixed seeds) with varied people, cells and extensions, plus the sample cases.
/// </summary>
internal static class FuzzCorpus
{
    private static readonly Lazy<ImmutableArray<CaseFile>> LazyCases = new(BuildCases);
    private static readonly Lazy<ImmutableArray<byte[]>> LazyFiles = new(() => [.. Cases.Select(c => Encoding.UTF8.GetBytes(CaseFileSerializer.Write(c)))]);
    private static readonly Lazy<ImmutableArray<CaseFile>> LazyFullMembers = new(BuildFullMembers);

    /// <summary>Valid case files of every stage (about 70).</summary>
    public static ImmutableArray<CaseFile> Cases => LazyCases.Value;

    /// <summary>The same cases as the UTF-8 bytes <see cref="CaseFileSerializer.Write"/> gives.</summary>
    public static ImmutableArray<byte[]> Files => LazyFiles.Value;

    /// <summary>
    /// The full members of <see cref="FullMembers"/> with 3–10 member-phase events (issue 12) just after the full-membership
    /// decision: missed meetings, unpaid dues, ratings, an exemption with grounds and its report, as UTF-8 bytes.
    /// </summary>
    public static ImmutableArray<byte[]> MemberFiles => LazyMemberFiles.Value;

    private static readonly Lazy<ImmutableArray<byte[]>> LazyMemberFiles = new(() =>
    [
        .. FullMembers.Select((c, i) =>
        {
            var random = new Random(4243 * (i + 1));
            var decided = c.Events.First(e => e is FullMembershipDecided).Date;
            var added = new List<CaseEvent>();
            var date = decided;
            for (var k = random.Next(3, 11); k > 0; k--)
            {
                date = date.PlusDays(random.Next(1, 20));
                var month = new YearMonth(date.Year, date.Month);
                added.Add(random.Next(6) switch
                {
                    0 => new MeetingMissed(date, month, random.Next(2) == 0),
                    1 => new DuesUnpaid(date, month),
                    2 => new YearlyRating(date, date.Year, (MemberRating)random.Next(4)),
                    3 => new ExemptionReported(date),
                    4 => new MeetingMissed(date, month),
                    _ => new YearlyRating(date, date.Year - 1, MemberRating.NotFulfilled),
                });
            }

            added.Insert(random.Next(added.Count), new ExemptionGranted(decided.PlusDays(1), "tuổi cao", (ExemptionGrounds)random.Next(3), random.Next(2) == 0));
            var events = c.Events.ToList();
            events.InsertRange(events.FindIndex(e => e is FullMembershipDecided) + 1, added);
            return Encoding.UTF8.GetBytes(CaseFileSerializer.Write(c.WithEvents([.. events])));
        }),
    ]);

    /// <summary>Walked cases that reached <see cref="Stage.FullMember"/> (and maybe left it), at least 24.</summary>
    public static ImmutableArray<CaseFile> FullMembers => LazyFullMembers.Value;

    /// <summary>A person varied by a seed: sex, occupation, education, unions, religion, missing optional fields.</summary>
    public static Person Person(Random random)
    {
        var birth = new LocalDate(1950, 1, 1).PlusDays(random.Next(0, 365 * 55));
        Religion? religion = random.Next(4) switch
        {
            0 => new Religion("Công giáo", ReligiousRole.Follower),
            1 => new Religion("Phật giáo Hòa Hảo", ReligiousRole.Dignitary),
            _ => null,
        };
        return new Person(
            "p-" + random.Next(1000),
            random.Next(2) == 0 ? "Nguyễn Thị Ánh Tuyết" : "Trần Văn Đức",
            birth,
            random.Next(2) == 0 ? Sex.Male : Sex.Female,
            Enum.GetValues<Occupation>()[random.Next(4)],
            Enum.GetValues<EducationLevel>()[random.Next(8)],
            random.Next(3) == 0 ? null : birth.PlusYears(15),
            random.Next(2) == 0 ? null : birth.PlusYears(22),
            religion,
            random.Next(2) == 0 ? null : "Tổ Ngữ văn");
    }

    private static ImmutableArray<CaseFile> BuildCases()
    {
        var cases = ImmutableArray.CreateBuilder<CaseFile>();
        for (var i = 0; i < 64; i++)
        {
            var random = new Random(7919 * (i + 1));
            var walked = HistoryWalker.Walk(1_000 + i, 5 + (i * 13 % 56), i % 3 == 0);
            var cell = walked.Cell with { HasYouthUnion = random.Next(4) > 0, HasTradeUnion = random.Next(4) > 0 };
            JsonElement? extensions = (i % 4) switch
            {
                0 => null,
                1 => JsonDocument.Parse("{}").RootElement,
                2 => JsonDocument.Parse("""{"hoSo":{"so":12,"ghiChu":["a",null,true],"x":1.50}}""").RootElement,
                _ => JsonDocument.Parse("""{"nguồn":"Đoàn trường","điểm":[1,2,3]}""").RootElement,
            };
            cases.Add(new CaseFile(CaseFile.CurrentFormatVersion, i % 2 == 0 ? walked.Person : Person(random), cell, walked.Events, extensions));
        }

        foreach (var file in TestData.SampleFiles)
        {
            cases.Add(CaseFileSerializer.Read(File.ReadAllBytes(file), file).GetValueOrThrow());
        }

        return cases.ToImmutable();
    }

    private static ImmutableArray<CaseFile> BuildFullMembers()
    {
        var found = ImmutableArray.CreateBuilder<CaseFile>();
        for (var seed = 0; found.Count < 24 && seed < 5_000; seed++)
        {
            var walked = HistoryWalker.Walk(50_000 + seed, 40, seed % 2 == 0);
            if (CaseLifecycle.Replay(walked).History!.Applied.Any(a => a.After == Stage.FullMember))
            {
                found.Add(walked);
            }
        }

        return found.ToImmutable();
    }

    /// <summary>Every event kind with plausible fields, for insertion anywhere.</summary>
    public static CaseEvent AnyEvent(Random random, LocalDate date)
    {
        var kinds = Enum.GetValues<EventKind>();
        var candidates = HistoryWalker.Candidates(kinds[random.Next(kinds.Length)], date, random).ToList();
        return candidates[random.Next(candidates.Count)];
    }

    /// <summary>A case edited at random: events inserted (any kind), removed, or moved to another date.</summary>
    public static CaseFile Edit(CaseFile caseFile, Random random, int edits)
    {
        var events = caseFile.Events.ToList();
        var first = events.Count > 0 ? events.Min(e => e.Date) : new LocalDate(2017, 1, 1);
        var last = events.Count > 0 ? events.Max(e => e.Date) : first;
        var span = Period.DaysBetween(first, last) + 400;
        LocalDate AnyDate() => first.PlusDays(random.Next(-30, span));
        for (var i = 0; i < edits; i++)
        {
            switch (random.Next(3))
            {
                case 0:
                    events.Insert(random.Next(events.Count + 1), AnyEvent(random, AnyDate()));
                    break;
                case 1 when events.Count > 0:
                    events.RemoveAt(random.Next(events.Count));
                    break;
                case 2 when events.Count > 0:
                {
                    var at = random.Next(events.Count);
                    var moved = AnyDate();
                    var month = new YearMonth(moved.Year, moved.Month);

                    // A month recorded moves with its record (a record cannot name a month after its own).
                    events[at] = events[at] switch
                    {
                        MeetingMissed m => m with { Date = moved, Month = month },
                        DuesUnpaid u => u with { Date = moved, Month = month },
                        YearlyRating r => r with { Date = moved, Year = moved.Year },
                        var other => other with { Date = moved },
                    };
                    break;
                }
            }
        }

        return caseFile.WithEvents([.. events]);
    }

    /// <summary>Which of a list of values a seed picks.</summary>
    public static T Pick<T>(IReadOnlyList<T> items, int seed) => items[(int)((uint)seed % (uint)items.Count)];
}
