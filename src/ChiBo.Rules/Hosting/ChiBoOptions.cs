using System.Collections.Generic;
using ChiBo.Calendar;
using ChiBo.Text;

namespace ChiBo.Rules.Hosting;

/// <summary>What a host chooses when it adds ChiBo to its services (<c>services.AddChiBo(options =&gt; …)</c>).</summary>
public sealed class ChiBoOptions
{
    /// <summary>
    /// A folder of rule files (<c>*.json</c>, e.g. an edited copy of <c>rules/rulesets</c>) to use instead of the
    /// rule sets shipped inside ChiBo.Rules; null (the default) for the shipped ones.
    /// </summary>
    public string? RulesFolder { get; set; }

    /// <summary>
    /// Whether to watch <see cref="RulesFolder"/> and swap in edited rule files once they load completely
    /// (<see cref="RuleCatalogProvider"/>: a broken edit keeps the last good rules and is logged). Ignored without a
    /// folder. Default false.
    /// </summary>
    public bool WatchRulesFolder { get; set; }

    /// <summary>The language of the messages the host shows (Vietnamese by default).</summary>
    public Language Language { get; set; } = Language.Vietnamese;

    /// <summary>
    /// Holiday years that add to or replace the shipped official ones (a government decision published after this
    /// version of ChiBo); read them with <see cref="HolidayYearSerializer"/>.
    /// </summary>
    public IList<HolidayYear> HolidayYears { get; } = [];

    /// <summary>
    /// The ids of shipped optional days off to switch on (see <see cref="HolidayYear.OptionalDaysOff"/>), e.g.
    /// <c>vietnamCultureDay</c> (24/11/2026) once a law makes it a holiday; empty by default: they are working days.
    /// </summary>
    public IList<string> OptionalDaysOff { get; } = [];
}
