using NodaTime;

namespace ChiBo.Planning;

/// <content>Working-day arithmetic for the status of periodic duties.</content>
public sealed partial class CellPlanner
{
    /// <summary>How many working days ahead an item counts as due soon (the due day included).</summary>
    public const int DueSoonWorkingDays = 5;

    // Placeholder until the holiday calendar lands: Monday to Friday only.
    private static LocalDate DueSoonLimit(LocalDate asOf)
    {
        var date = asOf;
        for (var n = 0; n < DueSoonWorkingDays;)
        {
            date = date.PlusDays(1);
            if (date.DayOfWeek is not (IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday))
            {
                n++;
            }
        }

        return date;
    }
}
