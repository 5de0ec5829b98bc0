using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using ChiBo.Cases;
using ChiBo.Utility;

namespace ChiBo.Planning;

/// <summary>One file handed to the roster loader: its name and its bytes (the host does the I/O).</summary>
/// <param name="Name">The file name shown in errors.</param>
/// <param name="Content">The file's UTF-8 bytes.</param>
public sealed record RosterFile(string Name, ReadOnlyMemory<byte> Content);

/// <summary>A case of a roster, with the file it came from.</summary>
/// <param name="FileName">The file name.</param>
/// <param name="Case">The case file.</param>
public sealed record RosterCase(string FileName, CaseFile Case);

/// <summary>
/// The cases of one cell (danh sách theo dõi của chi bộ) and its cell file. Loading reports every bad file with
/// its error and goes on with the rest: nothing is silently dropped. Immutable.
/// </summary>
public sealed class Roster
{
    private Roster(CellFile? cellFile, ImmutableArray<RosterCase> cases, ImmutableArray<CaseFileError> errors)
    {
        CellFile = cellFile;
        Cases = cases;
        Errors = errors;
    }

    /// <summary>The cell file, or null when none was given (or it could not be read: see <see cref="Errors"/>).</summary>
    public CellFile? CellFile { get; }

    /// <summary>The cases read, in file-name order.</summary>
    public ImmutableArray<RosterCase> Cases { get; }

    /// <summary>Every file that could not be read, with its error.</summary>
    public ImmutableArray<CaseFileError> Errors { get; }

    /// <summary>An empty roster.</summary>
    public static Roster Empty { get; } = new(null, [], []);

    /// <summary>
    /// Loads a roster from a cell file and case files. Every file that cannot be read is reported in
    /// <see cref="Errors"/> with its name, and loading goes on with the others: a file that does not parse or
    /// does not match the contract, a second file for a person id already read (<c>roster.duplicatePerson</c>), and a
    /// case of another cell than the cell file's (<c>roster.otherCell</c>).
    /// </summary>
    /// <param name="cellFile">The cell file's bytes, or null when there is none.</param>
    /// <param name="caseFiles">The case files.</param>
    /// <param name="readErrors">Errors the host met reading files (I/O, stray files), kept in <see cref="Errors"/>; or null.</param>
    /// <returns>The roster, with the errors of the files that could not be read.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="caseFiles"/> is null.</exception>
    public static Roster Load(RosterFile? cellFile, IEnumerable<RosterFile> caseFiles, IEnumerable<CaseFileError>? readErrors = null)
    {
        Preconditions.CheckNotNull(caseFiles, nameof(caseFiles));
        var errors = ImmutableArray.CreateBuilder<CaseFileError>();
        errors.AddRange(readErrors ?? []);
        CellFile? cell = null;
        if (cellFile is not null)
        {
            var read = CellFileSerializer.Read(cellFile.Content.Span, cellFile.Name);
            cell = read.Value;
            errors.AddRange(read.Errors);
        }

        var parsed = new List<RosterCase>();
        foreach (var file in caseFiles.OrderBy(f => f.Name, StringComparer.Ordinal))
        {
            var result = CaseFileSerializer.Read(file.Content.Span, file.Name);
            if (result.IsValid)
            {
                parsed.Add(new RosterCase(file.Name, result.Value!));
            }
            else
            {
                errors.AddRange(result.Errors.Select(e => e with { File = e.File ?? file.Name }));
            }
        }

        var cases = Admit(cell, parsed, errors);
        return new Roster(cell, cases, errors.ToImmutable());
    }

    /// <summary>
    /// Builds a roster from cases already in memory, with the same checks as <see cref="Load"/>: a second case for a
    /// person id and a case of another cell are reported in <see cref="Errors"/> and left out.
    /// </summary>
    /// <param name="cellFile">The cell file, or null.</param>
    /// <param name="cases">The cases.</param>
    /// <returns>The roster.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="cases"/> is null.</exception>
    public static Roster Of(CellFile? cellFile, IEnumerable<RosterCase> cases)
    {
        Preconditions.CheckNotNull(cases, nameof(cases));
        var errors = ImmutableArray.CreateBuilder<CaseFileError>();
        var admitted = Admit(cellFile, cases, errors);
        return new Roster(cellFile, admitted, errors.ToImmutable());
    }

    // In file-name order: the first file of a person id wins; cases of another cell than the cell file's are left out.
    private static ImmutableArray<RosterCase> Admit(CellFile? cell, IEnumerable<RosterCase> cases, ImmutableArray<CaseFileError>.Builder errors)
    {
        var admitted = ImmutableArray.CreateBuilder<RosterCase>();
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var rosterCase in cases.OrderBy(c => c.FileName, StringComparer.Ordinal))
        {
            Preconditions.CheckArgument(rosterCase is not null, nameof(cases), "cases must not contain null");
            var (name, caseFile) = (rosterCase.FileName, rosterCase.Case);
            if (cell is not null && caseFile.Cell.Id != cell.Cell.Id)
            {
                errors.Add(new CaseFileError("roster.otherCell",
                    $"the case belongs to cell '{caseFile.Cell.Id}', not to '{cell.Cell.Id}' of the cell file", name, Path: "$.cell.id"));
                continue;
            }

            if (ids.TryGetValue(caseFile.Person.Id, out var first))
            {
                errors.Add(new CaseFileError("roster.duplicatePerson",
                    $"person id '{caseFile.Person.Id}' is already used by {first}", name, Path: "$.person.id"));
                continue;
            }

            ids[caseFile.Person.Id] = name;
            admitted.Add(rosterCase);
        }

        return admitted.ToImmutable();
    }
}
