using System;
using System.Collections.Generic;
using ChiBo.Cases;
using ChiBo.Lifecycle;
using NodaTime;

namespace ChiBo.Testing;

/// <summary>A generated case file and the date it is asked about (its events are all on or before that date).</summary>
/// <param name="File">The case file.</param>
/// <param name="AsOf">The "as of" date of the question.</param>
internal sealed record GeneratedCase(CaseFile File, LocalDate AsOf);

/// <summary>
/// Seeded generator of realistic case files across every stage, shared by the benchmarks and the tests (linked
/// into both). Each case lives a plausible development path — source, sympathiser list, course, dossier,
/// introducers, the cell's vote (and the grassroots committee's in a subordinate cell), decision, ceremony,
/// probation, full membership, sometimes a way out — with the faults a real cell makes now and then (a vote short
/// of two thirds, a late ceremony, an expired certificate, a probationary introducer), and is cut at a random
/// "as of" date, so that the cases stand at every stage in roughly the proportions time gives them. The same seed
/// gives the same cases; every case replays without rejection.
/// </summary>
internal static class CaseGenerator
{
    private static readonly string[] FamilyNames = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng"];
    private static readonly string[] GivenNames = ["Văn An", "Thị Bình", "Minh Châu", "Quốc Dũng", "Thu Hà", "Gia Huy", "Ngọc Lan", "Đức Minh", "Thanh Tâm", "Hải Yến"];
    private static readonly LocalDate FirstStart = new(2016, 8, 1);

    /// <summary>Generates <paramref name="count"/> cases from a seed.</summary>
    /// <param name="seed">The seed: the same seed gives the same cases.</param>
    /// <param name="count">How many cases.</param>
    /// <returns>The cases.</returns>
    public static GeneratedCase[] Generate(int seed, int count)
    {
        var random = new Random(seed);
        var cases = new GeneratedCase[count];
        for (var i = 0; i < count; i++)
        {
            cases[i] = One(random, i);
        }

        return cases;
    }

    private static GeneratedCase One(Random random, int number)
    {
        var start = FirstStart.PlusDays(random.Next(0, 9 * 365));
        var occupation = Pick(random, (0.35, Occupation.Student), (0.35, Occupation.Teacher), (0.2, Occupation.Staff), (0.1, Occupation.Other));
        var ageYears = occupation == Occupation.Student
            ? random.Next(17, 23)
            : Pick(random, (0.75, random.Next(22, 36)), (0.22, random.Next(36, 58)), (0.03, random.Next(58, 63)));
        var birth = start.PlusYears(-ageYears).PlusDays(-random.Next(0, 365));
        var education = occupation switch
        {
            Occupation.Student => ageYears < 18 ? EducationLevel.LowerSecondary : EducationLevel.UpperSecondary,
            Occupation.Teacher => Pick(random, (0.15, EducationLevel.College), (0.7, EducationLevel.University), (0.15, EducationLevel.Postgraduate)),
            Occupation.Staff => Pick(random, (0.3, EducationLevel.UpperSecondary), (0.3, EducationLevel.Vocational), (0.4, EducationLevel.University)),
            _ => Pick(random, (0.05, EducationLevel.Primary), (0.25, EducationLevel.LowerSecondary), (0.5, EducationLevel.UpperSecondary), (0.2, EducationLevel.Vocational)),
        };
        LocalDate? youthUnion = random.NextDouble() < (ageYears <= 30 ? 0.85 : 0.3) ? birth.PlusYears(15).PlusDays(random.Next(0, 400)) : null;
        LocalDate? tradeUnion = occupation != Occupation.Student && random.NextDouble() < 0.8 ? birth.PlusYears(22).PlusDays(random.Next(0, 900)) : null;
        var religionRoll = random.NextDouble();
        var religion = religionRoll < 0.01 ? new Religion("Phật giáo", ReligiousRole.Dignitary)
            : religionRoll < 0.09 ? new Religion("Công giáo", ReligiousRole.Follower)
            : null;
        var person = new Person($"p{number:D6}", $"{FamilyNames[random.Next(FamilyNames.Length)]} {GivenNames[random.Next(GivenNames.Length)]}",
            birth, random.NextDouble() < 0.55 ? Sex.Female : Sex.Male, occupation, education, youthUnion, tradeUnion, religion);
        var subordinate = random.NextDouble() < 0.45;
        var cell = new Cell($"cb{random.Next(1, 200):D3}", subordinate ? "Chi bộ Giáo viên" : "Chi bộ Trường THPT Trần Phú",
            subordinate ? CellKind.SubordinateCell : CellKind.GrassrootsCell, subordinate ? "Đảng ủy Trường" : "Quận ủy Hải Châu",
            HasYouthUnion: random.NextDouble() < 0.9, HasTradeUnion: random.NextDouble() < 0.8);

        var events = Life(random, start, birth, person, cell);
        var last = events[^1].Date;
        // From a little before the first event (a prospect with an empty file) to a year after the last.
        var asOf = start.PlusDays(random.Next(-30, Period.Between(start, last, PeriodUnits.Days).Days + 366));
        var kept = events.FindAll(e => e.Date <= asOf);
        var file = new CaseFile(person, cell, [.. kept]);
        var replay = CaseLifecycle.Replay(file, asOf);
        if (!replay.IsAccepted)
        {
            throw new InvalidOperationException($"generated case {number} was rejected: {replay.Rejection}");
        }

        return new GeneratedCase(file, asOf);
    }

