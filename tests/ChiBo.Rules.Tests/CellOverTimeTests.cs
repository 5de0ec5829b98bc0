using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using ChiBo.Cases;
using ChiBo.Evaluation;
using ChiBo.Lifecycle;
using ChiBo.Serialization;
using ChiBo.Testing;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using Xunit;

namespace ChiBo.Rules.Tests;

/// <summary>
/// The cell over time (<c>cell.changes</c>; issue 11 item 2): every judgement about the cell uses the cell on the date
/// of the event judged. The seed's school cell: a grassroots cell under Quận ủy Hải Châu until 30/6/2025, a cell
/// under the ward committee from 1/7/2025 (the district level abolished, Quy định 294-QĐ/TW), a grassroots cell again
/// from 10/1/2026 (Đà Nẵng, legal-2026.md §1.4).
/// </summary>
public class CellOverTimeTests
{
    private static readonly Cell SchoolCell = Cases.GrassrootsCell with
    {
        Changes =
        [
            new CellChange(new LocalDate(2025, 7, 1), CellKind.SubordinateCell, "Đảng ủy phường Hải Châu"),
            new CellChange(new LocalDate(2026, 1, 10), CellKind.GrassrootsCell),
        ],
    };

    private static CaseFile Voted(LocalDate vote, params CaseEvent[] more)
    {
        var events = Cases.Dossier(vote);
        events.Add(new CellVoted(vote, VotePurpose.Admission, 9, 12));
        events.AddRange(more);
        return new CaseFile(Cases.Person(new LocalDate(1996, 1, 10)), SchoolCell, [.. events]);
    }

    [Fact]
    public void The_cell_on_a_date_applies_the_changes_dated_on_or_before_it()
    {
        Assert.Equal((CellKind.GrassrootsCell, "Quận ủy Hải Châu"), (SchoolCell.On(new LocalDate(2025, 6, 30)).Kind, SchoolCell.On(new LocalDate(2025, 6, 30)).Superior));
        Assert.Equal((CellKind.SubordinateCell, "Đảng ủy phường Hải Châu"), (SchoolCell.On(new LocalDate(2025, 7, 1)).Kind, SchoolCell.On(new LocalDate(2025, 7, 1)).Superior));
        Assert.Equal((CellKind.GrassrootsCell, "Đảng ủy phường Hải Châu"), (SchoolCell.On(new LocalDate(2026, 1, 10)).Kind, SchoolCell.On(new LocalDate(2026, 1, 10)).Superior));
        Assert.Null(SchoolCell.On(new LocalDate(2030, 1, 1)).Changes);
        Assert.Same(Cases.GrassrootsCell, Cases.GrassrootsCell.On(new LocalDate(2030, 1, 1)));
    }

    [Fact]
    public void A_committee_vote_while_the_cell_was_a_grassroots_cell_is_refused_and_after_it_became_subordinate_accepted()
    {
        var vote = new LocalDate(2025, 6, 2);
        var early = CaseLifecycle.Replay(Voted(vote, new GrassrootsCommitteeVoted(new LocalDate(2025, 6, 20), VotePurpose.Admission, 9, 11)));
        Assert.NotNull(early.Rejection);
        Assert.Equal(EventKind.GrassrootsCommitteeVoted, early.Rejection!.Event);
        Assert.Equal(new LocalDate(2025, 6, 20), early.Rejection.Date);

        var later = CaseLifecycle.Replay(Voted(vote, new GrassrootsCommitteeVoted(new LocalDate(2025, 7, 10), VotePurpose.Admission, 9, 11)));
        Assert.Null(later.Rejection);
        Assert.Equal(Stage.ApprovedByGrassrootsCommittee, later.History!.Stage);

        // Once a grassroots cell again (10/1/2026), a committee vote is refused again.
        Assert.NotNull(CaseLifecycle.Replay(Voted(new LocalDate(2025, 12, 1), new GrassrootsCommitteeVoted(new LocalDate(2026, 1, 12), VotePurpose.Admission, 9, 11))).Rejection);
    }

