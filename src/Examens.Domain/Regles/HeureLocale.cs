namespace Examens.Domain.Regles;

/// <summary>Local date-times of an academy's zone turned into instants, daylight-saving changes included.</summary>
public static class HeureLocale
{
    /// <summary>
    /// A local time that does not exist (the spring gap) is read with the offset in force just before the change,
    /// so 02:30 becomes 03:30 summer time; a local time that happens twice (the autumn change) is its first occurrence.
    /// </summary>
    public static DateTimeOffset VersInstant(DateTime local, TimeZoneInfo fuseau)
    {
        ArgumentNullException.ThrowIfNull(fuseau);
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        TimeSpan decalage;
        if (fuseau.IsInvalidTime(local))
        {
            decalage = fuseau.GetUtcOffset(local.AddHours(-3));
        }
        else if (fuseau.IsAmbiguousTime(local))
        {
            decalage = fuseau.GetAmbiguousTimeOffsets(local).Max();
        }
        else
        {
            decalage = fuseau.GetUtcOffset(local);
        }

        return new DateTimeOffset(local, decalage).ToUniversalTime();
    }
}
