using System.Linq;
using ChiBo.Cases;
using ChiBo.Rules.Facts;
using NodaTime;
using Xunit;

namespace ChiBo.Rules.Tests;

/// <summary>
/// Issue 12, an exemption judged on its date (Quy định 24-QĐ/TW §7.1): <c>exemption.grounds</c> (old age — past the
/// retirement age on the request's date, by the reading <c>exemptionRetirementAgeReading</c> states — or illness, with a
/// medical certificate from the 2021 era on, or from 2022 another reason) and <c>exemption.reported</c> (the cell informs
/// the direct superior committee). A grant that breaks them is a violation in the supervision view.
/// </summary>
public class ExemptionRulesTests
{
    private static Person Man(LocalDate birth) => new("m1", "Trần Văn Bình", birth, Sex.Male, Occupation.Staff, EducationLevel.College, null, null);

    private static Person Woman(LocalDate birth) => new("w1", "Đoàn Thị Hạnh", birth, Sex.Female, Occupation.Staff, EducationLevel.College, null, null);

    private static CaseFile Exempted(Person person, ExemptionGranted grant, bool reported = true) =>
        MemberStandingTests.FullMember(reported ? [grant, new ExemptionReported(grant.Date.PlusDays(7))] : [grant], person);

    private static string[] Violations(CaseFile file, LocalDate? asOf = null, RuleCatalog? catalog = null) =>
        [.. (catalog ?? Cases.Catalog).FindViolations(Cases.History(file, asOf ?? new LocalDate(2026, 6, 1))).Select(v => v.Rule).Where(r => r.StartsWith("exemption.", System.StringComparison.Ordinal))];

    private static ExemptionGranted Grant(LocalDate on, ExemptionGrounds grounds, bool certificate = false) => new(on, "xin miễn", grounds, certificate);

    [Fact]
    public void Old_age_past_the_retirement_age_on_the_request_date_passes()
    {
        // Born 1958-10-05: 62 on 2020-10-18, past 60 (the statutory age until 2020).
        Assert.Empty(Violations(Exempted(Man(new LocalDate(1958, 10, 5)), Grant(new LocalDate(2020, 10, 18), ExemptionGrounds.OldAge))));
    }

    [Fact]
    public void Old_age_below_the_retirement_age_fails_with_the_ages_named()
    {
        // Born 1961-02-01: 59 years 8 months on 2020-10-18.
        var file = Exempted(Man(new LocalDate(1961, 2, 1)), Grant(new LocalDate(2020, 10, 18), ExemptionGrounds.OldAge));
        var violation = Cases.Catalog.FindViolations(Cases.History(file, new LocalDate(2021, 1, 1))).Single(v => v.Rule.StartsWith("exemption.", System.StringComparison.Ordinal));
        Assert.Equal(("exemption.grounds", "2016-qd29"), (violation.Rule, violation.RuleSet));
        Assert.Equal(file.Events.Length - 2, violation.Event);
        Assert.Contains("59 tuổi 8 tháng, tuổi nghỉ hưu 60 tuổi 0 tháng", violation.Detail!.Value.Vi);
        Assert.Contains("Quy định 29-QĐ/TW (2016), 7.1", violation.Source);
    }

    // The reading is a parameter: born 1961-11-15, 60 years 3 months on 2022-03-10. The Labour Code 2019 puts a man's
    // retirement at 60 years 6 months in 2022: not yet old. The 2009 reading (men 60) makes him old.
    [Fact]
    public void The_retirement_age_reading_is_a_parameter()
    {
        var file = Exempted(Man(new LocalDate(1961, 11, 15)), Grant(new LocalDate(2022, 3, 10), ExemptionGrounds.OldAge));
        Assert.Equal(["exemption.grounds"], Violations(file));

        var node = RuleFiles.Node("2021-qd24");
        node["parameters"]!["exemptionRetirementAgeReading"]!["value"] = 0;
        var fixedAges = RuleCatalog.Create([RuleFiles.Load(node).GetValueOrThrow()]).GetValueOrThrow();
        Assert.Empty(Violations(file, catalog: fixedAges));

        node["parameters"]!["exemptionRetirementAgeReading"]!["value"] = 2;
        Assert.Contains(RuleFiles.Load(node).Errors, e => e.Code == "parameter.outOfRange" && e.Path == "$.parameters.exemptionRetirementAgeReading.value");
    }

    [Theory]
    [InlineData(false, 2020, 11, 5, true)]  // 2016 era: no certificate required
    [InlineData(false, 2022, 5, 5, false)]  // 2021 era: a certificate is required
    [InlineData(true, 2022, 5, 5, true)]
    [InlineData(false, 2025, 3, 5, false)]  // 2025-qd232
    [InlineData(true, 2025, 3, 5, true)]
    [InlineData(false, 2026, 3, 5, false)]  // 2025-qd294
    [InlineData(true, 2026, 3, 5, true)]
    public void Illness_needs_a_medical_certificate_from_the_2021_era(bool certificate, int y, int m, int d, bool passes)
    {
        var file = Exempted(Woman(new LocalDate(1975, 1, 1)), Grant(new LocalDate(y, m, d), ExemptionGrounds.Illness, certificate));
        Assert.Equal(passes, Violations(file).Length == 0);
    }

