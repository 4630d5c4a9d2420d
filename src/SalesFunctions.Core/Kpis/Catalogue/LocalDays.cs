using SalesFunctions.Core.Tenants;

namespace SalesFunctions.Core.Kpis.Catalogue;

/// <summary>
/// The tenant-local day of instants, as <see cref="TenantDirectory.LocalDay"/> gives it, with the zone's offset
/// remembered per UTC hour: converting a million instants through the zone rules one by one costs more than the rest
/// of reading an activity. An hour whose offset differs at its two ends holds a transition and is converted exactly.
/// </summary>
internal sealed class LocalDays(TenantDirectory directory)
{
    private readonly Dictionary<long, long?> _offsetTicksByHour = [];

    public int DayNumber(DateTimeOffset instant)
    {
        var utc = instant.UtcTicks;
        var hour = utc / TimeSpan.TicksPerHour;
        if (!_offsetTicksByHour.TryGetValue(hour, out var offset))
        {
            var start = new DateTimeOffset(hour * TimeSpan.TicksPerHour, TimeSpan.Zero);
            var (first, last) = (directory.Zone.GetUtcOffset(start), directory.Zone.GetUtcOffset(start.AddTicks(TimeSpan.TicksPerHour - 1)));
            offset = first == last ? first.Ticks : null;
            _offsetTicksByHour.Add(hour, offset);
        }

        return offset is { } ticks ? (int)((utc + ticks) / TimeSpan.TicksPerDay) : directory.LocalDay(instant).DayNumber;
    }
}
