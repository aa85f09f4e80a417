namespace Portal.Core.Programme;

/// <summary>
/// The record that a unit's editors were reminded, near the end of a month, that the unit had published nothing in it
/// (plan II.2.2.c asks for at least one CCHC item a month). One per unit and month, so a reminder is never sent twice.
/// </summary>
public sealed class OutputReminder
{
    private OutputReminder()
    {
    }

    public OutputReminder(Guid unitKey, YearMonth month, int recipients, DateTime sentAt)
    {
        UnitKey = unitKey;
        Month = month.Number;
        Recipients = recipients;
        SentAt = sentAt;
    }

    public long Id { get; private set; }
    public Guid UnitKey { get; private set; }

    /// <summary>The month as <c>yyyyMM</c> (<see cref="YearMonth.Number"/>).</summary>
    public int Month { get; private set; }
    public int Recipients { get; private set; }
    public DateTime SentAt { get; private set; }
}
