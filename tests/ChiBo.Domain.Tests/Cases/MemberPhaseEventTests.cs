using System.Linq;
using ChiBo.Cases;
using ChiBo.Lifecycle;
using NodaTime;
using Xunit;
using static ChiBo.Tests.TestData;

namespace ChiBo.Tests.Cases;

/// <summary>
/// Issue 12, the member-phase events (contract: "The member phase: standing, screening, exemption"): meetingMissed,
/// duesUnpaid, yearlyRating, partyCardReturned, exemptionReported, and exemptionGranted's grounds and
/// medicalCertificate — read and written exactly as the contract names them, with errors that name what and where.
/// </summary>
public class MemberPhaseEventTests
{
    private const string Json = """
        {
          "formatVersion": 1,
          "person": { "id": "m", "fullName": "Lê Thị Hoa", "birthDate": "1960-03-15", "sex": "female",
                      "occupation": "teacher", "educationLevel": "university" },
          "cell": { "id": "c", "name": "Chi bộ Trường THPT Trần Phú", "kind": "grassrootsCell", "superior": "Quận ủy Hải Châu" },
          "events": [
            { "type": "ceremonyHeld", "date": "2019-01-10" },
            { "type": "meetingMissed", "date": "2024-02-28", "month": "2024-02", "excused": false },
            { "type": "duesUnpaid", "date": "2024-09-30", "month": "2024-09" },
            { "type": "yearlyRating", "date": "2024-12-20", "year": 2024, "rating": "notFulfilled" },
            { "type": "partyCardReturned", "date": "2025-01-05" },
            { "type": "meetingMissed", "date": "2025-02-28", "month": "2025-02" }
          ]
        }
        """;

    private static string Event(int index) => $"$.events[{index}]";

    [Fact]
    public void Every_member_phase_name_reads_and_round_trips()
    {
        var file = CaseFileSerializer.Read(Json, "member.case.json").GetValueOrThrow();
        Assert.Equal(new MeetingMissed(D(2024, 2, 28), new YearMonth(2024, 2), false), file.Events[1]);
        Assert.Equal(new DuesUnpaid(D(2024, 9, 30), new YearMonth(2024, 9)), file.Events[2]);
        Assert.Equal(new YearlyRating(D(2024, 12, 20), 2024, MemberRating.NotFulfilled), file.Events[3]);
        Assert.Equal(new PartyCardReturned(D(2025, 1, 5)), file.Events[4]);
        Assert.False(((MeetingMissed)file.Events[5]).Excused); // excused defaults to false

        var written = CaseFileSerializer.Write(file);
        Assert.Contains("\"month\": \"2024-02\"", written);
        Assert.Contains("\"rating\": \"notFulfilled\"", written);
        Assert.Equal(file, CaseFileSerializer.Read(written).GetValueOrThrow());
        Assert.Equal(written, CaseFileSerializer.Write(CaseFileSerializer.Read(written).GetValueOrThrow()));
    }

    [Fact]
    public void Exemption_grounds_and_certificate_read_and_are_written_only_when_stated()
    {
        var withGrounds = Json.Replace(
            """{ "type": "partyCardReturned", "date": "2025-01-05" }""",
            """{ "type": "exemptionGranted", "date": "2025-01-05", "reason": "tuổi cao", "grounds": "oldAge", "medicalCertificate": true }, { "type": "exemptionReported", "date": "2025-01-10" }""");
        var file = CaseFileSerializer.Read(withGrounds).GetValueOrThrow();
        Assert.Equal(new ExemptionGranted(D(2025, 1, 5), "tuổi cao", ExemptionGrounds.OldAge, MedicalCertificate: true), file.Events[4]);
        Assert.Equal(new ExemptionReported(D(2025, 1, 10)), file.Events[5]);
        Assert.Equal(file, CaseFileSerializer.Read(CaseFileSerializer.Write(file)).GetValueOrThrow());

        // A legacy exemption (no grounds) is written as before: neither grounds nor medicalCertificate appears.
        var legacy = CaseFileSerializer.Write(Case(new ExemptionGranted(D(2020, 1, 1), "sức khỏe")));
        Assert.DoesNotContain("grounds", legacy);
        Assert.DoesNotContain("medicalCertificate", legacy);
    }

    // Defect class: a bad month (2024-13) must be refused naming the value, the event and the field, not read as 2025-01.
    [Theory]
    [InlineData("2024-13")]
    [InlineData("2024-00")]
    [InlineData("2024-2")]
    [InlineData("2024-02-01")]
    [InlineData("2024/02")]
    [InlineData("")]
    public void A_bad_month_is_refused_naming_it_and_its_place(string month)
    {
        var error = Assert.Single(CaseFileSerializer.Read(Json.Replace("\"month\": \"2024-02\"", $"\"month\": \"{month}\""), "member.case.json").Errors);
        Assert.Equal("json.wrongType", error.Code);
        Assert.Equal("$.events[1].month", error.Path);
        Assert.Equal(1, error.EventIndex);
        Assert.Contains($"'{month}' is not a month in the form yyyy-MM", error.Message);
        Assert.NotNull(error.Line);
    }

