using ChiBo.Rules;
using ChiBo.Rules.Facts;

namespace ChiBo.Benchmarks;

/// <summary>
/// Benchmark B's reference: the seventeen rules of the <c>cellAdmissionVote</c> workflow of the shipped rule sets
/// (same order, same meaning, same parameters) written by hand in C#. The benchmark's setup checks that they agree
/// with the compiled JSON rules on every generated case.
/// </summary>
internal static class HandWrittenAdmissionRules
{
    /// <summary>How many rules: the bits of the outcome.</summary>
    public const int Count = 17;

    /// <summary>Runs the rules: one bit per rule passed, and the bits of rules pending (the vote not yet held).</summary>
    public static (ulong Passed, ulong Pending) Evaluate(in GateFacts f, RuleParameters p)
    {
        var youthAge = f.Cell.HasYouthUnion && f.Age.Years >= p.YouthAgeMinYears && f.Age.Years <= p.YouthAgeMaxYears;
        var count = f.Introducers.Count;
        ulong passed = 0;
        passed |= Bit(0, f.Age.Months >= p.MinAgeMonths);
        passed |= Bit(1, f.Age.Months <= p.MaxAgeMonths || f.Age.ExceptionApproved);
        passed |= Bit(2, f.Education.Level >= p.MinEducationLevel || f.Education.ExceptionApproved);
        passed |= Bit(3, !youthAge || f.Person.YouthUnionMember);
        passed |= Bit(4, f.Course.Completed && f.Course.MonthsSinceCertificate < p.CertificateValidityMonths);
        passed |= Bit(5, f.Dossier.ApplicationSubmitted);
        passed |= Bit(6, f.Dossier.BackgroundDeclared && f.Dossier.BackgroundVerified && f.Dossier.BackgroundClear);
        passed |= Bit(7, count >= p.IntroducersRequired
            || (count >= p.IntroducersWithEndorsement && youthAge && f.Dossier.YouthUnionEndorsed)
            || (count >= p.IntroducersWithEndorsement && !f.Cell.HasYouthUnion && f.Cell.HasTradeUnion && f.Person.TradeUnionMember && f.Dossier.TradeUnionEndorsed));
        passed |= Bit(8, count >= p.IntroducersWithEndorsement && f.Introducers.AllFullMembers);
        passed |= Bit(9, count >= p.IntroducersWithEndorsement && f.Introducers.MinMonthsWorkedTogether >= p.IntroducerMonthsTogether);
        passed |= Bit(10, f.Dossier.CommentsCollected);
        passed |= Bit(11, f.Dossier.DocumentsCurrent);
        var r = f.Readmission;
        passed |= Bit(12, !r.Applies || !r.Excluded);
        passed |= Bit(13, !r.Applies || (r.MinorCrimeConviction ? r.MonthsSinceRecordCleared >= p.ReadmissionCriminalWaitMonths : r.MonthsSinceLeft >= p.ReadmissionWaitMonths));
        passed |= Bit(14, !r.Applies || r.TimesReadmitted < p.ReadmissionTimesAllowed);
        passed |= Bit(15, !r.Applies || r.ConsentGiven);
        passed |= Bit(16, f.Vote.Held && f.Vote.InFavour * p.VoteDenominator >= f.Vote.FullMembers * p.VoteNumerator);
        var pending = (passed & (1UL << 16)) == 0 && !f.Vote.Held ? 1UL << 16 : 0;
        return (passed, pending);
    }

    private static ulong Bit(int index, bool value) => value ? 1UL << index : 0;
}