    [Theory]
    [InlineData(2020, false)]
    [InlineData(2022, true)]
    public void Other_grounds_are_allowed_from_the_2021_era(int year, bool passes)
    {
        var file = Exempted(Woman(new LocalDate(1975, 1, 1)), Grant(new LocalDate(year, 9, 1), ExemptionGrounds.Other));
        Assert.Equal(passes, Violations(file).Length == 0);
    }

    // exemption.reported, every era: a grant with no report after it is a violation; one with a report is not.
    [Theory]
    [InlineData(2021, "2016-qd29")]
    [InlineData(2023, "2021-qd24")]
    [InlineData(2025, "2025-qd232")]
    [InlineData(2026, "2025-qd294")]
    public void An_exemption_not_reported_to_the_superior_is_a_violation_in_every_era(int year, string ruleSet)
    {
        var grant = Grant(new LocalDate(year, 3, 2), ExemptionGrounds.Illness, certificate: true);
        var unreported = Exempted(Woman(new LocalDate(1975, 1, 1)), grant, reported: false);
        var violation = Assert.Single(Cases.Catalog.FindViolations(Cases.History(unreported, new LocalDate(2026, 12, 1))));
        Assert.Equal(("exemption.reported", ruleSet), (violation.Rule, violation.RuleSet));
        Assert.Empty(Violations(Exempted(Woman(new LocalDate(1975, 1, 1)), grant)));
    }

    // The report counts for the latest grant before it only; and it counts only when on or before the "as of" date.
    [Fact]
    public void A_report_belongs_to_the_grant_before_it()
    {
        var first = Grant(new LocalDate(2022, 3, 2), ExemptionGrounds.Illness, certificate: true);
        var second = Grant(new LocalDate(2024, 3, 2), ExemptionGrounds.Illness, certificate: true);
        var file = MemberStandingTests.FullMember([first, new ExemptionReported(new LocalDate(2022, 3, 9)), new ExemptionEnded(new LocalDate(2023, 1, 1), "khỏe"), second],
            Woman(new LocalDate(1975, 1, 1)));
        var violation = Assert.Single(Cases.Catalog.FindViolations(Cases.History(file, new LocalDate(2026, 1, 1))));
        Assert.Equal(file.Events.Length - 1, violation.Event);
        Assert.Equal(["exemption.reported"], Violations(file, new LocalDate(2022, 3, 5))); // not yet reported on 2022-03-05
    }

    // A grant recorded without grounds (a file written before issue 12) is not judged.
    [Fact]
    public void A_grant_without_grounds_is_not_judged()
    {
        var file = MemberStandingTests.FullMember([new ExemptionGranted(new LocalDate(2022, 3, 2), "sức khỏe")], Woman(new LocalDate(1990, 1, 1)));
        Assert.Empty(Violations(file));
    }

    [Theory]
    [InlineData(false, 2020, 720)]
    [InlineData(false, 2021, 723)]
    [InlineData(false, 2024, 732)]
    [InlineData(false, 2028, 744)]
    [InlineData(false, 2035, 744)]
    [InlineData(true, 2019, 660)]
    [InlineData(true, 2021, 664)]
    [InlineData(true, 2030, 700)]
    [InlineData(true, 2035, 720)]
    [InlineData(true, 2040, 720)]
    public void The_statutory_retirement_age_follows_the_Labour_Code_2019(bool female, int year, int months) =>
        Assert.Equal(months, MemberFactsBuilder.StatutoryRetirementAgeMonths(female, year));
}

/// <summary>Issue 12: exemptions are judged in one pass, each on its own facts (no rescan of the events before each grant).</summary>
public class ExemptionScaleTests
{
    [Fact]
    public void A_file_of_thousands_of_grants_gives_one_violation_per_unreported_grant()
    {
        var events = new System.Collections.Generic.List<ChiBo.Cases.CaseEvent>();
        var date = new NodaTime.LocalDate(2021, 1, 4);
        for (var i = 0; i < 2_000; i++)
        {
            events.Add(new ChiBo.Cases.ExemptionGranted(date, "ốm", ChiBo.Cases.ExemptionGrounds.Illness, MedicalCertificate: true));
            if (i % 2 == 0)
            {
                events.Add(new ChiBo.Cases.ExemptionReported(date));
            }

            events.Add(new ChiBo.Cases.ExemptionEnded(date, "khỏe"));
            date = date.PlusDays(1);
        }

        var file = MemberStandingTests.FullMember(events);
        var violations = Cases.Catalog.FindViolations(Cases.History(file, date));
        Assert.Equal(1_000, violations.Count(v => v.Rule == "exemption.reported"));
        Assert.DoesNotContain(violations, v => v.Rule == "exemption.grounds");
    }
}
