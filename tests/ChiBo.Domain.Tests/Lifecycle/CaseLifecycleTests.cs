using System;
using System.Linq;
using ChiBo.Cases;
using ChiBo.Lifecycle;
using FsCheck.Xunit;
using NodaTime;
using Xunit;
using static ChiBo.Tests.TestData;

namespace ChiBo.Tests.Lifecycle;

public class CaseLifecycleTests
{
    private static Stage StageOf(CaseFile c, LocalDate? asOf = null)
    {
        var result = CaseLifecycle.Replay(c, asOf);
        Assert.True(result.IsAccepted, result.Rejection?.ToString());
        return result.History!.Stage;
    }

    private static LifecycleRejection Rejected(CaseFile c)
    {
        var result = CaseLifecycle.Replay(c);
        Assert.False(result.IsAccepted);
        return result.Rejection!;
    }

    [Fact]
    public void A_case_without_events_is_a_prospect() => Assert.Equal(Stage.Prospect, StageOf(Case()));

    [Theory]
    [InlineData(1, Stage.Source)]
    [InlineData(2, Stage.Sympathizer)]
    [InlineData(3, Stage.Sympathizer)]
    [InlineData(4, Stage.Applicant)]
    [InlineData(10, Stage.ProposedByCell)]
    [InlineData(11, Stage.AdmissionDecided)]
    [InlineData(13, Stage.Probationary)]
    [InlineData(17, Stage.FullMember)]
    public void Each_step_of_the_charter_procedure_reaches_its_stage(int events, Stage expected) =>
        Assert.Equal(expected, StageOf(Case(PathToFullMember().Take(events).ToArray())));

    [Fact]
    public void Subordinate_cell_passes_through_the_grassroots_committee()
    {
        var path = PathToFullMember().Take(10).ToList();
        path.Add(new GrassrootsCommitteeVoted(D(2019, 1, 1), VotePurpose.Admission, 5, 7));
        Assert.Equal(Stage.ApprovedByGrassrootsCommittee, StageOf(SubordinateCase([.. path])));
        path.Add(new AdmissionDecided(D(2019, 2, 1)));
        Assert.Equal(Stage.AdmissionDecided, StageOf(SubordinateCase([.. path])));
    }

    // Điều lệ Đảng Art. 4.3: the grassroots committee approves only for a subordinate cell.
    [Fact]
    public void Grassroots_committee_vote_in_a_grassroots_cell_is_rejected()
    {
        var path = PathToFullMember().Take(10).Append(new GrassrootsCommitteeVoted(D(2019, 1, 1), VotePurpose.Admission, 5, 7)).ToArray();
        var rejection = Rejected(Case(path));
        Assert.Equal(10, rejection.EventIndex);
        Assert.Equal(EventKind.GrassrootsCommitteeVoted, rejection.Event);
        Assert.StartsWith("cell.subordinate", rejection.Guard);
        Assert.Contains("subordinate cell", rejection.Reason.En);
        Assert.Contains("chi bộ trực thuộc", rejection.Reason.Vi);
    }

    [Fact]
    public void Subordinate_cell_decision_without_committee_approval_is_rejected()
    {
        var path = PathToFullMember().Take(11).ToArray();
        Assert.Equal("cell.grassroots", Rejected(SubordinateCase(path)).Guard);
    }

    // Quy định 29 §4.1: the ceremony follows the admission decision.
    [Fact]
    public void Ceremony_before_any_admission_decision_is_rejected_naming_index_type_and_date()
    {
        var c = Case(new IdentifiedAsSource(D(2018, 9, 20)), new CeremonyHeld(D(2019, 1, 1)));
        var error = Rejected(c).ToError("x.case.json");
        Assert.Equal(1, error.EventIndex);
        Assert.Equal("ceremonyHeld", error.EventType);
        Assert.Equal(D(2019, 1, 1), error.EventDate);
        Assert.Contains("“Admission decided”", error.Message);
    }

    // Issue "For host developers" (item 4): a rejection names the stages in words, in both languages, not by their ids.
    [Fact]
    public void A_rejection_names_the_stages_in_words()
    {
        var rejection = Rejected(Case(new IdentifiedAsSource(D(2018, 9, 20)), new Expelled(D(2019, 1, 1), "x")));
        Assert.Contains("«Quần chúng ưu tú (nguồn)»", rejection.Reason.Vi);
        Assert.Contains("«khai trừ»", rejection.Reason.Vi);
        Assert.Contains("«Đảng viên chính thức»", rejection.Reason.Vi);
        Assert.DoesNotContain("'source'", rejection.Reason.Vi);
        Assert.Contains("“Outstanding person (source)”", rejection.Reason.En);
    }

