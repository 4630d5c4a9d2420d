using System.Text.Json.Serialization;

namespace SalesFunctions.Core.Kpis;

[JsonConverter(typeof(JsonStringEnumConverter<KpiDimension>))]
public enum KpiDimension
{
    Rep,
    Team,
    Tenant,

    /// <summary>Activities on accounts of a territory (or of a descendant), as stamped when they happened.</summary>
    Territory,
}
