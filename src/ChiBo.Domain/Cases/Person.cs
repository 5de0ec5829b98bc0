using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Serialization;
using NodaTime;

namespace ChiBo.Cases;

/// <summary>The person a case is about: a member of the public, a candidate or a member (người được phát triển).</summary>
/// <param name="Id">A stable identifier chosen by the cell, unique within it.</param>
/// <param name="FullName">Full name with diacritics (họ và tên).</param>
/// <param name="BirthDate">Date of birth (ngày sinh).</param>
/// <param name="Sex">Sex (giới tính).</param>
/// <param name="Occupation">Occupation in the unit.</param>
/// <param name="EducationLevel">Highest completed education level.</param>
/// <param name="YouthUnionMemberSince">The day the person joined the Youth Union (ngày vào Đoàn), or null if not a member.</param>
/// <param name="TradeUnionMemberSince">The day the person joined the trade union (ngày vào Công đoàn), or null.</param>
/// <param name="Religion">The person's religion, or null for none.</param>
/// <param name="WorkUnit">The department, class or unit where the person works or studies (đơn vị), or null.</param>
public sealed record Person(
    string Id,
    string FullName,
    LocalDate BirthDate,
    Sex Sex,
    Occupation Occupation,
    EducationLevel EducationLevel,
    LocalDate? YouthUnionMemberSince = null,
    LocalDate? TradeUnionMemberSince = null,
    Religion? Religion = null,
    string? WorkUnit = null)
{
    /// <summary>
    /// The person's earlier membership when applying for re-admission (kết nạp lại), or null (the usual case): the
    /// <c>readmission.*</c> rules apply only with it, and party age counts from its admission decision.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public PreviousMembership? PreviousMembership { get; init; }
}

/// <summary>
/// A former member's earlier membership (<c>person.previousMembership</c>; Quy định 29-QĐ/TW §3.5, 24 §3.5, 232 and
/// 294 §3.5: re-admission).
/// </summary>
/// <param name="AdmissionDecided">The date of the first admission decision (party age counts from it).</param>
/// <param name="Left">The day the person left the party.</param>
/// <param name="Reason">Why the person left.</param>
/// <param name="RecordClearedOn">For a minor-offence conviction, the day the criminal record was cleared (xóa án tích), or null.</param>
/// <param name="TimesReadmitted">How many times the person was already re-admitted (only once is allowed).</param>
public sealed record PreviousMembership(
    LocalDate AdmissionDecided,
    LocalDate Left,
    LeavingReason Reason,
    LocalDate? RecordClearedOn = null,
    int TimesReadmitted = 0);

/// <summary>A person's religion (tôn giáo).</summary>
/// <param name="Name">The religion's name, e.g. "Công giáo".</param>
/// <param name="Role">Follower or dignitary.</param>
public sealed record Religion(string Name, ReligiousRole Role);

/// <summary>The party cell (chi bộ) that develops the person.</summary>
/// <param name="Id">A stable identifier of the cell.</param>
/// <param name="Name">The cell's name, e.g. "Chi bộ Trường THPT Trần Phú".</param>
/// <param name="Kind">Grassroots cell or subordinate cell.</param>
/// <param name="Superior">The committee directly above (cấp ủy cấp trên), e.g. "Quận ủy Hải Châu", or null.</param>
/// <param name="HasYouthUnion">Whether the person's unit has a Youth Union organisation (default true).</param>
/// <param name="HasTradeUnion">Whether the person's unit has a trade union organisation (default true).</param>
/// <remarks>
/// A cell's kind, superior and name change over time (<see cref="Changes"/>): the seed's school cell was a grassroots
/// cell under Quận ủy Hải Châu until 30/6/2025, then a cell under a ward committee when the district level went. Every
/// judgement about the cell uses <see cref="On"/> the date of the event judged. Equality compares every field and the
/// changes in order.
/// </remarks>
public sealed record Cell(
    string Id,
    string Name,
    CellKind Kind,
    string? Superior = null,
    bool HasYouthUnion = true,
    bool HasTradeUnion = true)
{
    /// <summary>
    /// The dated changes of the cell (<c>cell.changes</c>), each changing the fields it names from its date on; null
    /// when the cell never changed. The fields above are those before the first change.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<CellChange>? Changes { get; init; }

    /// <summary>The cell as it stood on a date: its fields with every change dated on or before it applied (in date order, then list order).</summary>
    /// <param name="date">The date.</param>
    /// <returns>This cell when it has no changes, else a copy with the fields of that date and no <see cref="Changes"/>.</returns>
    public Cell On(LocalDate date) => Changes is { Count: > 0 } changes ? Applied(changes, date) : this;

    // Apart from On so that a cell without changes allocates nothing (the lambda's closure is made on entry).
    private Cell Applied(IReadOnlyList<CellChange> changes, LocalDate date)
    {
        var kind = Kind;
        var superior = Superior;
        var name = Name;

        // Date order, then list order (OrderBy is stable); only a cell with changes pays for it.
        foreach (var change in changes.Where(c => c is not null && c.From <= date).OrderBy(c => c.From))
        {
            kind = change.Kind ?? kind;
            superior = change.Superior ?? superior;
            name = change.Name ?? name;
        }

        return this with { Kind = kind, Superior = superior, Name = name, Changes = null };
    }

    /// <inheritdoc />
    public bool Equals(Cell? other) =>
        other is not null && Id == other.Id && Name == other.Name && Kind == other.Kind && Superior == other.Superior
        && HasYouthUnion == other.HasYouthUnion && HasTradeUnion == other.HasTradeUnion
        && (Changes ?? []).SequenceEqual(other.Changes ?? []);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Id, Name, Kind, Superior, HasYouthUnion, HasTradeUnion, Changes?.Count ?? 0);
}

/// <summary>A dated change of a cell (<c>cell.changes[]</c>): the fields it names take their new value from <see cref="From"/> on.</summary>
/// <param name="From">The first day of the new value.</param>
/// <param name="Kind">The new kind, or null when unchanged.</param>
/// <param name="Superior">The new superior committee, or null when unchanged.</param>
/// <param name="Name">The new name, or null when unchanged.</param>
public sealed record CellChange(LocalDate From, CellKind? Kind = null, string? Superior = null, string? Name = null);