    [Fact]
    public void Full_membership_decision_without_a_full_membership_vote_is_rejected()
    {
        var path = PathToFullMember().Take(13).Append(new FullMembershipDecided(D(2020, 6, 1))).ToArray();
        Assert.Equal("fullMembershipVote.onRecord", Rejected(Case(path)).Guard);
    }

    [Fact]
    public void Vote_short_of_two_thirds_still_moves_the_stage_the_rules_judge_it()
    {
        var path = PathToFullMember().Take(9).Append(new CellVoted(D(2019, 1, 1), VotePurpose.Admission, 1, 12)).ToArray();
        Assert.Equal(Stage.ProposedByCell, StageOf(Case(path)));
    }

    [Theory]
    [InlineData(EventKind.Expelled, Stage.Expelled)]
    [InlineData(EventKind.StruckOff, Stage.StruckOff)]
    [InlineData(EventKind.TransferredOut, Stage.TransferredOut)]
    public void A_full_member_can_leave_by_each_way_out(EventKind kind, Stage expected)
    {
        var path = PathToFullMember().Append(HistoryWalker.Make(kind, D(2021, 1, 1))).ToArray();
        Assert.Equal(expected, StageOf(Case(path)));
    }

    [Fact]
    public void Any_event_after_expulsion_is_rejected()
    {
        var path = PathToFullMember().Append(new Expelled(D(2021, 1, 1), "x"))
            .Append(new CellVoted(D(2021, 2, 1), VotePurpose.StrikeOff, 10, 12)).ToArray();
        var rejection = Rejected(Case(path));
        Assert.Equal(Stage.Expelled, rejection.Stage);
        Assert.Contains("ended", rejection.Reason.En);
    }

    [Fact]
    public void Probationary_member_cannot_be_expelled_only_struck_off()
    {
        var path = PathToFullMember().Take(13).Append(new Expelled(D(2020, 1, 1), "x")).ToArray();
        Assert.Equal(EventKind.Expelled, Rejected(Case(path)).Event);
        var struck = PathToFullMember().Take(13).Append(new ProbationaryStruckOff(D(2020, 1, 1), "x")).ToArray();
        Assert.Equal(Stage.ProbationaryStruckOff, StageOf(Case(struck)));
    }

    [Fact]
    public void Removed_from_the_sympathiser_list_and_refused_are_terminal()
    {
        Assert.Equal(Stage.RemovedFromList, StageOf(Case(new AddedToSympathizerList(D(2018, 1, 1)), new RemovedFromSympathizerList(D(2018, 2, 1), "x"))));
        var refused = PathToFullMember().Take(10).Append(new AdmissionRefused(D(2019, 1, 1), "x")).ToArray();
        Assert.Equal(Stage.Refused, StageOf(Case(refused)));
    }

    [Fact]
    public void Exemption_is_a_flag_on_a_full_member_not_a_stage()
    {
        var path = PathToFullMember().Append(new ExemptionGranted(D(2021, 1, 1), "tuổi cao")).ToArray();
        var history = CaseLifecycle.Replay(Case(path)).History!;
        Assert.Equal(Stage.FullMember, history.Stage);
        Assert.True(history.IsExempt);
        Assert.False(CaseLifecycle.Replay(Case([.. path, new ExemptionGranted(D(2021, 2, 1), "x")])).IsAccepted);
        Assert.False(CaseLifecycle.Replay(Case([.. PathToFullMember(), new ExemptionEnded(D(2021, 2, 1), "x")])).IsAccepted);
    }

    [Fact]
    public void Events_after_the_as_of_date_are_ignored()
    {
        var c = Case(PathToFullMember());
        Assert.Equal(Stage.Source, StageOf(c, D(2018, 1, 10)));
        Assert.Equal(Stage.Prospect, StageOf(c, D(2017, 12, 31)));
    }

    [Fact]
    public void Events_are_ordered_by_date_then_file_order()
    {
        var events = PathToFullMember().Reverse().ToArray();
        Assert.Equal(Stage.FullMember, StageOf(Case(events)));
        // Same date: file order decides, so a source identified and listed on one day works in that order only.
        Assert.Equal(Stage.Applicant, StageOf(Case(new IdentifiedAsSource(D(2018, 1, 1)), new ApplicationSubmitted(D(2018, 1, 1)))));
    }

