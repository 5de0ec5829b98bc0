using System;
using System.Collections.Immutable;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Serialization;
using ChiBo.Cases;
using ChiBo.Utility;
using NodaTime;

namespace ChiBo.Planning;

/// <summary>
/// The cell file (<c>cell.json</c>) of a roster: the cell, its supervisor, its full-member counts by date,
/// its yearly admission targets and priority groups, its periodic duties and the meetings held for them —
/// the data of a cell's yearly plan (kế hoạch phát triển đảng viên, Chỉ thị 28-CT/TW). Immutable.
/// </summary>
/// <param name="FormatVersion">Must be 1.</param>
/// <param name="Cell">The cell.</param>
/// <param name="Supervisor">The member named to supervise the plan (người giám sát), or null.</param>
/// <param name="FullMemberCounts">The cell's full-member count from given dates (số đảng viên chính thức), if known.</param>
/// <param name="Targets">Admission targets per year (chỉ tiêu kết nạp).</param>
/// <param name="PriorityGroups">The groups the plan gives priority to (đối tượng ưu tiên).</param>
/// <param name="UnitsWithoutMembers">Work units (departments, classes) with no or few members (đơn vị chưa có đảng viên).</param>
/// <param name="Duties">Periodic duties; when empty, <see cref="PeriodicDuty.Defaults"/> apply.</param>
/// <param name="Meetings">Meetings held for the duties (buổi rà soát, khảo sát, báo cáo).</param>
/// <param name="Extensions">Host data, round-tripped untouched, or null.</param>
public sealed record CellFile(
    int FormatVersion,
    Cell Cell,
    Supervisor? Supervisor = null,
    ImmutableArray<FullMemberCount> FullMemberCounts = default,
    ImmutableArray<AdmissionTarget> Targets = default,
    ImmutableArray<PriorityGroup> PriorityGroups = default,
    ImmutableArray<string> UnitsWithoutMembers = default,
    ImmutableArray<PeriodicDuty> Duties = default,
    ImmutableArray<CellMeeting> Meetings = default,
    JsonElement? Extensions = null)
{
    /// <summary>The cell's full-member count on a date: the latest count dated on or before it, or null.</summary>
    /// <param name="date">The date.</param>
    /// <returns>The count, or null when unknown.</returns>
    public int? FullMembersOn(LocalDate date) =>
        FullMemberCounts.IsDefaultOrEmpty ? null
        : FullMemberCounts.Where(c => c.Date <= date).OrderBy(c => c.Date).Select(c => (int?)c.Count).LastOrDefault();

    /// <summary>The admission target of a year, or null.</summary>
    /// <param name="year">The year.</param>
    /// <returns>The target, or null.</returns>
    public AdmissionTarget? TargetFor(int year) => Targets.IsDefaultOrEmpty ? null : Targets.FirstOrDefault(t => t.Year == year);

    /// <summary>The duties in force: <see cref="Duties"/>, or the defaults of the seed's plan when none are given.</summary>
    [JsonIgnore]
    public ImmutableArray<PeriodicDuty> EffectiveDuties => Duties.IsDefaultOrEmpty ? PeriodicDuty.Defaults : Duties;

    /// <summary>What the cell's documents need in their heading and signature (<c>letterhead</c>), or null: reports then use plain headings.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public CellLetterhead? Letterhead { get; init; }

    /// <summary>The cell's members by id (<c>members</c>), so reports can name helpers and introducers, or default.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public ImmutableArray<CellMember> Members { get; init; }

    /// <summary>A member's name by id, or null when the cell file does not list it.</summary>
    /// <param name="memberId">The member's id.</param>
    /// <returns>The name, or null.</returns>
    public string? MemberName(string memberId) =>
        Members.IsDefaultOrEmpty ? null : Members.FirstOrDefault(m => m is not null && m.MemberId == memberId)?.FullName;

    /// <summary>The meetings, never default.</summary>
    [JsonIgnore]
    public ImmutableArray<CellMeeting> MeetingsOrEmpty => Meetings.IsDefault ? [] : Meetings;

    /// <summary>The priority groups, never default.</summary>
    [JsonIgnore]
    public ImmutableArray<PriorityGroup> PriorityGroupsOrEmpty => PriorityGroups.IsDefault ? [] : PriorityGroups;

    /// <summary>Whether a work unit is listed as having no or few members (ordinal, case-insensitive).</summary>
    /// <param name="workUnit">The unit, or null.</param>
    /// <returns>True when listed.</returns>
    public bool IsUnitWithoutMembers(string? workUnit) =>
        workUnit is not null && !UnitsWithoutMembers.IsDefaultOrEmpty
        && UnitsWithoutMembers.Contains(workUnit, StringComparer.OrdinalIgnoreCase);

    /// <inheritdoc />
    public bool Equals(CellFile? other) =>
        other is not null && FormatVersion == other.FormatVersion && Cell == other.Cell && Supervisor == other.Supervisor
        && Same(FullMemberCounts, other.FullMemberCounts) && Same(Targets, other.Targets)
        && Same(PriorityGroups, other.PriorityGroups) && Same(UnitsWithoutMembers, other.UnitsWithoutMembers)
        && Same(Duties, other.Duties) && Same(Meetings, other.Meetings)
        && Letterhead == other.Letterhead && Same(Members, other.Members)
        && (Extensions is null ? other.Extensions is null
            : other.Extensions is not null && JsonElement.DeepEquals(Extensions.Value, other.Extensions.Value));

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Cell, Supervisor);

    private static bool Same<T>(ImmutableArray<T> a, ImmutableArray<T> b) =>
        (a.IsDefault ? [] : a).SequenceEqual(b.IsDefault ? [] : b);
}

