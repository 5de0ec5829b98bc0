using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using ChiBo.Cases;
using ChiBo.Text;

namespace ChiBo.Lifecycle;

/// <summary>
/// The lifecycle's one transition table: stage × event → stage, with guards and gates, as data that tests
/// walk and that exports as a Mermaid diagram. It refuses only what cannot have happened (a ceremony before
/// any admission decision, a grassroots-committee vote in a grassroots cell, anything after a terminal stage);
/// what happened against the rules (a vote short of two thirds, a late ceremony) is recorded and judged by
/// the rules. Sources: Điều lệ Đảng (2011) Art. 4–5, 8; Quy định 29-QĐ/TW §3–4; Quy định 24-QĐ/TW §3–4.
/// </summary>
public sealed class TransitionTable
{
    private static readonly int KindCount = Enum.GetValues<EventKind>().Max(k => (int)k) + 1;

    // The rows of each (stage, event kind), in table order, at index stage × KindCount + kind: replay reads them
    // once per event without allocating.
    private readonly Transition[][] byStageAndEvent;

    private TransitionTable(ImmutableArray<Transition> transitions)
    {
        Transitions = transitions;
        var stages = Enum.GetValues<Stage>().Max(s => (int)s) + 1;
        var lookup = transitions.ToLookup(t => (t.From, t.Event));
        byStageAndEvent = new Transition[stages * KindCount][];
        for (var i = 0; i < byStageAndEvent.Length; i++)
        {
            byStageAndEvent[i] = [.. lookup[((Stage)(i / KindCount), (EventKind)(i % KindCount))]];
        }
    }

    /// <summary>The table implementing the Party Charter's procedure.</summary>
    public static TransitionTable Standard { get; } = new(Build());

    /// <summary>Every row, grouped by event kind in the contract's order.</summary>
    public ImmutableArray<Transition> Transitions { get; }

    /// <summary>The stage every case starts in.</summary>
    public Stage Initial => Stage.Prospect;

    /// <summary>The rows for an event kind in a stage (empty when the event cannot follow the stage).</summary>
    /// <param name="from">The stage.</param>
    /// <param name="kind">The event kind.</param>
    /// <returns>The candidate rows, in table order.</returns>
    public IEnumerable<Transition> Find(Stage from, EventKind kind) => Rows(from, kind).ToArray();

    /// <summary>The rows for an event kind in a stage, in table order, without allocating.</summary>
    internal ReadOnlySpan<Transition> Rows(Stage from, EventKind kind)
    {
        var index = ((int)from * KindCount) + (int)kind;
        return (uint)index < (uint)byStageAndEvent.Length && (uint)kind < (uint)KindCount ? byStageAndEvent[index] : [];
    }

    /// <summary>The event kinds that some row permits in a stage (guards aside).</summary>
    /// <param name="stage">The stage.</param>
    /// <returns>The kinds, in the contract's order.</returns>
    public IReadOnlyList<EventKind> PermittedEvents(Stage stage) =>
        Transitions.Where(t => t.From == stage).Select(t => t.Event).Distinct().OrderBy(k => k).ToArray();

    /// <summary>The stages reachable from <see cref="Initial"/> by some sequence of rows.</summary>
    /// <returns>The reachable stages.</returns>
    public IReadOnlySet<Stage> ReachableStages()
    {
        var seen = new HashSet<Stage> { Initial };
        var queue = new Queue<Stage>(seen);
        while (queue.TryDequeue(out var stage))
        {
            foreach (var t in Transitions.Where(t => t.From == stage && seen.Add(t.To)))
            {
                queue.Enqueue(t.To);
            }
        }

        return seen;
    }

