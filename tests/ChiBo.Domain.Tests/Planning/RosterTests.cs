using System;
using System.IO;
using System.Linq;
using System.Text;
using ChiBo.Cases;
using ChiBo.Planning;
using Xunit;

namespace ChiBo.Tests.Planning;

public class RosterTests
{
    private static readonly string RosterDir = Path.Combine(TestData.RepoRoot, "samples", "roster-2019");

    private static RosterFile File(string name, string text) => new(name, Encoding.UTF8.GetBytes(text));

    private static RosterFile Sample(string name) => new(name, System.IO.File.ReadAllBytes(Path.Combine(RosterDir, name)));

    private static string Good(string id, string cellId = "cb-thpt-tran-phu") =>
        $$"""
        { "formatVersion": 1,
          "person": { "id": "{{id}}", "fullName": "Người {{id}}", "birthDate": "2000-01-01", "sex": "male", "occupation": "student",
                      "educationLevel": "upperSecondary", "youthUnionMemberSince": null, "tradeUnionMemberSince": null, "religion": null, "workUnit": null },
          "cell": { "id": "{{cellId}}", "name": "Chi bộ", "kind": "grassrootsCell" },
          "events": [ { "type": "identifiedAsSource", "date": "2019-01-10" } ] }
        """;

    [Fact]
    public void Load_reports_every_bad_file_by_name_and_keeps_the_good_ones()
    {
        var roster = Roster.Load(Sample("cell.json"),
        [
            File("a.case.json", Good("a")),
            File("b.case.json", "{ \"formatVersion\": 1,, }"),
            File("c.case.json", Good("c").Replace("identifiedAsSource", "bogus", StringComparison.Ordinal)),
            File("d.case.json", Good("a")),
            File("e.case.json", Good("e", cellId: "cb-khac")),
            File("f.case.json", Good("f")),
        ]);

        Assert.Equal(["a.case.json", "f.case.json"], roster.Cases.Select(c => c.FileName));
        Assert.Equal(
            [("b.case.json", "json.syntax"), ("c.case.json", "event.unknownType"), ("d.case.json", "roster.duplicatePerson"), ("e.case.json", "roster.otherCell")],
            roster.Errors.Select(e => (e.File, e.Code)));
        Assert.Contains("a.case.json", roster.Errors.Single(e => e.Code == "roster.duplicatePerson").Message);
        Assert.NotNull(roster.CellFile);
    }

    [Fact]
    public void Load_orders_cases_by_file_name()
    {
        var roster = Roster.Load(null, [File("z.case.json", Good("z")), File("m.case.json", Good("m"))]);
        Assert.Equal(["m.case.json", "z.case.json"], roster.Cases.Select(c => c.FileName));
        Assert.Null(roster.CellFile);
        Assert.Empty(roster.Errors);
    }

    [Fact]
    public void A_bad_cell_file_is_reported_and_the_cases_still_load()
    {
        var roster = Roster.Load(File("cell.json", "{ \"formatVersion\": 1 }"), [File("a.case.json", Good("a"))]);
        Assert.Null(roster.CellFile);
        Assert.Single(roster.Cases);
        var error = Assert.Single(roster.Errors);
        Assert.Equal("cell.json", error.File);
        Assert.Equal("json.missingProperty", error.Code);
    }

    [Fact]
    public void Host_read_errors_are_kept_first()
    {
        var io = new CaseFileError("file.unreadable", "cannot read the file", "x.case.json");
        var roster = Roster.Load(null, [File("b.case.json", "{")], [io]);
        Assert.Equal(["x.case.json", "b.case.json"], roster.Errors.Select(e => e.File));
    }

    [Fact]
    public void Of_applies_the_same_checks_as_load()
    {
        var cell = PlanningData.CellFile();
        var other = new RosterCase("o.case.json", new CaseFile(PlanningData.Person("o"), TestData.SubordinateCell));
        var roster = Roster.Of(cell, [PlanningData.Case("x"), other, new RosterCase("y.case.json", PlanningData.Case("x").Case)]);
        Assert.Equal(["x.case.json"], roster.Cases.Select(c => c.FileName));
        Assert.Equal([("o.case.json", "roster.otherCell"), ("y.case.json", "roster.duplicatePerson")], roster.Errors.Select(e => (e.File, e.Code)));
    }

    [Fact]
    public void The_demo_roster_loads_without_errors()
    {
        var files = Directory.GetFiles(RosterDir, "*.case.json").Select(f => Sample(Path.GetFileName(f)));
        var roster = Roster.Load(Sample("cell.json"), files);
        Assert.Empty(roster.Errors);
        Assert.InRange(roster.Cases.Length, 15, 20);
        Assert.Equal(roster.Cases.Length, roster.Cases.Select(c => c.Case.Person.Id).Distinct().Count());
    }
}