    [Fact]
    public void The_next_gate_and_the_answers_cell_follow_the_as_of_date()
    {
        var file = Voted(new LocalDate(2025, 6, 2));
        var evaluator = new CaseEvaluator(Cases.Catalog);
        var june = evaluator.Evaluate(file, new LocalDate(2025, 6, 20)).Value!;
        Assert.Equal(Gate.AdmissionDecision, june.NextGate);
        Assert.Equal((CellKind.GrassrootsCell, "Quận ủy Hải Châu"), (june.Cell!.Kind, june.Cell.Superior));

        var july = evaluator.Evaluate(file, new LocalDate(2025, 7, 10)).Value!;
        Assert.Equal(Gate.CommitteeApproval, july.NextGate);
        Assert.Equal((CellKind.SubordinateCell, "Đảng ủy phường Hải Châu"), (july.Cell!.Kind, july.Cell.Superior));
        Assert.Equal("2025-qd294", july.RuleSet);

        var json = JsonSerializer.SerializeToElement(july, ChiBoJson.Options);
        Assert.Equal("subordinateCell", json.GetProperty("cell").GetProperty("kind").GetString());
        Assert.Equal("Đảng ủy phường Hải Châu", json.GetProperty("cell").GetProperty("superior").GetString());
    }

    [Fact]
    public void The_sample_of_the_school_cell_crossing_1_July_2025_reads_and_is_judged_by_both_eras()
    {
        var path = Path.Combine(RuleFiles.RepoRoot, "samples", "cases", "school-cell-across-2025.case.json");
        var file = CaseFileSerializer.Read(File.ReadAllBytes(path), path).GetValueOrThrow();
        Assert.Equal(2, file.Cell.Changes!.Count);
        var evaluation = new CaseEvaluator(Cases.Catalog).Evaluate(file, new LocalDate(2025, 9, 30)).Value!;
        Assert.Equal(Stage.Probationary, evaluation.Stage);
        Assert.Empty(evaluation.Violations);
        Assert.Equal(CellKind.SubordinateCell, evaluation.Cell!.Kind);
        Assert.Equal("2025-qd232", Cases.Catalog.InForce(file.Events.OfType<CellVoted>().Single().Date)!.Id);
        Assert.Equal("2025-qd294", Cases.Catalog.InForce(file.Events.OfType<GrassrootsCommitteeVoted>().Single().Date)!.Id);
        Assert.Equal(CellKind.GrassrootsCell, new CaseEvaluator(Cases.Catalog).Evaluate(file, new LocalDate(2026, 2, 1)).Value!.Cell!.Kind);

        var again = CaseFileSerializer.Read(CaseFileSerializer.Write(file)).GetValueOrThrow();
        Assert.Equal(file, again);
    }

    [Fact]
    public void A_cell_change_without_a_field_is_refused_with_its_path()
    {
        var json = File.ReadAllText(Path.Combine(RuleFiles.RepoRoot, "samples", "cases", "school-cell-across-2025.case.json"))
            .Replace("{ \"from\": \"2026-01-10\", \"kind\": \"grassrootsCell\", \"name\": \"Chi bộ cơ sở Trường THPT Trần Phú\" }", "{ \"from\": \"2026-01-10\" }", StringComparison.Ordinal);
        var error = Assert.Single(CaseFileSerializer.Read(json, "x.case.json").Errors);
        Assert.Equal("$.cell.changes[1]", error.Path);
    }

    /// <summary>Issue 11: a case's answer never depends on cell changes dated after the "as of" date.</summary>
    [Property(MaxTest = 150)]
    public Property The_answer_never_depends_on_cell_changes_dated_after_as_of(PositiveInt seed, bool subordinate, PositiveInt daysAfter)
    {
        var generated = CaseGenerator.Generate(seed.Get, 1)[0];
        var file = generated.File;
        var from = generated.AsOf.PlusDays(1 + (daysAfter.Get % 3000));
        var changed = new CaseFile(file.FormatVersion, file.Person,
            file.Cell with { Changes = [new CellChange(from, subordinate ? CellKind.SubordinateCell : CellKind.GrassrootsCell, "Đảng ủy phường Hải Châu", "Chi bộ mới")] },
            file.Events, file.Extensions);
        var evaluator = new CaseEvaluator(Cases.Catalog);
        var before = evaluator.Evaluate(file, generated.AsOf);
        var after = evaluator.Evaluate(changed, generated.AsOf);
        var same = before.IsEvaluated == after.IsEvaluated
            && (!before.IsEvaluated || JsonSerializer.Serialize(before.Value, ChiBoJson.Options) == JsonSerializer.Serialize(after.Value, ChiBoJson.Options));
        return same.Label($"seed {seed.Get}, change from {from}");
    }
}