/// <summary>The member who supervises the cell's plan (người giám sát).</summary>
/// <param name="MemberId">The member's id.</param>
/// <param name="FullName">The member's name.</param>
/// <param name="Role">The member's role, e.g. "Phó Bí thư chi bộ", or null.</param>
public sealed record Supervisor(string MemberId, string FullName, string? Role = null);

/// <summary>The cell's number of full members from a date on.</summary>
/// <param name="Date">The date from which the count holds.</param>
/// <param name="Count">The number of full members.</param>
public sealed record FullMemberCount(LocalDate Date, int Count);

/// <summary>A year's admission target (chỉ tiêu kết nạp), e.g. 3 to 5 in the seed's school cell.</summary>
/// <param name="Year">The plan year.</param>
/// <param name="Min">The least number of admissions planned.</param>
/// <param name="Max">The most planned (quality over numbers: more is not a goal).</param>
/// <param name="Source">The plan document, e.g. "Kế hoạch số 05-KH/CB ngày 10/01/2019", or null.</param>
public sealed record AdmissionTarget(int Year, int Min, int Max, string? Source = null);

/// <summary>A group the cell's plan gives priority to (đối tượng ưu tiên phát triển đảng).</summary>
public enum PriorityGroup
{
    /// <summary>Teachers (giáo viên).</summary>
    Teacher,

    /// <summary>Students (học sinh, sinh viên).</summary>
    Student,

    /// <summary>Staff (nhân viên).</summary>
    Staff,

    /// <summary>Women (nữ).</summary>
    Women,

    /// <summary>Youth Union members (đoàn viên).</summary>
    YouthUnion,

    /// <summary>Religious people (người có đạo).</summary>
    Religious,

    /// <summary>People of work units with no or few members (đơn vị chưa có hoặc có ít đảng viên).</summary>
    UnitWithoutMembers,
}

/// <summary>The periodic duties of a cell's plan.</summary>
public enum DutyKind
{
    /// <summary>Review the sympathiser list (rà soát danh sách cảm tình đảng): monthly in the seed's plan.</summary>
    SympathizerListReview,

    /// <summary>Survey and assess outstanding people (khảo sát, đánh giá quần chúng ưu tú): quarterly in the seed's plan.</summary>
    SourceSurvey,

    /// <summary>Report to the superior (district) standing committee (báo cáo cấp ủy cấp trên): half-yearly by default.</summary>
    ReportToSuperior,
}

/// <summary>
/// A duty due once in every period of <paramref name="EveryMonths"/> calendar months, periods counted from January
/// (1: each month; 3: each quarter; 6: each half-year; 12: each year).
/// </summary>
/// <param name="Kind">The duty.</param>
/// <param name="EveryMonths">The period's length in months: 1, 2, 3, 4, 6 or 12.</param>
public sealed record PeriodicDuty(DutyKind Kind, int EveryMonths)
{
    /// <summary>The seed's plan: monthly list review, quarterly survey, half-yearly report.</summary>
    public static ImmutableArray<PeriodicDuty> Defaults { get; } =
    [
        new(DutyKind.SympathizerListReview, 1),
        new(DutyKind.SourceSurvey, 3),
        new(DutyKind.ReportToSuperior, 6),
    ];

    /// <summary>The first day of the period containing a date.</summary>
    /// <param name="date">The date.</param>
    /// <returns>The period's first day.</returns>
    public LocalDate PeriodStart(LocalDate date)
    {
        Preconditions.CheckArgument(12 % EveryMonths == 0, nameof(EveryMonths), "EveryMonths must divide 12");
        var month = ((date.Month - 1) / EveryMonths * EveryMonths) + 1;
        return new LocalDate(date.Year, month, 1);
    }

    /// <summary>The last day of the period containing a date.</summary>
    /// <param name="date">The date.</param>
    /// <returns>The period's last day.</returns>
    public LocalDate PeriodEnd(LocalDate date) => PeriodStart(date).PlusMonths(EveryMonths).PlusDays(-1);
}

/// <summary>A meeting held for a periodic duty.</summary>
/// <param name="Kind">The duty.</param>
/// <param name="Date">The day it was held.</param>
/// <param name="Note">What was decided, or null.</param>
public sealed record CellMeeting(DutyKind Kind, LocalDate Date, string? Note = null);