    /// <summary>A whole development path from <paramref name="start"/>, stopping early at a way out.</summary>
    private static List<CaseEvent> Life(Random random, LocalDate start, LocalDate birth, Person person, Cell cell)
    {
        var events = new List<CaseEvent>();
        var date = start;
        LocalDate After(int min, int max) => date = date.PlusDays(random.Next(min, max + 1));

        if (random.NextDouble() < 0.8)
        {
            events.Add(new IdentifiedAsSource(date));
            After(20, 90);
        }

        events.Add(new AddedToSympathizerList(date));
        if (random.NextDouble() < 0.9)
        {
            events.Add(new HelperAssigned(After(1, 14), "dv-" + random.Next(1, 40)));
        }

        // Now and then the certificate is old by the vote (the course long before the dossier).
        var longWait = random.NextDouble() < 0.05;
        if (random.NextDouble() < 0.95)
        {
            events.Add(new AwarenessCourseCompleted(After(10, 120), "GCN-" + random.Next(100, 999)));
        }

        if (longWait)
        {
            After(1500, 1900);
        }

        if (random.NextDouble() < 0.04)
        {
            events.Add(new RemovedFromSympathizerList(After(30, 200), "không đủ tiêu chuẩn"));
            return events;
        }

        events.Add(new ApplicationSubmitted(After(10, 60)));
        events.Add(new BackgroundDeclared(After(3, 20)));
        events.Add(new BackgroundVerified(After(20, 90), random.NextDouble() < 0.95 ? BackgroundConclusion.Clear : BackgroundConclusion.Problem));
        var endorsed = (person.YouthUnionMemberSince is not null && cell.HasYouthUnion) || (person.TradeUnionMemberSince is not null && cell.HasTradeUnion);
        var introducers = endorsed && random.NextDouble() < 0.4 ? 1 : 2;
        for (var k = 0; k < introducers; k++)
        {
            var on = After(1, 10);
            var fullMember = random.NextDouble() < 0.04 ? on.PlusDays(random.Next(1, 60)) : on.PlusYears(-random.Next(1, 25));
            var together = on.PlusMonths(-Pick(random, (0.92, random.Next(12, 120)), (0.08, random.Next(3, 12))));
            events.Add(new IntroducerAssigned(on, $"dv-{random.Next(1, 40)}-{k}", fullMember, together));
        }

        if (person.YouthUnionMemberSince is not null && cell.HasYouthUnion && random.NextDouble() < 0.7)
        {
            events.Add(new YouthUnionEndorsed(After(3, 20)));
        }
        else if (person.TradeUnionMemberSince is not null && cell.HasTradeUnion && random.NextDouble() < 0.6)
        {
            events.Add(new TradeUnionEndorsed(After(3, 20)));
        }

        if (random.NextDouble() < 0.95)
        {
            events.Add(new CommentsCollected(After(5, 30)));
        }

        if (date.Year - birth.Year > 59 && random.NextDouble() < 0.6)
        {
            events.Add(new AgeExceptionApproved(After(5, 40), "Tỉnh ủy"));
        }

        if (person.EducationLevel < EducationLevel.LowerSecondary && random.NextDouble() < 0.6)
        {
            events.Add(new EducationExceptionApproved(After(5, 40), "Ban Tổ chức Trung ương"));
        }

        events.Add(Vote(random, After(5, 30), VotePurpose.Admission, committee: false));
        if (cell.Kind == CellKind.SubordinateCell)
        {
            events.Add(Vote(random, After(7, 30), VotePurpose.Admission, committee: true));
        }

        if (random.NextDouble() < 0.04)
        {
            events.Add(new AdmissionRefused(After(15, 60), "chưa đủ điều kiện"));
            return events;
        }

        events.Add(new AdmissionDecided(After(15, 60), $"{random.Next(1, 999)}-QĐ/QU"));
        events.Add(new AdmissionDecisionReceived(After(1, 10)));
        var delayed = random.NextDouble() < 0.05;
        if (delayed)
        {
            events.Add(new CeremonyDelayApproved(After(10, 30)));
        }

        // Most ceremonies are within the 30 working days; some are late.
        events.Add(new CeremonyHeld(After(3, delayed || random.NextDouble() < 0.1 ? 70 : 38)));
        var ceremony = date;
        date = ceremony.PlusMonths(12);
        events.Add(new SelfReviewSubmitted(After(-20, 10)));
        events.Add(new HelperReviewSubmitted(After(1, 5)));
        if (random.NextDouble() < 0.02)
        {
            events.Add(new ProbationaryStruckOff(After(5, 40), "không đủ tư cách"));
            return events;
        }

        if (date < ceremony.PlusMonths(12))
        {
            date = ceremony.PlusMonths(12);
        }

        events.Add(Vote(random, After(1, random.NextDouble() < 0.1 ? 80 : 40), VotePurpose.FullMembership, committee: false));
        if (cell.Kind == CellKind.SubordinateCell)
        {
            events.Add(Vote(random, After(5, 25), VotePurpose.FullMembership, committee: true));
        }

        events.Add(new FullMembershipDecided(After(10, 40), $"{random.Next(1, 999)}-QĐ/QU"));

        // The member phase (issue 12): now and then a missed meeting, unpaid dues or a yearly rating.
        for (var k = random.Next(0, 5); k > 0; k--)
        {
            var on = After(20, 200);
            events.Add(random.Next(3) switch
            {
                0 => new MeetingMissed(on, new YearMonth(on.Year, on.Month), random.Next(3) == 0),
                1 => new DuesUnpaid(on, new YearMonth(on.Year, on.Month)),
                _ => new YearlyRating(on, on.Year, Pick(random, (0.2, MemberRating.Excellent), (0.5, MemberRating.Good), (0.2, MemberRating.Fulfilled), (0.1, MemberRating.NotFulfilled))),
            });
        }

        var roll = random.NextDouble();
        if (roll < 0.05)
        {
            events.Add(new TransferredOut(After(100, 2000), "Đảng bộ phường Thạch Thang"));
        }
        else if (roll < 0.08)
        {
            events.Add(new ExemptionGranted(After(100, 2000), "sức khỏe", ExemptionGrounds.Illness, random.Next(2) == 0));
            if (random.NextDouble() < 0.5)
            {
                events.Add(new ExemptionReported(After(1, 30)));
            }

            if (random.NextDouble() < 0.5)
            {
                events.Add(new ExemptionEnded(After(100, 700), "sức khỏe hồi phục"));
            }
        }
        else if (roll < 0.09)
        {
            events.Add(new StruckOff(After(100, 2000), "bỏ sinh hoạt"));
        }
        else if (roll < 0.1)
        {
            events.Add(new Expelled(After(100, 2000), "vi phạm kỷ luật"));
        }

        return events;
    }

    /// <summary>A vote: mostly two thirds or more in favour, sometimes short of it.</summary>
    private static CaseEvent Vote(Random random, LocalDate date, VotePurpose purpose, bool committee)
    {
        var members = committee ? random.Next(5, 16) : random.Next(3, 41);
        var needed = (2 * members + 2) / 3;
        var inFavour = random.NextDouble() < 0.92 ? random.Next(needed, members + 1) : random.Next(0, needed);
        return committee
            ? new GrassrootsCommitteeVoted(date, purpose, inFavour, members)
            : new CellVoted(date, purpose, inFavour, members);
    }

    private static T Pick<T>(Random random, params (double Weight, T Value)[] choices)
    {
        var roll = random.NextDouble();
        foreach (var (weight, value) in choices)
        {
            if ((roll -= weight) < 0)
            {
                return value;
            }
        }

        return choices[^1].Value;
    }
}
