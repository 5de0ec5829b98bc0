using System;
using System.Numerics;
using ChiBo.Cases;
using ChiBo.Lifecycle;
using NodaTime;

namespace ChiBo.Rules.Facts;

/// <summary>
/// Folds a replayed case into the facts of the member phase (issue 12): a member's <see cref="StandingFacts"/> on the
/// "as of" date, and an exemption's <see cref="ExemptionFacts"/> on the date it was granted. Each is one pass over the
/// replayed events, without allocating: months are bits of two 12-bit masks, ratings one byte per year on the stack.
/// </summary>
internal static class MemberFactsBuilder
{
    private const int FirstYear = 1900; // CaseFileSerializer.MinDate.Year: a rated year is at least this
    private const int Years = 201;       // 1900–2100

    /// <summary>The standing facts of a member on a date, from every replayed event (all are on or before it).</summary>
    public static StandingFacts Standing(CaseHistory history, LocalDate asOf)
    {
        var applied = history.Steps;
        int thisYear = asOf.Year, lastYear = asOf.Year - 1;
        int missedThis = 0, unpaidThis = 0, missedLast = 0, unpaidLast = 0;
        var exempt = false;
        LocalDate? cardReturned = null;

        // 0: not rated; else the rating + 1. A later rating of a year (in replay order) replaces an earlier one.
        Span<byte> ratings = stackalloc byte[Years];
        ratings.Clear();
        var latestRated = 0;
        for (var i = 0; i < applied.Length; i++)
        {
            switch (applied[i].Event)
            {
                case ExemptionGranted: exempt = true; break;
                case ExemptionEnded: exempt = false; break;

                // Quy định 24-QĐ/TW §8.1: "không có lý do chính đáng"; an exempt member is excused from meetings (§7.1).
                case MeetingMissed { Excused: false } missed when !exempt:
                    Mark(missed.Month, ref missedThis, ref missedLast);
                    break;
                case DuesUnpaid unpaid:
                    Mark(unpaid.Month, ref unpaidThis, ref unpaidLast);
                    break;
                case YearlyRating rating when (uint)(rating.Year - FirstYear) < Years:
                    ratings[rating.Year - FirstYear] = (byte)((int)rating.Rating + 1);
                    latestRated = Math.Max(latestRated, rating.Year);
                    break;
                case PartyCardReturned card:
                    cardReturned ??= card.Date;
                    break;
            }
        }

        const byte notFulfilled = (byte)((int)MemberRating.NotFulfilled + 1);
        var run = 0;
        for (var year = latestRated; year >= FirstYear && ratings[year - FirstYear] == notFulfilled; year--)
        {
            run++;
        }

        var total = 0;
        foreach (var r in ratings)
        {
            total += r == notFulfilled ? 1 : 0;
        }

        return new StandingFacts
        {
            MonthsThisYear = BitOperations.PopCount((uint)(missedThis | unpaidThis)),
            MonthsLastYear = BitOperations.PopCount((uint)(missedLast | unpaidLast)),
            ConsecutiveNotFulfilledYears = run,
            NotFulfilledYears = total,
            PartyCardReturned = cardReturned is not null,
            Year = thisYear,
            MissedThisYear = missedThis,
            UnpaidThisYear = unpaidThis,
            MissedLastYear = missedLast,
            UnpaidLastYear = unpaidLast,
            LatestRatedYear = latestRated,
            PartyCardReturnedOn = cardReturned ?? default,
        };

        void Mark(YearMonth month, ref int inThisYear, ref int inLastYear)
        {
            if (month.Year == thisYear)
            {
                inThisYear |= 1 << (month.Month - 1);
            }
            else if (month.Year == lastYear)
            {
                inLastYear |= 1 << (month.Month - 1);
            }
        }
    }

    /// <summary>
    /// For each replayed event, whether it is an <c>exemptionGranted</c> that an <c>exemptionReported</c> follows before
    /// the next grant (Quy định 24-QĐ/TW §7.1): one pass, the open grant remembered.
    /// </summary>
    public static void MarkReported(ReadOnlySpan<ReplayStep> applied, Span<bool> reported)
    {
        var open = -1;
        for (var k = 0; k < applied.Length; k++)
        {
            switch (applied[k].Event)
            {
                case ExemptionGranted:
                    open = k;
                    break;
                case ExemptionReported when open >= 0:
                    reported[open] = true;
                    open = -1;
                    break;
            }
        }
    }

    /// <summary>The facts of an exemption on the date it was granted.</summary>
    public static ExemptionFacts Exemption(Person person, ExemptionGranted grant, bool reported, RuleParameters parameters)
    {
        var age = Math.Max(GateFactsBuilder.FullMonths(person.BirthDate, grant.Date), 0);
        var female = person.Sex == Sex.Female;
        var retirement = parameters.ExemptionRetirementAgeReading == 1
            ? StatutoryRetirementAgeMonths(female, grant.Date.Year)
            : female ? parameters.ExemptionWomenAgeMonths : parameters.ExemptionMenAgeMonths;
        return new ExemptionFacts
        {
            OldAge = grant.Grounds == ExemptionGrounds.OldAge,
            Illness = grant.Grounds == ExemptionGrounds.Illness,
            OtherGrounds = grant.Grounds == ExemptionGrounds.Other,
            MedicalCertificate = grant.MedicalCertificate,
            AgeMonths = age,
            RetirementAgeMonths = retirement,
            PastRetirementAge = age >= retirement,
            Reported = reported,
        };
    }

    /// <summary>
    /// The statutory retirement age in months in a year (Bộ luật Lao động 2019, Điều 169; Nghị định 135/2020/NĐ-CP, Điều
    /// 4): until 2020 men 60 years, women 55 (Bộ luật Lao động 2012); from 2021 men 60 years 3 months, rising 3 months a
    /// year to 62 (2028), women 55 years 4 months, rising 4 months a year to 60 (2035). Measured against the age on
    /// the date in that year — the reading of the Decree's table (Phụ lục I) by the year in which the age is reached.
    /// </summary>
    internal static int StatutoryRetirementAgeMonths(bool female, int year)
    {
        var steps = Math.Max(year - 2020, 0);
        return female ? Math.Min(660 + (4 * steps), 720) : Math.Min(720 + (3 * steps), 744);
    }
}
