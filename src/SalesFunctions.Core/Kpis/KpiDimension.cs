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

    /// <summary>
    /// A directory account: activities with an external participant at it, and deals and cases whose CRM account id is
    /// its id (KPI catalogue only; the daily rows have no account rows).
    /// </summary>
    Account,
}