    /// <summary>
    /// The table as a Mermaid <c>stateDiagram-v2</c>: one arrow per stage-changing row, labelled with the
    /// event and its guard; rows that keep the stage are listed in a note per stage.
    /// </summary>
    /// <param name="language">The language of the stage notes.</param>
    /// <returns>The Mermaid text, lines separated by <c>\n</c>.</returns>
    public string ToMermaid(Language language = Language.English)
    {
        var text = new StringBuilder();
        text.Append("stateDiagram-v2\n");
        text.Append("    [*] --> ").Append(Initial.JsonName()).Append('\n');
        foreach (var t in Transitions.Where(t => !t.KeepsStage))
        {
            text.Append("    ").Append(t.From.JsonName()).Append(" --> ").Append(t.To.JsonName())
                .Append(" : ").Append(EventKinds.JsonName(t.Event));
            if (t.Guard is not null)
            {
                text.Append(" [").Append(t.Guard.Code).Append(']');
            }

            text.Append('\n');
        }

        foreach (var stage in Enum.GetValues<Stage>().Where(s => s.IsTerminal()))
        {
            text.Append("    ").Append(stage.JsonName()).Append(" --> [*]\n");
        }

        foreach (var stage in Enum.GetValues<Stage>())
        {
            var kept = Transitions.Where(t => t.From == stage && t.KeepsStage).Select(t => EventKinds.JsonName(t.Event)).Distinct().ToArray();
            if (kept.Length > 0)
            {
                var label = language == Language.English ? "also recorded" : "ghi nhận thêm";
                text.Append("    note right of ").Append(stage.JsonName()).Append(" : ").Append(label).Append(": ")
                    .Append(string.Join(", ", kept)).Append('\n');
            }
        }

        return text.ToString();
    }