/// <summary>
/// What a cell's documents need in their heading and signature (thể thức văn bản của Đảng, Hướng dẫn 36-HD/VPTW):
/// the superior body's name by date, the place, the document number pattern, who signs and for whom, the recipients
/// (<c>cell.json</c> <c>letterhead</c>, optional; every part optional, reports fall back to plain headings).
/// </summary>
/// <param name="Superiors">The direct superior's heading name from dates on (e.g. "Đảng bộ Quận Hải Châu", then from 2025-07-01 a ward's), or default.</param>
/// <param name="Place">The place in the date line, e.g. "Đà Nẵng", or null.</param>
/// <param name="NumberPattern">The number and symbol with the placeholders <c>{number}</c> and <c>{kind}</c> (KH, BC…), e.g. "{number}-{kind}/CB", or null.</param>
/// <param name="Authority">The signer's authority line, e.g. "T/M CẤP ỦY CHI BỘ" or "T/M CHI BỘ", or null.</param>
/// <param name="Signer">The one who signs (the secretary), or null.</param>
/// <param name="Recipients">The recipients ("Nơi nhận"), the archive last, or default.</param>
public sealed record CellLetterhead(
    ImmutableArray<SuperiorHeading> Superiors = default,
    string? Place = null,
    string? NumberPattern = null,
    string? Authority = null,
    CellSigner? Signer = null,
    ImmutableArray<string> Recipients = default)
{
    /// <summary>The placeholders a <see cref="NumberPattern"/> may use.</summary>
    public static ImmutableArray<string> NumberPlaceholders { get; } = ["{number}", "{kind}"];

    /// <summary>The superior's heading name on a date: the latest entry from on or before it (an entry without a date holds from the start), or null.</summary>
    /// <param name="date">The document's date.</param>
    /// <returns>The name, or null when none is given for the date.</returns>
    public string? SuperiorOn(LocalDate date) =>
        Superiors.IsDefaultOrEmpty ? null
        : Superiors.Where(s => s is not null && (s.From is null || s.From <= date))
            .OrderBy(s => s.From ?? LocalDate.MinIsoValue).Select(s => s.Name).LastOrDefault();

    /// <summary>The document number: the pattern with its placeholders filled in, or null without a pattern.</summary>
    /// <param name="number">The number, or null to leave a blank for a hand-written number.</param>
    /// <param name="kind">The kind's symbol, e.g. "KH" (kế hoạch) or "BC" (báo cáo).</param>
    /// <returns>The number and symbol, e.g. "19-KH/CB" or "   -KH/CB".</returns>
    public string? FormatNumber(int? number, string kind) =>
        NumberPattern is null ? null
        : NumberPattern.Replace("{number}", number is { } n ? n.ToString(System.Globalization.CultureInfo.InvariantCulture) : "     ", StringComparison.Ordinal)
            .Replace("{kind}", kind, StringComparison.Ordinal);

    /// <summary>The recipients, never default.</summary>
    [JsonIgnore]
    public ImmutableArray<string> RecipientsOrEmpty => Recipients.IsDefault ? [] : Recipients;

    /// <inheritdoc />
    public bool Equals(CellLetterhead? other) =>
        other is not null && Place == other.Place && NumberPattern == other.NumberPattern && Authority == other.Authority
        && Signer == other.Signer
        && (Superiors.IsDefault ? [] : Superiors).SequenceEqual(other.Superiors.IsDefault ? [] : other.Superiors)
        && RecipientsOrEmpty.SequenceEqual(other.RecipientsOrEmpty);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Place, NumberPattern, Authority, Signer);
}

/// <summary>The direct superior's name as a document heading shows it, from a date on (tên cơ quan cấp trên trực tiếp).</summary>
/// <param name="Name">The name, e.g. "Đảng bộ Quận Hải Châu" (the heading writes it in capitals).</param>
/// <param name="From">The first day it holds, or null for "from the start".</param>
public sealed record SuperiorHeading(string Name, LocalDate? From = null);

/// <summary>The one who signs the cell's documents.</summary>
/// <param name="FullName">The name under the signature.</param>
/// <param name="Title">The position, e.g. "Bí thư" (the block writes it in capitals).</param>
public sealed record CellSigner(string FullName, string Title);

/// <summary>A party member of the cell by id, so that reports name helpers and introducers (<c>cell.json</c> <c>members</c>).</summary>
/// <param name="MemberId">The member's id, as the case files cite it.</param>
/// <param name="FullName">The member's name.</param>
public sealed record CellMember(string MemberId, string FullName);

/// <summary>The build-time metadata of the cell file's types; the options are <see cref="ChiBo.Serialization.ChiBoJson.Options"/>'s.</summary>
[System.Text.Json.Serialization.JsonSerializable(typeof(CellFile))]
internal sealed partial class CellFileContext : System.Text.Json.Serialization.JsonSerializerContext;
