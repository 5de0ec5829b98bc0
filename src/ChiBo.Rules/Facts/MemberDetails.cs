using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ChiBo.Evaluation;
using ChiBo.Text;

namespace ChiBo.Rules.Facts;

/// <summary>
/// The detail of a member-phase check (<see cref="RuleCheck.Detail"/>): what the library found in the case for the
/// facts the rule reads, named in both languages — the months of missed meetings and unpaid dues, the years rated
/// <c>notFulfilled</c>, the day the card was returned, the exemption's grounds and age. A rule's message states the
/// rule with the rule set's numbers; the detail names the case's months and years, which a message cannot, since
/// messages hold only <c>{params.x}</c> placeholders. Which detail a check gets follows from the names its rule's
/// expression reads (<c>standing.months…</c>, <c>standing.…NotFulfilledYears</c>, <c>standing.partyCardReturned</c>,
/// <c>exemption.…</c>), so an official's edited or added rule over the same facts gets the same detail.
/// </summary>
internal static class MemberDetails
{
    private static readonly string[] EnglishMonths = CultureInfo.InvariantCulture.DateTimeFormat.MonthNames;

    /// <summary>
    /// The standing checks with their details: <paramref name="checks"/> (the caller's own array) given them in place,
    /// or, when it is null, the outcome's checks in a new array once some detail is found; null when none is.
    /// </summary>
    public static RuleCheck[]? WithDetails(RuleCheck[]? checks, in GateOutcome outcome, RuleWorkflow workflow, in StandingFacts facts)
    {
        for (var i = 0; i < workflow.Rules.Length; i++)
        {
            if (Standing(workflow.Rules[i].Expression, in facts) is { } detail)
            {
                checks ??= outcome.ToCheckArray();
                checks[i] = checks[i] with { Detail = detail };
            }
        }

        return checks;
    }

    /// <summary>The detail of a standing rule, by the facts its expression reads; null when nothing was found.</summary>
    public static LocalizedText? Standing(string expression, in StandingFacts facts)
    {
        // The parts found, joined by "; " (no list: every standing check of every member passes here, most find nothing).
        LocalizedText? detail = null;
        if (expression.Contains("standing.months", StringComparison.Ordinal) && Attendance(in facts) is { } attendance)
        {
            Append(ref detail, attendance);
        }

        if (expression.Contains("NotFulfilledYears", StringComparison.Ordinal) && Ratings(in facts) is { } ratings)
        {
            Append(ref detail, ratings);
        }

        if (expression.Contains("standing.partyCardReturned", StringComparison.Ordinal) && facts.PartyCardReturned)
        {
            Append(ref detail, new LocalizedText(
                $"tự ý trả thẻ đảng viên ngày {facts.PartyCardReturnedOn:dd/MM/yyyy}",
                $"handed back the party card on {facts.PartyCardReturnedOn:yyyy-MM-dd}"));
        }

        return detail;
    }

    /// <summary>Adds a part to a detail: the texts joined by "; " in each language, as <c>string.Join("; ", parts)</c>.</summary>
    private static void Append(ref LocalizedText? detail, LocalizedText part) =>
        detail = detail is { } before ? new LocalizedText($"{before.Vi}; {part.Vi}", $"{before.En}; {part.En}") : part;

    /// <summary>E.g. "bỏ sinh hoạt tháng 2, 5 và không đóng đảng phí tháng 9 năm 2024", the year before first.</summary>
    private static LocalizedText? Attendance(in StandingFacts facts)
    {
        LocalizedText? years = null;
        if (Year(facts.MissedLastYear, facts.UnpaidLastYear, facts.Year - 1) is { } last)
        {
            Append(ref years, last);
        }

        if (Year(facts.MissedThisYear, facts.UnpaidThisYear, facts.Year) is { } current)
        {
            Append(ref years, current);
        }

        return years;
    }

    private static LocalizedText? Year(int missed, int unpaid, int year)
    {
        if ((missed | unpaid) == 0)
        {
            return null;
        }

        // The texts of the lists and iterators this was written with ("tháng 2, 5"; "in February, May and September"),
        // without them: a member with a month missed meets this for every evaluation.
        var count = System.Numerics.BitOperations.PopCount((uint)(missed | unpaid));
        var missedVi = missed != 0 ? $"bỏ sinh hoạt tháng {MonthNumbers(missed)}" : null;
        var missedEn = missed != 0 ? $"missed meetings in {MonthNames(missed)}" : null;
        var unpaidVi = unpaid != 0 ? $"không đóng đảng phí tháng {MonthNumbers(unpaid)}" : null;
        var unpaidEn = unpaid != 0 ? $"did not pay dues in {MonthNames(unpaid)}" : null;
        var vi = missedVi is not null && unpaidVi is not null ? $"{missedVi} và {unpaidVi}" : missedVi ?? unpaidVi;
        var en = missedEn is not null && unpaidEn is not null ? $"{missedEn} and {unpaidEn}" : missedEn ?? unpaidEn;
        return new LocalizedText(
            $"{vi} năm {year} ({count} tháng)",
            $"{en} {year} ({count} {(count == 1 ? "month" : "months")})");
    }