    private static ImmutableArray<Transition> Build()
    {
        var rows = ImmutableArray.CreateBuilder<Transition>();
        void Row(EventKind kind, Stage to, TransitionGuard? guard, Gate? gate, params Stage[] from)
        {
            foreach (var stage in from)
            {
                rows.Add(new Transition(stage, kind, to, guard, gate));
            }
        }

        void Keep(EventKind kind, TransitionGuard? guard, Gate? gate, params Stage[] stages)
        {
            foreach (var stage in stages)
            {
                rows.Add(new Transition(stage, kind, stage, guard, gate));
            }
        }

        const Stage P = Stage.Prospect, S = Stage.Source, Y = Stage.Sympathizer, A = Stage.Applicant,
            C = Stage.ProposedByCell, G = Stage.ApprovedByGrassrootsCommittee, D = Stage.AdmissionDecided,
            B = Stage.Probationary, F = Stage.FullMember;

        // Sources and the sympathiser list (seed plan; Chỉ thị 28-CT/TW).
        Row(EventKind.IdentifiedAsSource, S, null, null, P);
        Row(EventKind.AddedToSympathizerList, Y, null, Gate.SympathizerList, P, S);
        Row(EventKind.RemovedFromSympathizerList, Stage.RemovedFromList, null, null, Y, A);
        Keep(EventKind.HelperAssigned, null, null, S, Y, A, C, G, D, B);
        Keep(EventKind.AwarenessCourseCompleted, null, Gate.AwarenessCourse, P, S, Y, A);

        // The dossier (Điều lệ Đảng Art. 4; Hướng dẫn 12-HD/BTCTW forms 1–5-KNĐ).
        Row(EventKind.ApplicationSubmitted, A, null, null, P, S, Y);
        foreach (var kind in new[]
                 {
                     EventKind.BackgroundDeclared, EventKind.BackgroundVerified, EventKind.IntroducerAssigned,
                     EventKind.YouthUnionEndorsed, EventKind.TradeUnionEndorsed, EventKind.CommentsCollected,
                     EventKind.AgeExceptionApproved, EventKind.EducationExceptionApproved,
                     EventKind.IntroducerReplaced, EventKind.ReadmissionConsentGiven,
                 })
        {
            Keep(kind, null, null, S, Y, A, C, G);
        }

        // Votes and decisions (Điều lệ Đảng Art. 4.3; Quy định 29 §4.2c: two thirds, judged by the rules).
        Row(EventKind.CellVoted, C, Guards.AdmissionVote, Gate.CellAdmissionVote, S, Y, A);
        Keep(EventKind.CellVoted, Guards.AdmissionVote, Gate.CellAdmissionVote, C);
        Keep(EventKind.CellVoted, Guards.FullMembershipVote, Gate.FullMembershipVote, B);
        Keep(EventKind.CellVoted, Guards.StrikeOffVote, null, B, F);
        Row(EventKind.GrassrootsCommitteeVoted, G, Guards.SubordinateAdmissionVote, Gate.CommitteeApproval, C);
        Keep(EventKind.GrassrootsCommitteeVoted, Guards.SubordinateAdmissionVote, Gate.CommitteeApproval, G);
        Keep(EventKind.GrassrootsCommitteeVoted, Guards.SubordinateFullMembershipVote, Gate.CommitteeApproval, B);
        Keep(EventKind.GrassrootsCommitteeVoted, Guards.SubordinateStrikeOffVote, null, B, F);
        Row(EventKind.AdmissionDecided, D, Guards.GrassrootsCell, Gate.AdmissionDecision, C);
        Row(EventKind.AdmissionDecided, D, null, Gate.AdmissionDecision, G);
        Row(EventKind.AdmissionRefused, Stage.Refused, null, null, C, G);
        Keep(EventKind.AdmissionDecisionReceived, null, null, D);

        // The deciding committee's extension (Quy định 29 §4.3.1: once, at most 30 working days), judged by the rules.
        Keep(EventKind.DecisionDeadlineExtended, Guards.AdmissionExtension, null, C, G);
        Keep(EventKind.DecisionDeadlineExtended, Guards.FullMembershipExtension, null, B);
        Keep(EventKind.CeremonyDelayApproved, null, null, D);

        // Ceremony and probation (Quy định 29 §4.1: within 30 working days; Điều lệ Art. 5: 12 months).
        Row(EventKind.CeremonyHeld, B, null, Gate.Ceremony, D);
        Keep(EventKind.SelfReviewSubmitted, null, null, B);
        Keep(EventKind.HelperReviewSubmitted, null, null, B);
        Row(EventKind.FullMembershipDecided, F, Guards.FullMembershipVoted, Gate.FullMembershipDecision, B);
        Row(EventKind.ProbationaryStruckOff, Stage.ProbationaryStruckOff, null, null, B);

        // Members (Điều lệ Art. 8, 35; Quy định 29 §8).
        Keep(EventKind.ExemptionGranted, Guards.NotExempt, null, F);
        Keep(EventKind.ExemptionEnded, Guards.Exempt, null, F);
        Row(EventKind.StruckOff, Stage.StruckOff, null, null, F);
        Row(EventKind.Expelled, Stage.Expelled, null, null, F);
        Row(EventKind.TransferredOut, Stage.TransferredOut, null, null, B, F);

        // The member phase: standing (Điều lệ Đảng Art. 8; Quy định 24 §8.1) and the exemption's report (§7.1), judged by the rules.
        Keep(EventKind.MeetingMissed, null, null, B, F);
        Keep(EventKind.DuesUnpaid, null, null, B, F);
        Keep(EventKind.YearlyRating, null, null, B, F);
        Keep(EventKind.PartyCardReturned, null, null, B, F);
        Keep(EventKind.ExemptionReported, null, null, F);
        return rows.ToImmutable();
    }

    private static class Guards
    {
        private static bool Purpose(GuardContext c, VotePurpose p) => c.Event switch
        {
            CellVoted v => v.Purpose == p,
            GrassrootsCommitteeVoted v => v.Purpose == p,
            _ => false,
        };

        // The cell as it stood on the event's date (cell.changes): a school cell may become subordinate and back.
        private static bool Subordinate(GuardContext c) => c.Case.Cell.On(c.Event.Date).Kind == CellKind.SubordinateCell;

