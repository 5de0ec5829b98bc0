using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using ChiBo.Calendar;
using ChiBo.Cases;
using ChiBo.Planning;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Xunit;

namespace ChiBo.Tests.Fuzzing;

/// <summary>
/// Fuzzing the file readers with the file kinds of <see cref="FileKind"/> (docs/reliability.md, "Special files"): an
/// ordinary file or a link to one, holding a corpus case file mutated or not, or a named pipe, a dangling link, a
/// loop of links, a folder or a link to one, a link to /dev/zero, a 3 GiB sparse file, an unreadable file — under a
/// file name a reader looks for, handed to every reader (the case, cell and calendar readers, a roster folder,
/// <c>chibo evaluate</c> and <c>chibo due</c>). Each read ends within the hang guard with a value or typed errors; a
/// special kind gives exactly its code and names its path; an ordinary file never gives a <c>file.*</c> code
/// other than <c>file.tooLarge</c>.
/// </summary>
public class SpecialFileFuzzTests
{
    private static readonly string[] Readers = ["case", "cell", "calendar", "roster", "evaluate", "due"];

    private static Arbitrary<(int Kind, int Reader, int File, int Seed)> Inputs() =>
        (from kind in Gen.Choose(0, 1000)
         from reader in Gen.Choose(0, Readers.Length - 1)
         from file in Gen.Choose(0, int.MaxValue - 1)
         from seed in Gen.Choose(0, int.MaxValue - 1)
         select (kind, reader, file, seed)).ToArbitrary();

    // Law: any file kind under any reader gives a value or its typed errors naming the path, within the hang guard.
    [Property(MaxTest = 300, Replay = "(20261201,20261203)")]
    public Property Any_file_kind_under_any_reader_ends_with_a_value_or_its_typed_error() =>
        Prop.ForAll(Inputs(), input =>
        {
            var kinds = Enum.GetValues<FileKind>();

            // Half ordinary files (mutated or not), half the special kinds, each equally often.
            var kind = input.Kind % 2 == 0 ? (input.Kind % 4 == 0 ? FileKind.Regular : FileKind.LinkToRegular)
                : SpecialFiles.Special[input.Kind / 2 % SpecialFiles.Special.Length];
            var reader = Readers[input.Reader];
            var original = FuzzCorpus.Pick(FuzzCorpus.Files, input.File);
            var (content, description) = input.Seed % 3 == 0 ? (original, "unchanged") : JsonMutator.MutateRandomly(original, input.Seed);
            var folder = Directory.CreateTempSubdirectory("chibo-kinds-").FullName;
            try
            {
                var name = reader switch { "cell" => "cell.json", "calendar" => "2030.json", _ => "fuzz.case.json" };
                var path = Path.Combine(folder, name);
                SpecialFiles.Create(path, kind, content);
                var codes = SpecialFiles.Bounded(() => Read(reader, folder, path), $"{reader} of a {kind} [{description}]", path);
                var what = $"{reader} of a {kind} [{description}]: {string.Join(", ", codes)}";
                if (kind is FileKind.Regular or FileKind.LinkToRegular)
                {
                    Assert.DoesNotContain(codes, c => c.StartsWith("file.", StringComparison.Ordinal) && c != "file.tooLarge");
                }
                else
                {
                    // `chibo evaluate FOLDER` evaluates the cases of a folder: a folder named like a case file holds none.
                    var expected = reader == "evaluate" && kind is FileKind.Folder or FileKind.LinkToFolder ? "folder.noCases" : SpecialFiles.ExpectedCode(kind);
                    Assert.True(codes.SequenceEqual([expected]), what);
                }

                return true.Collect($"{kind}: {(codes.Count == 0 ? "read" : codes[0])}");
            }
            finally
            {
                Directory.Delete(folder, recursive: true);
            }
        });

    /// <summary>The codes of the errors a reader gives about <paramref name="path"/> (none when it was read).</summary>
    private static List<string> Read(string reader, string folder, string path)
    {
        IEnumerable<CaseFileError> errors = reader switch
        {
            "case" => CaseFileSerializer.ReadFile(path).Errors,
            "cell" => CellFileSerializer.ReadFile(path).Errors,
            "calendar" => HolidayYearSerializer.ReadFile(path).Errors,
            "roster" => Roster.LoadDirectory(folder).Errors,
            _ => [],
        };
        foreach (var error in errors)
        {
            Assert.Equal(path, error.File);
        }

        if (reader is "evaluate" or "due")
        {
            var args = reader == "evaluate" ? new[] { "evaluate", path, "--as-of", "2019-06-10", "--json" } : ["due", folder, "--as-of", "2019-12-31", "--json"];
            var (exit, output, error) = Cli.EvaluateCommandTests.Run(args);
            Assert.True(exit is 0 or 1 or 2, $"exit {exit}: {error}");
            Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
            if (exit == 2)
            {
                Assert.Single(error.TrimEnd().Split('\n'));
                Assert.Contains(path, error, StringComparison.Ordinal);
                return [error.Contains("not a regular file", StringComparison.Ordinal) ? "file.notRegular" : Code(error)];
            }

            return reader == "due"
                ? [.. System.Text.Json.JsonDocument.Parse(output).RootElement.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("code").GetString()!)]
                : [];
        }

        return [.. errors.Select(e => e.Code)];
    }

    // evaluate prints the error's text, not its code: the code is found back from the text for the file.* kinds.
    private static string Code(string error) =>
        error.Contains("the link points to", StringComparison.Ordinal) ? "file.danglingLink"
        : error.Contains("cannot be followed", StringComparison.Ordinal) ? "file.linkLoop"
        : error.Contains("bytes; at most", StringComparison.Ordinal) || error.Contains("more than", StringComparison.Ordinal) ? "file.tooLarge"
        : error.Contains("cannot read the file", StringComparison.Ordinal) ? "file.unreadable"
        : error.Contains("the folder holds no case file", StringComparison.Ordinal) ? "folder.noCases"
        : "invalid";
}
