using System.IO;
using System.Linq;
using System.Text.Json;
using ChiBo.Serialization;
using ChiBo.Text;

namespace ChiBo.Cli.Commands;

/// <summary>
/// <c>chibo rules show [PATH] [--era ID] [--format md|html|json] [--lang vi|en]</c>: the rules as a document an official
/// reads — per era and gate each rule's message, reading, source and parameters; the parameters across eras with each
/// change marked. PATH is a rule file, a folder of them or a <c>rules/</c> folder; the shipped rules by default.
/// </summary>
internal sealed class RulesShowCommand : ICliCommand
{
    public string Name => "rules show";

    public CliSpec Spec { get; } = new(
        new("các quy định dưới dạng văn bản để đọc: từng thời kỳ, từng bước, yêu cầu, cách hiểu, căn cứ, tham số",
            "the rules as a document to read: each era and gate, requirement, reading, source, parameters"),
        [new CliArgumentSpec("PATH", new("tệp quy định, thư mục quy định hoặc thư mục rules/ (mặc định: bộ quy định phát hành)", "a rule file, a folder of them or a rules/ folder (default: the shipped rules)"), Required: false)],
        [
            new CliOptionSpec("era", "ID", new("chỉ một thời kỳ, ví dụ 2016-qd29", "one era only, e.g. 2016-qd29")),
            new CliOptionSpec("format", "md|html|json", new("dạng văn bản: Markdown (mặc định), một trang HTML in được, hoặc JSON", "the format: Markdown (the default), one printable HTML page, or JSON"), AllowedValues: ["md", "markdown", "html", "json"]),
        ],
        new("Ví dụ: chibo rules show --format html > quy-dinh.html", "Example: chibo rules show --format html --lang en > rules.html"));

    public int Run(CliArguments args, TextWriter stdout, TextWriter stderr)
    {
        var language = args.Language;
        var catalog = RuleFolders.Catalog(args.Positional.Count > 0 ? args.Positional[0] : null);
        var all = catalog.RuleSets;
        var eras = all.ToList();
        if (args.Option("era") is { } era)
        {
            eras = [.. all.Where(s => s.Id == era)];
            if (eras.Count == 0)
            {
                throw new CliInputException(language == Language.English
                    ? $"--era: no rule set '{era}'; the eras are: {string.Join(", ", all.Select(s => s.Id))}"
                    : $"--era: không có bộ quy định '{era}'; các thời kỳ là: {string.Join(", ", all.Select(s => s.Id))}");
            }
        }

        var format = args.Json ? "json" : args.Option("format") ?? "md";
        switch (format)
        {
            case "html":
                stdout.Write(RulesDocument.Html(eras, all, language));
                break;
            case "json":
                stdout.WriteLine(JsonSerializer.Serialize(RulesJson.Model(eras), ChiBoJson.Options));
                break;
            default:
                stdout.Write(RulesDocument.Markdown(eras, all, language));
                break;
        }

        return Program.Ok;
    }
}
