using System.Collections.Generic;
using System.Text.Json.Serialization;
using ChiBo.Calendar;
using ChiBo.Cases;
using ChiBo.Evaluation;
using ChiBo.Planning;
using ChiBo.Cli.Commands;
using NodaTime;

namespace ChiBo.Cli;

/// <summary>
/// The build-time JSON metadata of every type the tool reads or writes with <see cref="Serialization.ChiBoJson"/>'s
/// options: the case file (read when the fast reader gives up, to report the error), the cell file (its errors), the
/// answers' rare parts and the values a finding's facts hold, the reports of <c>plan|due|audit --json</c>, the calendar,
/// and each command's <c>--json</c> answer. A Native AOT build of the tool (docs/packaging.md) cannot make metadata by
/// reflection and uses this instead; every other build never does (<see cref="RegisterWhenNeeded"/>), and
/// <c>CliJsonMetadataTests</c> pins that both write the same bytes and report the same errors.
/// </summary>
[JsonSerializable(typeof(CaseFile))]
[JsonSerializable(typeof(CellFile))]
[JsonSerializable(typeof(CaseEvaluation))]
[JsonSerializable(typeof(AdmissionPlan))]
[JsonSerializable(typeof(DueWork))]
[JsonSerializable(typeof(SupervisionAudit))]
[JsonSerializable(typeof(HolidayYear))]
[JsonSerializable(typeof(IEnumerable<RulesJson.EraJson>))]
[JsonSerializable(typeof(RulesTestCommand.TestsJson))]
[JsonSerializable(typeof(RulesDiffCommand.DiffJson))]
[JsonSerializable(typeof(RulesValidateCommand.ValidationJson))]
[JsonSerializable(typeof(LunarCommand.Answer))]
[JsonSerializable(typeof(WorkdaysAddCommand.Answer), TypeInfoPropertyName = "WorkdaysAddAnswer")]
[JsonSerializable(typeof(WorkdaysCountCommand.Answer), TypeInfoPropertyName = "WorkdaysCountAnswer")]
// The values a finding's facts may hold, written as "object" (their runtime type decides).
[JsonSerializable(typeof(object))]
[JsonSerializable(typeof(int))]
[JsonSerializable(typeof(long))]
[JsonSerializable(typeof(decimal))]
[JsonSerializable(typeof(double))]
[JsonSerializable(typeof(bool))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(LocalDate))]
[JsonSerializable(typeof(YearMonth))]
internal sealed partial class CliJsonContext : JsonSerializerContext
{
    /// <summary>
    /// Registers this metadata with <see cref="Serialization.ChiBoJson"/> when the runtime cannot make metadata by
    /// reflection (Native AOT); call it before the first use of JSON.
    /// </summary>
    public static void RegisterWhenNeeded()
    {
        if (!System.Runtime.CompilerServices.RuntimeFeature.IsDynamicCodeSupported)
        {
            Serialization.ChiBoJson.GeneratedMetadata.Use(Default);
        }
    }
}
