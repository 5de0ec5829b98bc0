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
