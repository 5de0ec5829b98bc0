using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using ChiBo.Evaluation;
using ChiBo.Planning;
using ChiBo.Reports;
using ChiBo.Rules;
using ChiBo.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using NodaTime;
using Xunit;

namespace ChiBo.Tests.Planning;

/// <summary>
/// Issue 14 (reports a cell secretary can file): Vietnamese output without codes or ISO dates, the party document's
/// layout (Hướng dẫn 36-HD/VPTW) in Word, HTML and Markdown from the cell file's letterhead, valid Word files read
/// back, pictures, and the letterhead's validation.
/// </summary>
public sealed partial class FilableReportsTests : IDisposable
{
    private static readonly string Roster = Path.Combine(TestData.RepoRoot, "samples", "roster-2019");

    private readonly string temp = Path.Combine(Path.GetTempPath(), "chibo-filable-" + Guid.NewGuid().ToString("N"));

    public FilableReportsTests() => Directory.CreateDirectory(temp);

    public void Dispose() => Directory.Delete(temp, recursive: true);

    private static (int Exit, string Out, string Err) Run(params string[] args) => Cli.EvaluateCommandTests.Run(args);

    // camelCase ids (admissionDecided), dotted codes (deadline.overdue, vote.cellTwoThirds), ISO dates (2019-12-31).
    [GeneratedRegex(@"\b[a-z]+[A-Z][A-Za-z]*\b")]
    private static partial Regex CamelCase();

    [GeneratedRegex(@"\b[a-z]+\.[a-z][A-Za-z]*\b")]
    private static partial Regex DottedCode();

    [GeneratedRegex(@"\b\d{4}-\d{2}-\d{2}\b")]
    private static partial Regex IsoDate();

    [GeneratedRegex(@"<style>.*?</style>|<[^>]*>", RegexOptions.Singleline)]
    private static partial Regex Markup();

    private static void AssertReadable(string text, string what)
    {
        Assert.True(!CamelCase().IsMatch(text), $"{what}: camelCase '{CamelCase().Match(text).Value}'");
        Assert.True(!DottedCode().IsMatch(text), $"{what}: code '{DottedCode().Match(text).Value}'");
        Assert.True(!IsoDate().IsMatch(text), $"{what}: ISO date '{IsoDate().Match(text).Value}'");
    }

    private static string WordText(string path)
    {
        using var word = WordprocessingDocument.Open(path, false);
        return string.Join("\n", word.MainDocumentPart!.Document!.Body!.Descendants<Paragraph>().Select(p => p.InnerText));
    }

    private static string[] ReportArgs(string command) => command switch
    {
        "plan" => ["plan", Roster, "--year", "2020", "--as-of", "2020-01-10"],
        "due" => ["due", Roster, "--as-of", "2019-12-31"],
        _ => ["audit", Roster, "--year", "2019"],
    };

    [Theory]
    [InlineData("plan")]
    [InlineData("due")]
    [InlineData("audit")]
    public void Vietnamese_reports_show_no_code_and_no_iso_date_in_any_format(string command)
    {
        // Issue 14 item 2: dates dd/mm/yyyy, no ids or codes in Vietnamese prose or columns (they stay in --json).
        foreach (var format in new[] { "table", "md", "html" })
        {
            var (exit, output, error) = Run([.. ReportArgs(command), "--format", format]);
            Assert.True(exit == 0, error);
            AssertReadable(format == "html" ? Markup().Replace(output, " ") : output, $"{command} --format {format}");
        }

        var docx = Path.Combine(temp, command + ".docx");
        Assert.Equal(0, Run([.. ReportArgs(command), "--format", "docx", "-o", docx]).Exit);
        AssertReadable(WordText(docx), command + " --format docx");

        // The codes stay in the JSON, and show on request.
        Assert.Contains(command == "due" ? "\"action\"" : "\"code\"", Run([.. ReportArgs(command), "--json"]).Out);
        var codes = Run([.. ReportArgs(command), "--show-codes"]).Out;
        Assert.Matches(DottedCode(), codes);
    }

