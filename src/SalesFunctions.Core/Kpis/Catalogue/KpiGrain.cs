using System.Text.Json.Serialization;

namespace SalesFunctions.Core.Kpis.Catalogue;

/// <summary>The length of a KPI period; weeks are ISO 8601 weeks (Monday to Sunday).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<KpiGrain>))]
public enum KpiGrain
{
    Day,
    Week,
    Month,
    Quarter,
}