        public static readonly TransitionGuard AdmissionVote = new("vote.purposeAdmission",
            new("biểu quyết đề nghị kết nạp (purpose = admission)", "a vote on admission (purpose = admission)"),
            c => Purpose(c, VotePurpose.Admission));

        public static readonly TransitionGuard FullMembershipVote = new("vote.purposeFullMembership",
            new("biểu quyết công nhận đảng viên chính thức (purpose = fullMembership)", "a vote on full membership (purpose = fullMembership)"),
            c => Purpose(c, VotePurpose.FullMembership));

        public static readonly TransitionGuard StrikeOffVote = new("vote.purposeStrikeOff",
            new("biểu quyết xóa tên (purpose = strikeOff)", "a vote to strike off (purpose = strikeOff)"),
            c => Purpose(c, VotePurpose.StrikeOff));

        public static readonly TransitionGuard SubordinateAdmissionVote = new("cell.subordinate+vote.purposeAdmission",
            new("chỉ chi bộ trực thuộc đảng ủy cơ sở mới có đảng ủy cơ sở xét duyệt; biểu quyết đề nghị kết nạp",
                "only a subordinate cell has a grassroots committee to approve; a vote on admission"),
            c => Subordinate(c) && Purpose(c, VotePurpose.Admission));

        public static readonly TransitionGuard SubordinateFullMembershipVote = new("cell.subordinate+vote.purposeFullMembership",
            new("chỉ chi bộ trực thuộc đảng ủy cơ sở mới có đảng ủy cơ sở xét duyệt; biểu quyết công nhận chính thức",
                "only a subordinate cell has a grassroots committee to approve; a vote on full membership"),
            c => Subordinate(c) && Purpose(c, VotePurpose.FullMembership));

        public static readonly TransitionGuard SubordinateStrikeOffVote = new("cell.subordinate+vote.purposeStrikeOff",
            new("chỉ chi bộ trực thuộc đảng ủy cơ sở mới có đảng ủy cơ sở xét duyệt; biểu quyết xóa tên",
                "only a subordinate cell has a grassroots committee to approve; a vote to strike off"),
            c => Subordinate(c) && Purpose(c, VotePurpose.StrikeOff));

        public static readonly TransitionGuard GrassrootsCell = new("cell.grassroots",
            new("chi bộ cơ sở đề nghị thẳng lên cấp ủy cấp trên; chi bộ trực thuộc cần đảng ủy cơ sở xét duyệt trước",
                "a grassroots cell proposes directly to the superior committee; a subordinate cell needs the grassroots committee's approval first"),
            c => c.Case.Cell.On(c.Event.Date).Kind == CellKind.GrassrootsCell);

        public static readonly TransitionGuard FullMembershipVoted = new("fullMembershipVote.onRecord",
            new("chi bộ đã biểu quyết công nhận đảng viên chính thức", "the cell has voted on full membership"),
            c => c.HasFullMembershipVote);

        public static readonly TransitionGuard AdmissionExtension = new("extension.purposeAdmission",
            new("gia hạn quyết định kết nạp (purpose = admission)", "an extension of the admission decision (purpose = admission)"),
            c => c.Event is DecisionDeadlineExtended { Purpose: DecisionPurpose.Admission });

        public static readonly TransitionGuard FullMembershipExtension = new("extension.purposeFullMembership",
            new("gia hạn quyết định công nhận chính thức (purpose = fullMembership)", "an extension of the full-membership decision (purpose = fullMembership)"),
            c => c.Event is DecisionDeadlineExtended { Purpose: DecisionPurpose.FullMembership });

        public static readonly TransitionGuard NotExempt = new("member.notExempt",
            new("đảng viên chưa được miễn công tác và sinh hoạt đảng", "the member is not already exempt"),
            c => !c.IsExempt);

        public static readonly TransitionGuard Exempt = new("member.exempt",
            new("đảng viên đang được miễn công tác và sinh hoạt đảng", "the member is exempt"),
            c => c.IsExempt);
    }
}
