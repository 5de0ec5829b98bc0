using System.IO;
using System.Linq;
using ChiBo.Text;
using FluentValidation;
using Microsoft.Extensions.Options;

namespace ChiBo.Rules.Hosting;

/// <summary>
/// Validates a host's <see cref="ChiBoOptions"/> (kiểm tra cấu hình): the rules folder, when given, exists; watching
/// needs a folder; the language is one ChiBo speaks; no holiday year is given twice. <c>AddChiBo</c> runs it when the
/// options are first used and, in a host, at start-up; each message is in Vietnamese, then English.
/// </summary>
public sealed class ChiBoOptionsValidator : AbstractValidator<ChiBoOptions>
{
    /// <summary>Creates the validator.</summary>
    public ChiBoOptionsValidator()
    {
        RuleFor(o => o.RulesFolder)
            .Must(folder => folder is null || Directory.Exists(folder))
            .WithErrorCode("options.rulesFolder")
            .WithMessage(o => Both(new LocalizedText(
                $"không có thư mục quy định '{o.RulesFolder}'",
                $"the rules folder '{o.RulesFolder}' does not exist")));
        RuleFor(o => o.WatchRulesFolder)
            .Must((o, watch) => !watch || o.RulesFolder is not null)
            .WithErrorCode("options.watchWithoutFolder")
            .WithMessage(Both(new LocalizedText(
                "WatchRulesFolder cần RulesFolder: không có thư mục nào để theo dõi",
                "WatchRulesFolder needs RulesFolder: there is no folder to watch")));
        RuleFor(o => o.Language)
            .IsInEnum()
            .WithErrorCode("options.language")
            .WithMessage(o => Both(new LocalizedText($"ngôn ngữ không hợp lệ: {o.Language}", $"unknown language: {o.Language}")));
        RuleFor(o => o.HolidayYears)
            .Must(years => years.Select(y => y.Year).Distinct().Count() == years.Count)
            .WithErrorCode("options.holidayYearTwice")
            .WithMessage(o => Both(new LocalizedText(
                $"một năm nghỉ lễ được khai báo hai lần: {string.Join(", ", o.HolidayYears.GroupBy(y => y.Year).Where(g => g.Count() > 1).Select(g => g.Key))}",
                $"a holiday year is given twice: {string.Join(", ", o.HolidayYears.GroupBy(y => y.Year).Where(g => g.Count() > 1).Select(g => g.Key))}")));
    }

    private static string Both(LocalizedText text) => $"{text.Vi} / {text.En}";
}

/// <summary>Runs <see cref="ChiBoOptionsValidator"/> for the options system (<c>ValidateOnStart</c>).</summary>
internal sealed class ChiBoOptionsValidation : IValidateOptions<ChiBoOptions>
{
    private readonly ChiBoOptionsValidator validator = new();

    public ValidateOptionsResult Validate(string? name, ChiBoOptions options)
    {
        var result = validator.Validate(options);
        return result.IsValid
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(result.Errors.Select(e => $"ChiBoOptions.{e.PropertyName}: {e.ErrorMessage} [{e.ErrorCode}]"));
    }
}
