using System;
using System.IO;
using System.Linq;

namespace ChiBo.Cli.Commands;

/// <summary>
/// <c>chibo rules init FOLDER</c>: copies the shipped <c>rules/</c> folder — rule sets, calendar, schema and rule tests —
/// into FOLDER, laid out as in the repository, so that every <c>$schema</c> still resolves in the copy and
/// <c>--rules FOLDER</c> uses it whole (its calendar included). Refuses to write over an existing file.
/// </summary>
internal sealed class RulesInitCommand : ICliCommand
{
    private const string Prefix = "rules/";

    public string Name => "rules init";

    public CliSpec Spec { get; } = new(
        new("chép bộ quy định phát hành (quy định, lịch, lược đồ, kiểm thử) vào một thư mục để chỉnh sửa", "copy the shipped rules (rule sets, calendar, schema, tests) into a folder to edit"),
        [new CliArgumentSpec("FOLDER", new("thư mục mới (hoặc rỗng) để chép vào", "a new (or empty) folder to copy into"))],
        [],
        new("Sau đó: sửa FOLDER/rulesets/*.json, rồi chibo rules validate FOLDER, chibo rules test --rules FOLDER --coverage, chibo evaluate … --rules FOLDER.",
            "Then: edit FOLDER/rulesets/*.json, then chibo rules validate FOLDER, chibo rules test --rules FOLDER --coverage, chibo evaluate … --rules FOLDER."));

    public int Run(CliArguments args, TextWriter stdout, TextWriter stderr)
    {
        var en = args.Language == Text.Language.English;
        var folder = args.RequirePositional(0, "the folder (FOLDER)");
        var assembly = typeof(RulesInitCommand).Assembly;
        var names = assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToArray();
        foreach (var name in names)
        {
            var target = Path.Combine(folder, name[Prefix.Length..]);
            if (File.Exists(target))
            {
                throw new CliInputException(en ? $"{target}: the file exists; init writes only into a new or empty folder" : $"{target}: tệp đã có; init chỉ chép vào thư mục mới hoặc rỗng");
            }
        }

        try
        {
            foreach (var name in names)
            {
                var target = Path.Combine(folder, name[Prefix.Length..]);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                using var source = assembly.GetManifestResourceStream(name)!;
                using var file = new FileStream(target, FileMode.CreateNew, FileAccess.Write);
                source.CopyTo(file);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CliInputException($"{folder}: {ex.Message}");
        }

        stdout.WriteLine(en
            ? $"{names.Length} files copied into {folder} (rulesets/, calendar/, schema/, tests/). Check an edit with: chibo rules validate {folder}"
            : $"Đã chép {names.Length} tệp vào {folder} (rulesets/, calendar/, schema/, tests/). Kiểm tra sau khi sửa: chibo rules validate {folder}");
        return Program.Ok;
    }
}
