using System;
using System.IO;
using System.Linq;
using ChiBo.Tests.Fuzzing;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Xunit;

namespace ChiBo.Rules.Tests.Fuzzing;

/// <summary>
/// Fuzzing rule-file reading with the file kinds of <see cref="FileKind"/> (docs/reliability.md, "Special files"): a
/// rules folder holding the shipped files plus one entry of any kind — an ordinary file or a link to one with a
/// mutated rule file, or a named pipe, a broken or looping link, a folder, a link to /dev/zero, a 3 GiB sparse
/// file, an unreadable file — read by <see cref="RuleSetLoader.LoadFile(string)"/> and
/// <see cref="RuleCatalog.LoadDirectory"/>. Each ends within the hang guard; a special entry gives exactly its code.
/// </summary>
public class RuleSpecialFileFuzzTests
{
    private static Arbitrary<(int Kind, int Seed)> Inputs() =>
        Gen.Choose(0, 1000).SelectMany(kind => Gen.Choose(0, int.MaxValue - 1).Select(seed => (kind, seed))).ToArbitrary();

    [Property(MaxTest = 150, Replay = "(20261202,20261205)")]
    public Property Any_file_kind_in_a_rules_folder_ends_with_a_catalog_or_its_typed_error() =>
        Prop.ForAll(Inputs(), input =>
        {
            var kind = input.Kind % 2 == 0 ? (input.Kind % 4 == 0 ? FileKind.Regular : FileKind.LinkToRegular)
                : SpecialFiles.Special[input.Kind / 2 % SpecialFiles.Special.Length];
            var (content, description) = JsonMutator.MutateRandomly(RuleFuzz.Small, input.Seed);
            var folder = Directory.CreateTempSubdirectory("chibo-rule-kinds-").FullName;
            try
            {
                foreach (var file in RuleFiles.Shipped)
                {
                    File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
                }

                var path = Path.Combine(folder, "zz-fuzz.json");
                SpecialFiles.Create(path, kind, content);
                var what = $"{kind} [{description}]";
                var one = SpecialFiles.Bounded(() => RuleSetLoader.LoadFile(path), "LoadFile of " + what, path);
                var all = SpecialFiles.Bounded(() => RuleCatalog.LoadDirectory(folder), "LoadDirectory with " + what, path);
                Assert.All(one.Errors, e => Assert.Equal(path, e.File));
                if (kind is FileKind.Regular or FileKind.LinkToRegular && content.Length > RuleSetLoader.MaxFileBytes)
                {
                    // A mutation that grows the file past the limit (a repeated value, say) is refused by its size alone.
                    Assert.Equal(["file.tooLarge"], one.Errors.Select(e => e.Code));
                }
                else if (kind is FileKind.Regular or FileKind.LinkToRegular)
                {
                    Assert.DoesNotContain(one.Errors, e => e.Code.StartsWith("file.", StringComparison.Ordinal));
                }
                else
                {
                    Assert.Equal([SpecialFiles.ExpectedCode(kind)], one.Errors.Select(e => e.Code));
                    Assert.Equal([(SpecialFiles.ExpectedCode(kind), path)], all.Errors.Select(e => (e.Code, e.File)));
                }

                return true.Collect($"{kind}: {(one.IsValid ? "loaded" : one.Errors[0].Code)}");
            }
            finally
            {
                Directory.Delete(folder, recursive: true);
            }
        });
}
