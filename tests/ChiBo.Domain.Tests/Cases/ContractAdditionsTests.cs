using System.Linq;
using ChiBo.Cases;
using NodaTime;
using Xunit;

namespace ChiBo.Tests.Cases;

/// <summary>
/// The names of the contract's "Additions for the law in force today" read from JSON exactly as written there:
/// cell.changes, person.previousMembership, decisionDeadlineExtended, introducerReplaced, readmissionConsentGiven.
/// </summary>
public class ContractAdditionsTests
{
    private const string Json = """
        {
          "formatVersion": 1,
          "person": { "id": "x", "fullName": "Nguyễn Văn Lại", "birthDate": "1980-03-15", "sex": "male",
                      "occupation": "teacher", "educationLevel": "university",
                      "previousMembership": { "admissionDecided": "2005-03-10", "left": "2012-03-10", "reason": "resignedForHardship",
                                              "recordClearedOn": null, "timesReadmitted": 0 } },
          "cell": { "id": "c", "name": "Chi bộ Trường THPT Trần Phú", "kind": "grassrootsCell", "superior": "Quận ủy Hải Châu",
                    "changes": [ { "from": "2025-07-01", "kind": "subordinateCell", "superior": "Đảng ủy phường Hải Châu" } ] },
          "events": [
            { "type": "applicationSubmitted", "date": "2024-09-01" },
            { "type": "introducerAssigned", "date": "2024-10-01", "memberId": "dv-1", "fullMemberSince": "2010-01-01", "workedTogetherSince": "2020-01-01" },
            { "type": "introducerReplaced", "date": "2024-12-01", "memberId": "dv-3", "replaces": "dv-1", "reason": "transferred", "fullMemberSince": "2015-01-01" },
            { "type": "readmissionConsentGiven", "date": "2025-01-15", "by": "Ban Thường vụ Thành ủy Đà Nẵng" },
            { "type": "cellVoted", "date": "2025-03-03", "purpose": "admission", "inFavour": 10, "fullMembers": 12 },
            { "type": "decisionDeadlineExtended", "date": "2025-05-20", "purpose": "admission", "workingDays": 20 }
          ]
        }
        """;

    [Fact]
    public void Every_new_name_reads_and_round_trips()
    {
        var file = CaseFileSerializer.Read(Json, "additions.case.json").GetValueOrThrow();
        Assert.Equal(new PreviousMembership(new LocalDate(2005, 3, 10), new LocalDate(2012, 3, 10), LeavingReason.ResignedForHardship), file.Person.PreviousMembership);
        Assert.Equal(new CellChange(new LocalDate(2025, 7, 1), CellKind.SubordinateCell, "Đảng ủy phường Hải Châu"), file.Cell.Changes!.Single());
        Assert.Equal(new IntroducerReplaced(new LocalDate(2024, 12, 1), "dv-3", "dv-1", IntroducerReplacementReason.Transferred, new LocalDate(2015, 1, 1)), file.Events[2]);
        Assert.Equal(new ReadmissionConsentGiven(new LocalDate(2025, 1, 15), "Ban Thường vụ Thành ủy Đà Nẵng"), file.Events[3]);
        Assert.Equal(new DecisionDeadlineExtended(new LocalDate(2025, 5, 20), DecisionPurpose.Admission, 20), file.Events[5]);

        var written = CaseFileSerializer.Write(file);
        Assert.Contains("\"previousMembership\"", written);
        Assert.Contains("\"changes\"", written);
        Assert.Equal(file, CaseFileSerializer.Read(written).GetValueOrThrow());
        Assert.DoesNotContain("\"changes\"", CaseFileSerializer.Write(file.WithEvents([]) is var f ? new CaseFile(f.Person, f.Cell with { Changes = null }) : f));
    }

    [Theory]
    [InlineData("\"workingDays\": 20", "\"workingDays\": 0", "$.events[5]")]
    [InlineData("\"left\": \"2012-03-10\"", "\"left\": \"2004-03-10\"", "$.person.previousMembership.left")]
    [InlineData("\"replaces\": \"dv-1\"", "\"replaces\": \" \"", "$.events[2]")]
    public void A_bad_value_of_a_new_field_is_refused_with_its_path(string from, string to, string path)
    {
        var error = Assert.Single(CaseFileSerializer.Read(Json.Replace(from, to), "additions.case.json").Errors);
        Assert.Equal(path, error.Path);
    }
}
