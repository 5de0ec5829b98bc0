using System.Text.RegularExpressions;
using ChiBo.Text;

namespace ChiBo.Rules;

/// <summary>The Vietnamese text of a rule-file error (<see cref="RuleLoadError.Text"/>), from its code and English message.</summary>
internal static partial class RuleLoadErrorText
{
    public static LocalizedText Of(RuleLoadError error) => new(Vietnamese(error), error.Message);

    private static string Vietnamese(RuleLoadError e)
    {
        var m = e.Message;
        var hint = DidYouMean().Match(m) is { Success: true } h ? $" Có phải ý bạn là '{h.Groups[1].Value}'?" : string.Empty;
        string Q(int i) => Quoted().Matches(m) is { Count: var n } all && n > i ? all[i].Groups[1].Value : "?";
        return e.Code switch
        {
            "json.syntax" when m.Contains("',' is missing", System.StringComparison.Ordinal)
                => $"JSON sai cú pháp: thiếu dấu phẩy ',' ở cuối dòng {e.Line} (giá trị tiếp theo bắt đầu ở dòng sau).",
            "json.syntax" => "JSON sai cú pháp (" + m + ").",
            "json.encoding" => "tệp không phải văn bản UTF-8: hãy lưu lại tệp với bảng mã UTF-8.",
            "json.duplicateProperty" => $"thuộc tính '{Q(0)}' được viết hai lần trong cùng một đối tượng; chỉ viết một lần.",
            "json.unknownProperty" => $"thuộc tính '{Q(0)}' không có trong tệp quy định.{hint}"
                + (MissingToo().Match(m) is { Success: true } missing ? $" Vì vậy thiếu trường bắt buộc '{missing.Groups[1].Value}'." : string.Empty),
            "json.missingProperty" => "thiếu thuộc tính bắt buộc (" + m + ").",
            "json.wrongType" => "giá trị sai kiểu hoặc sai định dạng (" + m + ").",
            "parameter.unknown" => $"không có tham số '{Q(0)}'.{hint} Các tham số là: {After(m, "The parameters are: ")}",
            "parameter.missing" => $"thiếu tham số '{Q(0)}'; mọi tham số đều phải được nêu.",
            "parameter.missingField" => "tham số thiếu 'value' hoặc 'source' (" + m + ").",
            "parameter.wrongType" => $"tham số '{Q(0)}' sai kiểu: " + (m.Contains("education level", System.StringComparison.Ordinal) ? "phải là một tên trình độ học vấn (" + After(m, ": ") + ")." : "phải là một số nguyên."),
            "parameter.outOfRange" => $"tham số '{Q(0)}' ngoài khoảng cho phép (" + m + ").",
            "ruleSet.missingField" => "bộ quy định thiếu trường bắt buộc (" + m + ").",
            "ruleSet.badId" => $"mã bộ quy định '{Q(0)}' chỉ được gồm chữ thường, chữ số, '.' hoặc '-' (ví dụ 2016-qd29).",
            "ruleSet.duplicateId" => $"hai tệp cùng dùng mã bộ quy định '{Q(0)}'.",
            "ruleSet.duplicateStart" => "hai bộ quy định cùng có hiệu lực từ một ngày (" + m + ").",
            "ruleSet.outOfRange" => "ngày 'effectiveFrom' ngoài khoảng 03/02/1930 – 31/12/2100.",
            "ruleSet.none" => "không tìm thấy tệp quy định (*.json) nào.",
            "ruleSet.empty" => "bộ quy định không có bước nào: một bộ quy định không xét gì sẽ cho mọi hồ sơ đạt.",
            "workflow.unknownGate" => $"'{Q(0)}' không phải tên một bước.{hint} Các bước là: {After(m, "the gates are: ")}",
            "workflow.duplicate" => $"bước '{Q(0)}' có hai danh sách quy định.",
            "workflow.empty" => "bước không có quy định nào: một bước không có quy định sẽ cho mọi hồ sơ đạt.",
            "workflow.missingField" => "bước thiếu trường bắt buộc (" + m + ").",
            "rule.missingField" => "quy định thiếu trường bắt buộc (" + m + ").",
            "rule.badId" => $"mã quy định '{Q(0)}' phải là các từ camelCase nối bằng dấu chấm (ví dụ age.minimum).",
            "rule.duplicateId" => $"hai quy định của bước cùng có mã '{Q(0)}'.",
            "rule.unsupported" => "cách viết này không được hỗ trợ (" + m + ").",
            "rule.message" => "thông báo của quy định sai chỗ giữ chỗ {params.…} (" + m + ").",
            "rule.finding" when m.Contains("which is not a fact", System.StringComparison.Ordinal)
                => $"kết quả xét (finding) của quy định nêu '{Q(1)}', không phải một dữ kiện mà kết quả xét đọc được.{hint} Các tên là tên của ngôn ngữ biểu thức (docs/rules-language.md), params.* và các dữ kiện tính sẵn.",
            "rule.finding" => "kết quả xét (finding) của quy định viết sai chỗ giữ chỗ {…} (" + m + ").",
            "rule.title" => "'title' của quy định phải có đủ 'vi' và 'en'.",
            "rule.description" => "'description' phải là một chuỗi hoặc { \"vi\": …, \"en\": … } có đủ hai ngôn ngữ.",
            "expression.unknownName" when m.Contains("unknown parameter", System.StringComparison.Ordinal)
                => $"biểu thức '{Q(0)}' dùng tham số không tồn tại '{Q(1)}'.{hint}",
            "expression.unknownName" => $"biểu thức '{Q(0)}' nhắc đến tên không tồn tại (" + After(m, "does not exist: ") + ")." + hint,
            "expression.literal" => $"biểu thức '{Q(0)}' có con số viết trực tiếp: hãy đưa con số vào 'parameters' kèm căn cứ và dùng params.tên.",
            "expression.forbidden" => $"biểu thức '{Q(0)}' dùng điều ngôn ngữ quy định không cho phép (" + After(m, "is refused: ") + ").",
            "expression.type" => $"biểu thức '{Q(0)}' không cho kết quả đúng/sai (" + After(m, "does not type-check: ") + ").",
            "expression.syntax" => $"biểu thức '{Q(0)}' viết sai cú pháp (" + After(m, "does not parse: ") + ").",
            "expression.tooComplex" => $"biểu thức '{Q(0)}' quá phức tạp (" + After(m, "is too complex: ") + ").",
            "limit.exceeded" => "vượt giới hạn của tệp quy định (" + m + ").",
            "file.tooLarge" => "tệp quá lớn (tối đa 1 MiB).",
            "file.unreadable" => "không đọc được tệp (" + m + ").",
            "file.notRegular" or "file.danglingLink" or "file.linkLoop" => "đường dẫn không phải một tệp thường (" + m + ").",
            "overlay.loosens" => "tệp quy định bổ sung của địa phương chỉ được thêm điều kiện (mã quy định bắt đầu bằng 'local.'), không được bỏ hay nới một quy định toàn quốc (" + m + ").",
            "overlay.invalid" => "tệp quy định bổ sung của địa phương không hợp lệ (" + m + ").",
            _ when e.Code.StartsWith("test.", System.StringComparison.Ordinal) => "tệp kiểm thử quy định có lỗi: " + m + hint,
            "warning.staleNumber" => $"'{Q(0)}' vẫn ghi {Number(m, "still states ")}, giá trị phát hành của '{Q(1)}', trong khi tệp này đặt là {Number(m, "sets to ")}: hãy viết con số bằng {{params.{Q(1)}}} hoặc sửa lại lời văn.",
            "warning.unusedParameter" => $"không quy định nào (và không thời hạn nào của ChiBo) dùng tham số '{Q(0)}'.",
            "warning.constant" => $"biểu thức '{Q(0)}' không đọc dữ kiện nào của hồ sơ, nên không bao giờ {(m.EndsWith("fail", System.StringComparison.Ordinal) ? "trượt" : "đạt")}.",
            "warning.repeated" => $"biểu thức của '{Q(0)}' lặp lại biểu thức của '{Q(1)}' trong cùng bước.",
            _ when e.Code.StartsWith("warning.", System.StringComparison.Ordinal) => m,
            _ => "tệp quy định có lỗi: " + m,
        };
    }

    private static string Number(string text, string marker) =>
        Regex.Match(After(text, marker), @"^\d+").Value;

    private static string After(string text, string marker)
    {
        var i = text.IndexOf(marker, System.StringComparison.Ordinal);
        return i >= 0 ? text[(i + marker.Length)..] : text;
    }

    [GeneratedRegex(@"Did you mean '([^']+)'\?")]
    private static partial Regex DidYouMean();

    [GeneratedRegex(@"the required '([^']+)' is then missing")]
    private static partial Regex MissingToo();

    [GeneratedRegex(@"'([^']*)'")]
    private static partial Regex Quoted();
}