    [Theory]
    [InlineData("notfullfilled")]
    [InlineData("not_fulfilled")]
    [InlineData("good, excellent")]
    [InlineData("3")]
    public void A_rating_outside_the_list_is_refused_listing_the_ratings(string rating)
    {
        var error = Assert.Single(CaseFileSerializer.Read(Json.Replace("\"notFulfilled\"", $"\"{rating}\""), "member.case.json").Errors);
        Assert.Equal("json.wrongType", error.Code);
        Assert.Equal("$.events[3].rating", error.Path);
        Assert.Contains("excellent, good, fulfilled, notFulfilled", error.Message);
    }

    [Fact]
    public void A_rating_as_a_number_is_refused()
    {
        var error = Assert.Single(CaseFileSerializer.Read(Json.Replace("\"notFulfilled\"", "3")).Errors);
        Assert.Equal("$.events[3].rating", error.Path);
        Assert.Contains("notFulfilled", error.Message);
    }

    [Fact]
    public void Grounds_outside_the_list_are_refused_listing_them()
    {
        var json = Json.Replace("""{ "type": "partyCardReturned", "date": "2025-01-05" }""",
            """{ "type": "exemptionGranted", "date": "2025-01-05", "reason": "x", "grounds": "sick" }""");
        var error = Assert.Single(CaseFileSerializer.Read(json).Errors);
        Assert.Equal("$.events[4].grounds", error.Path);
        Assert.Contains("oldAge, illness, other", error.Message);
    }

    [Theory]
    [InlineData("\"month\": \"2024-02\"", "\"month\": \"2024-03\"", 1, "after the month the event was recorded")] // recorded in February for March
    [InlineData("\"month\": \"2024-09\"", "\"month\": \"1899-12\"", 2, "between 1900-01 and 2100-12")]
    [InlineData("\"year\": 2024", "\"year\": 2025", 3, "the rating's own year (2024)")]
    [InlineData("\"year\": 2024", "\"year\": 1899", 3, "between 1900")]
    public void A_month_or_year_that_cannot_be_is_refused_with_the_event(string from, string to, int index, string message)
    {
        var error = Assert.Single(CaseFileSerializer.Read(Json.Replace(from, to), "member.case.json").Errors);
        Assert.Equal("event.invalid", error.Code);
        Assert.Equal(Event(index), error.Path);
        Assert.Equal(index, error.EventIndex);
        Assert.Contains(message, error.Message);
    }

    // The contract's example: a rating for a sympathiser cannot follow the stage; the rejection names the event and the stages.
    [Fact]
    public void A_rating_for_a_sympathiser_cannot_follow_the_stage()
    {
        var file = Case(new AddedToSympathizerList(D(2024, 1, 1)), new YearlyRating(D(2024, 12, 20), 2024, MemberRating.Good));
        var replay = CaseLifecycle.Replay(file);
        Assert.False(replay.IsAccepted);
        Assert.Equal(1, replay.Rejection.EventIndex);
        Assert.Equal(Stage.Sympathizer, replay.Rejection.Stage);
        Assert.Contains("“yearlyRating” cannot follow the stage “Sympathiser”; it is possible only from: “Probationary member”, “Full member”", replay.Rejection.Reason.En);
        Assert.Contains("không thể xảy ra ở giai đoạn «Cảm tình đảng»", replay.Rejection.Reason.Vi);
    }

    [Fact]
    public void Member_phase_events_keep_the_stage_of_a_probationary_or_full_member()
    {
        var path = PathToFullMember();
        var ceremony = path.Single(e => e is CeremonyHeld).Date;
        var onProbation = Case([.. path.TakeWhile(e => e is not SelfReviewSubmitted), new MeetingMissed(ceremony.PlusDays(20), new YearMonth(ceremony.Year, ceremony.Month)),
            new DuesUnpaid(ceremony.PlusDays(21), new YearMonth(ceremony.Year, ceremony.Month)), new PartyCardReturned(ceremony.PlusDays(22))]);
        Assert.Equal(Stage.Probationary, CaseLifecycle.Replay(onProbation).GetValueOrThrow().Stage);

        var last = path[^1].Date;
        var full = Case([.. path, new YearlyRating(last.PlusDays(200), last.PlusDays(200).Year, MemberRating.Good),
            new ExemptionGranted(last.PlusDays(300), "tuổi cao", ExemptionGrounds.OldAge), new ExemptionReported(last.PlusDays(301))]);
        var history = CaseLifecycle.Replay(full).GetValueOrThrow();
        Assert.Equal(Stage.FullMember, history.Stage);
        Assert.True(history.IsExempt);

        // The superior is informed of an exemption of a full member only: not of a probationary member.
        Assert.False(CaseLifecycle.Replay(Case([.. path.TakeWhile(e => e is not SelfReviewSubmitted), new ExemptionReported(ceremony.PlusDays(5))])).IsAccepted);
    }

    [Fact]
    public void Every_member_phase_kind_has_its_contract_name_and_a_description_in_both_languages()
    {
        (EventKind Kind, string Name)[] expected =
        [
            (EventKind.MeetingMissed, "meetingMissed"), (EventKind.DuesUnpaid, "duesUnpaid"), (EventKind.YearlyRating, "yearlyRating"),
            (EventKind.PartyCardReturned, "partyCardReturned"), (EventKind.ExemptionReported, "exemptionReported"),
        ];
        foreach (var (kind, name) in expected)
        {
            Assert.Equal(name, EventKinds.JsonName(kind));
            Assert.True(EventKinds.TryParse(name, out var parsed) && parsed == kind);
            Assert.False(string.IsNullOrWhiteSpace(EventKinds.Describe(kind).Vi));
        }
    }
}