    [Fact]
    public void Evaluate_timeline_svg_and_page_are_readable_and_well_formed()
    {
        // Issue 14 item 4: the case's timeline with the violation marked; a page a browser opens.
        var (exit, svg, error) = Run("evaluate", Path.Combine(Roster, "10-dang-van-tung.case.json"), "--as-of", "2019-12-31", "--format", "svg");
        Assert.True(exit == 0, error);
        var root = XDocument.Parse(svg).Root!;
        Assert.Equal("{http://www.w3.org/2000/svg}svg", root.Name.ToString());
        Assert.Contains("05/07/2019 Chi bộ biểu quyết — vi phạm", root.Value, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Tổ chức lễ kết nạp: 20/08/2019 → 02/10/2019 (trễ hạn)", root.Value);

        var page = Run("evaluate", Path.Combine(Roster, "10-dang-van-tung.case.json"), "--as-of", "2019-12-31", "--format", "html").Out;
        Assert.StartsWith("<!DOCTYPE html>", page);
        Assert.Contains("<svg id=\"timeline\" xmlns=\"http://www.w3.org/2000/svg\"", page);
        AssertReadable(Markup().Replace(page, " "), "evaluate --format html");
        Assert.Equal(2, Run("evaluate", Path.Combine(Roster, "10-dang-van-tung.case.json"), "--as-of", "2019-12-31", "--format", "svg", "--json").Exit);
    }

    [Fact]
    public void Plan_docx_is_valid_and_has_the_seed_s_layout_and_the_roster_s_numbers()
    {
        // Issue 14 item 3: the party document's layout, the roster's data; valid Open XML; A4, Times New Roman.
        var path = Path.Combine(temp, "plan.docx");
        var (exit, output, error) = Run("plan", Roster, "--year", "2020", "--as-of", "2020-01-10", "--number", "3", "--format", "docx", "-o", path);
        Assert.True(exit == 0, error);
        Assert.Equal(string.Empty, output);
        using (var word = WordprocessingDocument.Open(path, false))
        {
            var errors = new OpenXmlValidator().Validate(word).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
            Assert.True(errors.Count == 0, string.Join("\n", errors));
            var body = word.MainDocumentPart!.Document!.Body!;
            var size = body.Descendants<PageSize>().Single();
            Assert.Equal((11906U, 16838U), (size.Width!.Value, size.Height!.Value));
            Assert.Equal("Times New Roman", word.MainDocumentPart.StyleDefinitionsPart!.Styles!.Descendants<RunFonts>().First().Ascii!.Value);
            Assert.Equal(2, word.MainDocumentPart.ImageParts.Count()); // the target and the pipeline charts
            var heading = body.Elements<Table>().First();
            Assert.All(heading.Descendants<TableBorders>().Single().ChildElements, b => Assert.Equal("none", b.GetAttributes().First(a => a.LocalName == "val").Value));
        }

        var text = WordText(path);
        string[] layout =
        [
            "ĐẢNG BỘ QUẬN HẢI CHÂU", "CHI BỘ TRƯỜNG THPT TRẦN PHÚ", "Số 3-KH/CB", "ĐẢNG CỘNG SẢN VIỆT NAM",
            "Đà Nẵng, ngày 10 tháng 1 năm 2020", "KẾ HOẠCH", "phát triển đảng viên năm 2020",
            "I. MỤC ĐÍCH, YÊU CẦU", "II. NỘI DUNG", "III. TỔ CHỨC THỰC HIỆN", "Nơi nhận:", "- Lưu VT CB.",
            "T/M CẤP ỦY CHI BỘ", "BÍ THƯ", "Nguyễn Văn Thành",
        ];
        var at = 0;
        foreach (var line in layout)
        {
            var found = text.IndexOf(line, at, StringComparison.Ordinal);
            Assert.True(found >= 0, $"'{line}' missing or out of order");
            at = found;
        }

        Assert.Contains("Chỉ tiêu kết nạp: 3–5 (Nghị quyết chi bộ tháng 12/2019)", text);
        Assert.Contains("Lê Thị Hồng Vân", text); // the supervisor
        Assert.Contains("Hằng tháng: Rà soát danh sách cảm tình đảng.", text);
        Assert.Contains("Hằng quý: Khảo sát, đánh giá quần chúng ưu tú.", text);
        Assert.Contains("Phạm Thị Thu Hà", text); // a helper and introducer, named from cell.json members
        Assert.Contains("Hết thời gian dự bị, xét công nhận đảng viên chính thức", text);
    }

    [Theory]
    [InlineData("audit", "BÁO CÁO", "Số 41-BC/CB")]
    [InlineData("due", "DANH SÁCH", "Số 41-DS/CB")]
    public void Audit_and_due_docx_are_valid_and_filed_in_the_same_layout(string command, string kind, string number)
    {
        var path = Path.Combine(temp, command + ".docx");
        Assert.Equal(0, Run([.. ReportArgs(command), "--number", "41", "--format", "docx", "-o", path]).Exit);
        using (var word = WordprocessingDocument.Open(path, false))
        {
            Assert.Empty(new OpenXmlValidator().Validate(word));
        }

        var text = WordText(path);
        Assert.Contains(number, text);
        Assert.Contains(kind, text);
        Assert.Contains("Đà Nẵng, ngày 31 tháng 12 năm 2019", text);
        if (command == "audit")
        {
            Assert.Contains("kết quả công tác phát triển đảng viên năm 2019", text);
            Assert.Contains("Chi bộ biểu quyết ngày 05/07/2019 (sự kiện thứ 10)", text);
        }
    }

    [Fact]
    public void Html_page_is_one_printable_file_with_the_heading()
    {
        var (exit, page, _) = Run("plan", Roster, "--year", "2020", "--as-of", "2020-01-10", "--format", "html");
        Assert.Equal(0, exit);
        Assert.StartsWith("<!DOCTYPE html><html lang=\"vi\">", page);
        Assert.Contains("@page{size:A4", page);
        Assert.Contains("@media print", page);
        Assert.DoesNotContain("<script", page);
        Assert.DoesNotContain(" src=", page);
        Assert.DoesNotContain("<link", page);
        Assert.Contains("<table class=\"letterhead\">", page);
        Assert.Contains("ĐẢNG CỘNG SẢN VIỆT NAM", page);
        Assert.Equal(2, Regex.Count(page, "<figure class=\"chart\"><svg"));
        Assert.Contains("KẾ HOẠCH PHÁT TRIỂN ĐẢNG VIÊN NĂM 2020", Run("plan", Roster, "--year", "2020").Out);
        Assert.StartsWith("BÁO CÁO KẾT QUẢ CÔNG TÁC PHÁT TRIỂN ĐẢNG VIÊN NĂM 2019", Run("audit", Roster, "--year", "2019").Out);
    }

    [Fact]
    public void Without_a_letterhead_the_reports_keep_plain_headings()
    {
        // Issue 14 item 5: the letterhead is optional.
        var cell = CellFileSerializer.ReadFile(Path.Combine(Roster, "cell.json")).GetValueOrThrow() with { };
        var roster = ChiBo.Planning.Roster.LoadDirectory(Roster);
        var plain = ChiBo.Planning.Roster.Of(cell with { Letterhead = null }, roster.Cases);
        var planner = new CellPlanner(new CaseEvaluator(RuleCatalog.Shipped));
        var plan = planner.Plan(plain, 2020);
        var doc = ReportDocuments.Plan(plan, Language.Vietnamese, new ReportOptions { Roster = plain });
        Assert.Null(doc.Letterhead);
        var page = ReportHtml.ToPage(doc);
        Assert.DoesNotContain("ĐẢNG CỘNG SẢN VIỆT NAM", page);
        Assert.Contains("<h1 class=\"kind\">KẾ HOẠCH PHÁT TRIỂN ĐẢNG VIÊN NĂM 2020</h1>", page);
        using var stream = new MemoryStream();
        ReportWord.Write(doc, stream);
        stream.Position = 0;
        using var word = WordprocessingDocument.Open(stream, false);
        Assert.Empty(new OpenXmlValidator().Validate(word));

        // With it: the superior on the document's date (the district until 30/6/2025, then the ward).
        var withHead = ReportDocuments.Plan(plan, Language.Vietnamese, new ReportOptions { Roster = roster, Date = new LocalDate(2025, 7, 1) });
        Assert.Equal("ĐẢNG BỘ PHƯỜNG HẢI CHÂU", withHead.Letterhead!.Superior);
        Assert.Equal("Số      -KH/CB", withHead.Letterhead.Number); // a blank for a hand-written number
        Assert.Null(ReportDocuments.Plan(plan, Language.English, new ReportOptions { Roster = roster }).Letterhead);
    }

    [Fact]
    public void Letterhead_and_members_are_validated_with_typed_errors()
    {
        var json = File.ReadAllText(Path.Combine(Roster, "cell.json"));
        var read = CellFileSerializer.Read(json, "cell.json");
        Assert.True(read.IsValid, string.Join("; ", read.Errors));
        Assert.Equal(read.Value, CellFileSerializer.Read(CellFileSerializer.Write(read.Value!), "again.json").Value);
        Assert.Equal("Châu Văn Lợi", read.Value!.MemberName("dv-011"));

        static string[] Paths(string json) => [.. CellFileSerializer.Read(json, "cell.json").Errors.Select(e => $"{e.Code} {e.Path}")];
        Assert.Equal(["field.invalid $.letterhead.numberPattern"], Paths(json.Replace("{number}-{kind}/CB", "{kind}/CB", StringComparison.Ordinal)));
        Assert.Equal(["field.invalid $.letterhead.numberPattern"], Paths(json.Replace("{number}-{kind}/CB", "{number}-{year}/CB", StringComparison.Ordinal)));
        Assert.Equal(["field.invalid $.letterhead.superiors[1].from"], Paths(json.Replace("\"from\": \"2025-07-01\"", "\"from\": null", StringComparison.Ordinal)));
        Assert.Equal(["field.invalid $.letterhead.signer"], Paths(json.Replace("\"fullName\": \"Nguyễn Văn Thành\", \"title\": \"Bí thư\"", "\"fullName\": \" \", \"title\": \"Bí thư\"", StringComparison.Ordinal)));
        Assert.Equal(["field.invalid $.members[1].memberId"], Paths(json.Replace("\"dv-002\", \"fullName\": \"Lê", "\"dv-001\", \"fullName\": \"Lê", StringComparison.Ordinal)));
        Assert.Equal(["field.invalid $.letterhead.place"], Paths(json.Replace("\"place\": \"Đà Nẵng\"", "\"place\": \"\"", StringComparison.Ordinal)));
        Assert.Equal("json.unknownProperty", CellFileSerializer.Read(json.Replace("\"place\":", "\"city\":", StringComparison.Ordinal), "cell.json").Errors[0].Code);
    }

    [Fact]
    public void Dates_read_as_a_vietnamese_reader_expects()
    {
        Assert.Equal("10/06/2019", ReportDates.Short(new LocalDate(2019, 6, 10), Language.Vietnamese));
        Assert.Equal("ngày 10 tháng 6 năm 2019", ReportDates.Long(new LocalDate(2019, 6, 10), Language.Vietnamese));
        Assert.Equal("2019-06-10", ReportDates.Short(new LocalDate(2019, 6, 10), Language.English));
    }
}
