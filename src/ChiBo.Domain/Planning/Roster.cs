using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ChiBo.Cases;
using ChiBo.Serialization;
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

    /// <summary>The name of a roster's cell file.</summary>
    public const string CellFileName = "cell.json";

    /// <summary>How the names of a roster's case files end.</summary>
    public const string CaseFileSuffix = ".case.json";

    /// <summary>
    /// The most bytes of case files one roster reads in all (32 MiB, thousands of real cases): files past it are
    /// reported (<c>roster.tooLarge</c>) and not read, so a roster's memory is bounded whatever the number of files.
    /// </summary>
    public const long MaxTotalBytes = 32L * 1024 * 1024;

    /// <summary>
    /// The most entries named <c>*.json</c> a roster folder may hold (10,000); a folder with more is refused as a
    /// whole (<c>roster.tooLarge</c>), so that the list of names and of errors is bounded too.
    /// </summary>
    public const int MaxEntries = 10_000;

    /// <summary>
    /// Loads a roster from a cell file and case files. Every file that cannot be read is reported in
    /// <see cref="Errors"/> with its name, and loading goes on with the others: a file that does not parse or
    /// does not match the contract, a second file for a person id already read (<c>roster.duplicatePerson</c>), a
    /// case of another cell than the cell file's (<c>roster.otherCell</c>), and the files past
    /// <see cref="MaxTotalBytes"/> (<c>roster.tooLarge</c>). The case files are enumerated once and each is parsed
    /// as it comes, so a lazy sequence (reading each file when asked) holds one file's bytes at a time.
    /// </summary>
    /// <param name="cellFile">The cell file's bytes, or null when there is none.</param>
    /// <param name="caseFiles">The case files.</param>
    /// <param name="readErrors">Errors the host met reading files (I/O, stray files), kept in <see cref="Errors"/>; or null.</param>
    /// <returns>The roster, with the errors of the files that could not be read.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="caseFiles"/> is null.</exception>
    public static Roster Load(RosterFile? cellFile, IEnumerable<RosterFile> caseFiles, IEnumerable<CaseFileError>? readErrors = null)
    {
        Preconditions.CheckNotNull(caseFiles, nameof(caseFiles));
        var reading = new Reading();
        reading.Errors.AddRange(readErrors ?? []);
        if (cellFile is not null)
        {
            reading.AddCell(CellFileSerializer.Read(cellFile.Content.Span, cellFile.Name));
        }

        foreach (var file in caseFiles)
        {
            // A file over its own limit is refused by the reader at once and holds nothing: it spends no budget.
            if (file.Content.Length > CaseFileSerializer.MaxFileBytes || reading.TakeBudget(file.Name, file.Content.Length))
            {
                reading.AddCase(file.Name, CaseFileSerializer.Read(file.Content.Span, file.Name));
            }
        }

        return reading.Build();
    }

    /// <summary>
    /// Loads a roster folder: <see cref="CellFileName"/> and every <c>*.case.json</c> directly inside it, read one
    /// at a time with the safe reader of <see cref="CaseFileSerializer.ReadFile"/> (only regular files, a hard byte
    /// bound, never blocking), each file's bytes dropped once parsed, at most <see cref="MaxTotalBytes"/> in all.
    /// Every entry whose name ends with <c>.json</c> in any case is read or reported: a folder, pipe, device or
    /// broken link named like a roster file (<c>file.notRegular</c>, <c>file.danglingLink</c>, <c>file.linkLoop</c>), a
    /// name spelt in another case (<c>CELL.JSON</c>, <c>x.CASE.JSON</c>: <c>roster.ignoredFile</c>, since the contract
    /// names them in lower case and a case-sensitive file system would hold both), and any other <c>*.json</c>
    /// (<c>roster.ignoredFile</c>). Other names (a README, a photo) are not roster entries. Never throws for a bad
    /// folder or file: a folder that cannot be listed is <c>roster.unreadable</c>.
    /// </summary>
    /// <param name="folder">The roster folder.</param>
    /// <returns>The roster, with an error for every entry not read.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="folder"/> is null.</exception>
    public static Roster LoadDirectory(string folder)
    {
        Preconditions.CheckNotNull(folder, nameof(folder));
        var load = LoadDirectory(folder, useAsync: false, CancellationToken.None);
        System.Diagnostics.Debug.Assert(load.IsCompleted, "the synchronous load completes synchronously");
        return load.GetAwaiter().GetResult();
    }

    /// <summary>
    /// Loads a roster folder as <see cref="LoadDirectory(string)"/> does, each file read asynchronously, one at a time.
    /// </summary>
    /// <param name="folder">The roster folder.</param>
    /// <param name="cancellationToken">Cancels the load between files and during a read.</param>
    /// <returns>The roster, with an error for every entry not read.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="folder"/> is null.</exception>
    /// <exception cref="OperationCanceledException">The load was cancelled.</exception>
    public static Task<Roster> LoadDirectoryAsync(string folder, CancellationToken cancellationToken = default)
    {
        Preconditions.CheckNotNull(folder, nameof(folder));
        return LoadDirectory(folder, useAsync: true, cancellationToken).AsTask();
    }

    // One implementation for both: with useAsync false every await completes synchronously.
    private static async ValueTask<Roster> LoadDirectory(string folder, bool useAsync, CancellationToken cancellationToken)
    {
        var reading = new Reading();
        var names = new List<string>();
        try
        {
            var options = new EnumerationOptions
            {
                MatchCasing = MatchCasing.CaseInsensitive,
                AttributesToSkip = 0,
                IgnoreInaccessible = false,
                RecurseSubdirectories = false,
            };
            foreach (var entry in Directory.EnumerateFileSystemEntries(folder, "*.json", options))
            {
                if (names.Count == MaxEntries)
                {
                    reading.Errors.Add(new CaseFileError("roster.tooLarge",
                        $"the folder holds more than {MaxEntries} entries named *.json; a roster holds at most {MaxEntries}: nothing was read", folder));
                    return reading.Build();
                }

                names.Add(entry);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or System.Security.SecurityException)
        {
            reading.Errors.Add(new CaseFileError("roster.unreadable", $"cannot list the folder: {ex.Message}", folder));
            return reading.Build();
        }

        names.Sort(StringComparer.Ordinal);
        if (names.Find(n => string.Equals(Path.GetFileName(n), CellFileName, StringComparison.Ordinal)) is { } cellPath)
        {
            var (cellBytes, cellError) = useAsync
                ? await RegularFile.ReadAllBytesAsync(cellPath, CellFileSerializer.MaxFileBytes, cancellationToken).ConfigureAwait(false)
                : RegularFile.ReadAllBytes(cellPath, CellFileSerializer.MaxFileBytes);
            reading.AddCell(cellError is null ? CellFileSerializer.Read(cellBytes!, cellPath) : new CellFileReadResult(null, [cellError]));
        }

        foreach (var path in names)
        {
            var name = Path.GetFileName(path);
            if (string.Equals(name, CellFileName, StringComparison.Ordinal))
            {
                continue;
            }

            if (!name.EndsWith(CaseFileSuffix, StringComparison.Ordinal))
            {
                var misspelt = string.Equals(name, CellFileName, StringComparison.OrdinalIgnoreCase)
                    || name.EndsWith(CaseFileSuffix, StringComparison.OrdinalIgnoreCase);
                reading.AddError(path, new CaseFileError("roster.ignoredFile", misspelt
                        ? $"not read: a roster reads {CellFileName} and *{CaseFileSuffix} spelt in lower case; rename the file"
                        : $"not read: a roster holds {CellFileName} and *{CaseFileSuffix} files only", path));
                continue;
            }

            if (reading.BudgetSpent)
            {
                reading.AddError(path, reading.OverBudget(path));
                continue;
            }

            cancellationToken.ThrowIfCancellationRequested();
            var (bytes, error) = useAsync
                ? await RegularFile.ReadAllBytesAsync(path, CaseFileSerializer.MaxFileBytes, cancellationToken).ConfigureAwait(false)
                : RegularFile.ReadAllBytes(path, CaseFileSerializer.MaxFileBytes);
            if (error is not null)
            {
                reading.AddError(path, error);
            }
            else if (reading.TakeBudget(path, bytes!.Length))
            {
                // The bytes are dropped here: only the parsed case is kept.
                reading.AddCase(path, CaseFileSerializer.Read(bytes, path));
            }
        }

        return reading.Build();
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

    // One reading of a roster: the errors met so far, the parsed cases, the bytes of case files spent.
    private sealed class Reading
    {
        private readonly List<(string SortKey, CaseFileError Error)> fileErrors = [];
        private readonly List<RosterCase> parsed = [];
        private long used;
        private CellFile? cell;

        /// <summary>Errors kept first, in order (the host's, the cell file's, the folder's).</summary>
        public List<CaseFileError> Errors { get; } = [];

        public bool BudgetSpent => used >= MaxTotalBytes;

        public CaseFileError OverBudget(string name) => new("roster.tooLarge",
            $"not read: the roster's case files pass {MaxTotalBytes} bytes in all, the most one roster reads", name, Path: "$");

        public void AddCell(CellFileReadResult read)
        {
            cell = read.Value;
            Errors.AddRange(read.Errors);
        }

        public void AddError(string sortKey, CaseFileError error) => fileErrors.Add((sortKey, error));

        public bool TakeBudget(string name, long length)
        {
            if (used + length > MaxTotalBytes)
            {
                used = MaxTotalBytes;
                AddError(name, OverBudget(name));
                return false;
            }

            used += length;
            return true;
        }

        public void AddCase(string name, CaseFileReadResult result)
        {
            if (result.IsValid)
            {
                parsed.Add(new RosterCase(name, result.Value!));
            }
            else
            {
                foreach (var error in result.Errors)
                {
                    AddError(name, error with { File = error.File ?? name });
                }
            }
        }

        public Roster Build()
        {
            var errors = ImmutableArray.CreateBuilder<CaseFileError>();
            errors.AddRange(Errors);

            // Per file in file-name order (a stable sort: a file's own errors keep their order).
            errors.AddRange(fileErrors.OrderBy(e => e.SortKey, StringComparer.Ordinal).Select(e => e.Error));
            var cases = Admit(cell, parsed, errors);
            return new Roster(cell, cases, errors.ToImmutable());
        }
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
