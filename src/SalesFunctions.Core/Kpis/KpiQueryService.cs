using System.Globalization;

namespace SalesFunctions.Core.Kpis;

/// <summary>Reads KPI series for the API; days without a stored row are zeros, so a chart has no gaps.</summary>
public sealed class KpiQueryService(IKpiStore kpis)
{
    public const int MaxDays = 366;

    public async Task<KpiSeries> GetDailyAsync(string tenantId, KpiDimension dimension, string key, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        if (to < from || to.DayNumber - from.DayNumber >= MaxDays)
        {
            throw new ArgumentOutOfRangeException(nameof(to), $"The range must run forwards and span at most {MaxDays} days.");
        }

        var stored = (await kpis.GetSeriesAsync(tenantId, dimension, key, from, to, cancellationToken)).ToDictionary(r => r.Day);
        var points = new List<KpiPoint>(to.DayNumber - from.DayNumber + 1);
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            var values = stored.TryGetValue(day, out var row) ? row.Values : DailyKpis.Zero;
            points.Add(new KpiPoint(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), values.EmailsSent,
                values.EmailsReceived, values.Meetings, values.MeetingMinutes, values.UniqueAccounts)
            {
                DealsCreated = values.DealsCreated,
                DealsWon = values.DealsWon,
                DealsLost = values.DealsLost,
                RevenueWon = values.RevenueWon,
                CasesOpened = values.CasesOpened,
                CasesResolved = values.CasesResolved,
                OutsideTerritory = values.OutsideTerritory,
            });
        }

        return new KpiSeries(tenantId, dimension, key, "day", points);
    }
}