    /// <summary>The months of a mask by number, "2, 5, 9" (<c>string.Join(", ", months)</c>).</summary>
    internal static string MonthNumbers(int mask)
    {
        Span<char> text = stackalloc char[48];
        var length = 0;
        for (var m = 1; m <= 12; m++)
        {
            if ((mask & (1 << (m - 1))) != 0)
            {
                if (length > 0)
                {
                    text[length++] = ',';
                    text[length++] = ' ';
                }

                m.TryFormat(text[length..], out var written);
                length += written;
            }
        }

        return new string(text[..length]);
    }

    /// <summary>The months of a mask by English name, "February, May and September" (<see cref="Series"/>'s form).</summary>
    internal static string MonthNames(int mask)
    {
        var count = System.Numerics.BitOperations.PopCount((uint)mask);
        Span<char> text = stackalloc char[160];
        var length = 0;
        var k = 0;
        for (var m = 1; m <= 12; m++)
        {
            if ((mask & (1 << (m - 1))) != 0)
            {
                var separator = k == 0 ? string.Empty : k == count - 1 ? " and " : ", ";
                separator.CopyTo(text[length..]);
                length += separator.Length;
                EnglishMonths[m - 1].CopyTo(text[length..]);
                length += EnglishMonths[m - 1].Length;
                k++;
            }
        }

        return new string(text[..length]);
    }

    /// <summary>E.g. "xếp loại không hoàn thành nhiệm vụ hai năm liền: 2018, 2019".</summary>
    private static LocalizedText? Ratings(in StandingFacts facts)
    {
        if (facts.ConsecutiveNotFulfilledYears == 0)
        {
            return facts.NotFulfilledYears == 0
                ? null
                : new LocalizedText(
                    $"{facts.NotFulfilledYears} năm xếp loại không hoàn thành nhiệm vụ, không liền nhau; năm {facts.LatestRatedYear} không bị xếp loại đó",
                    $"{facts.NotFulfilledYears} {(facts.NotFulfilledYears == 1 ? "year" : "years")} rated \"not fulfilled\", not in a row; {facts.LatestRatedYear} was rated otherwise");
        }

        var others = facts.NotFulfilledYears - facts.ConsecutiveNotFulfilledYears;
        if (facts.ConsecutiveNotFulfilledYears == 1)
        {
            return new LocalizedText(
                $"xếp loại không hoàn thành nhiệm vụ năm {facts.LatestRatedYear}, năm trước đó thì không" + (others > 0 ? $"; tổng cộng {facts.NotFulfilledYears} năm, không liền nhau" : string.Empty),
                $"rated \"not fulfilled\" in {facts.LatestRatedYear}, not the year before" + (others > 0 ? $"; {facts.NotFulfilledYears} years in all, not in a row" : string.Empty));
        }

        var years = Enumerable.Range(facts.LatestRatedYear - facts.ConsecutiveNotFulfilledYears + 1, facts.ConsecutiveNotFulfilledYears).ToArray();
        return new LocalizedText(
            $"xếp loại không hoàn thành nhiệm vụ {years.Length} năm liền: {string.Join(", ", years)}",
            $"rated \"not fulfilled\" {years.Length} {(years.Length == 1 ? "year" : "years in a row")}: {Series(years.Select(y => y.ToString(CultureInfo.InvariantCulture)))}");
    }

    /// <summary>The detail of an exemption check: its grounds, the age against the retirement age, the certificate, the report.</summary>
    public static LocalizedText Exemption(string expression, in ExemptionFacts facts)
    {
        var (groundsVi, groundsEn) = facts.OldAge ? ("tuổi cao", "old age") : facts.Illness ? ("sức khỏe yếu", "illness") : ("lý do khác", "another reason");
        if (expression.Contains("exemption.reported", StringComparison.Ordinal) && !expression.Contains("exemption.oldAge", StringComparison.Ordinal))
        {
            return facts.Reported
                ? new LocalizedText("chi bộ đã báo cáo cấp ủy cấp trên trực tiếp", "the cell informed the direct superior committee")
                : new LocalizedText("chưa có báo cáo cấp ủy cấp trên trực tiếp", "no report to the direct superior committee is on record");
        }

        var age = $"{facts.AgeMonths / 12}";
        var ageMonths = facts.AgeMonths % 12;
        var retirement = facts.RetirementAgeMonths;
        var vi = $"lý do: {groundsVi}; ngày được miễn đảng viên {age} tuổi {ageMonths} tháng, tuổi nghỉ hưu {retirement / 12} tuổi {retirement % 12} tháng"
            + (facts.Illness ? facts.MedicalCertificate ? "; có giấy xác nhận của cơ sở y tế" : "; không có giấy xác nhận của cơ sở y tế" : string.Empty);
        var en = $"grounds: {groundsEn}; on the day of the grant the member was {age} years {ageMonths} months old, the retirement age {retirement / 12} years {retirement % 12} months"
            + (facts.Illness ? facts.MedicalCertificate ? "; a medical certificate is on record" : "; no medical certificate is on record" : string.Empty);
        return new LocalizedText(vi, en);
    }

    private static string Series(IEnumerable<string> items)
    {
        var list = items.ToList();
        return list.Count <= 1 ? string.Join(string.Empty, list) : $"{string.Join(", ", list.Take(list.Count - 1))} and {list[^1]}";
    }
}