    [Fact]
    public void A_rejected_event_leaves_the_case_unchanged()
    {
        var c = Case(PathToFullMember().Take(4).ToArray());
        var result = CaseLifecycle.TryAppend(c, new CeremonyHeld(D(2019, 1, 1)));
        Assert.False(result.IsAccepted);
        Assert.Equal(4, c.Events.Length);
        Assert.Equal(Stage.Applicant, StageOf(c));
    }

    [Fact]
    public void Next_gate_follows_the_stage()
    {
        Gate GateAfter(int n) => CaseLifecycle.Replay(Case(PathToFullMember().Take(n).ToArray())).History!.NextGate;
        Assert.Equal(Gate.SympathizerList, GateAfter(1));
        Assert.Equal(Gate.AwarenessCourse, GateAfter(2));
        Assert.Equal(Gate.CellAdmissionVote, GateAfter(3));
        Assert.Equal(Gate.AdmissionDecision, GateAfter(10));
        Assert.Equal(Gate.Ceremony, GateAfter(11));
        Assert.Equal(Gate.FullMembershipVote, GateAfter(13));
        Assert.Equal(Gate.FullMembershipDecision, GateAfter(16));
        Assert.Equal(Gate.None, GateAfter(17));
    }

    [Fact]
    public void Every_stage_is_reachable_in_the_table()
    {
        Assert.Equal(Enum.GetValues<Stage>().Length, TransitionTable.Standard.ReachableStages().Count);
    }

    [Fact]
    public void Terminal_stages_have_no_rows_and_every_event_kind_has_one()
    {
        var table = TransitionTable.Standard;
        Assert.DoesNotContain(table.Transitions, t => t.From.IsTerminal());
        Assert.All(Enum.GetValues<EventKind>(), k => Assert.Contains(table.Transitions, t => t.Event == k));
    }

    [Fact]
    public void Mermaid_diagram_is_pinned()
    {
        var mermaid = TransitionTable.Standard.ToMermaid();
        Assert.StartsWith("stateDiagram-v2\n    [*] --> prospect\n", mermaid);
        Assert.Contains("    admissionDecided --> probationary : ceremonyHeld\n", mermaid);
        Assert.Contains("    proposedByCell --> approvedByGrassrootsCommittee : grassrootsCommitteeVoted [cell.subordinate+vote.purposeAdmission]\n", mermaid);
        Assert.Contains("    expelled --> [*]\n", mermaid);
        Assert.Equal(TransitionTable.Standard.Transitions.Count(t => !t.KeepsStage), mermaid.Split('\n').Count(l => l.Contains(" --> ") && !l.Contains("[*]")));
    }

    // Law: replaying any valid history never throws and ends in a stage reachable in the table.
    [Property(Arbitrary = [typeof(Arbitraries)], MaxTest = 300)]
    public bool Replay_of_any_valid_history_reaches_a_reachable_stage(CaseFile caseFile)
    {
        var result = CaseLifecycle.Replay(caseFile);
        return result.IsAccepted && TransitionTable.Standard.ReachableStages().Contains(result.History!.Stage);
    }

    // Law: a terminal stage accepts no further event, of any kind.
    [Property(Arbitrary = [typeof(Arbitraries)], MaxTest = 300)]
    public bool A_terminal_stage_accepts_no_further_event(CaseFile caseFile)
    {
        var history = CaseLifecycle.Replay(caseFile).History!;
        if (!history.Stage.IsTerminal())
        {
            return true;
        }

        var after = caseFile.Events.Max(e => e.Date).PlusDays(1);
        return Enum.GetValues<EventKind>()
            .SelectMany(k => HistoryWalker.Candidates(k, after, new Random(1)))
            .All(e => !CaseLifecycle.TryAppend(caseFile, e).IsAccepted);
    }

    // Law: events given in any file order give the same stage (the walker's dates are distinct).
    [Property(Arbitrary = [typeof(Arbitraries)], MaxTest = 200)]
    public bool Events_in_any_file_order_give_the_same_stage(CaseFile caseFile, int seed)
    {
        var random = new Random(seed);
        var shuffled = caseFile.WithEvents([.. caseFile.Events.OrderBy(_ => random.Next())]);
        return CaseLifecycle.Replay(shuffled).History!.Stage == CaseLifecycle.Replay(caseFile).History!.Stage;
    }
}
