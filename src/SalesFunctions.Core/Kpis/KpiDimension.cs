using System.Text.Json.Serialization;

namespace SalesFunctions.Core.Kpis;

[JsonConverter(typeof(JsonStringEnumConverter<KpiDimension>))]
public enum KpiDimension
{
    Rep,
    Team,
    Tenant,
}
