namespace ChiBo.Calendar;

/// <summary>Where a <see cref="HolidayYear"/> comes from. JSON names are camelCase.</summary>
public enum HolidaySource
{
    /// <summary>
    /// The government's decisions for that year (the shipped <c>rules/calendar/YYYY.json</c> files, or a year a
    /// host supplied): the exact Tết days, swapped days and working weekends.
    /// </summary>
    Official,

    /// <summary>Computed from the Labour Code alone, with ChiBo's documented defaults for the days the government picks.</summary>
    Computed,
}
