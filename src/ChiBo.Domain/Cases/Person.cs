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
    string? WorkUnit = null);

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
public sealed record Cell(
    string Id,
    string Name,
    CellKind Kind,
    string? Superior = null,
    bool HasYouthUnion = true,
    bool HasTradeUnion = true);
