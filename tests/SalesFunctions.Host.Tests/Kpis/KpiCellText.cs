using System.Globalization;
using SalesFunctions.Core.Kpis;

namespace SalesFunctions.Host.Tests.Kpis;

/// <summary>A stored cell as one line of text, so two runs' cells compare with plain equality.</summary>
internal static class KpiCellText
{
    public static string Of(StoredKpiCell stored) =>
        $"{stored.Cell.Dimension} {stored.Cell.Key} {stored.Cell.Period} v{stored.DefinitionVersion}: "
        + string.Join(' ', stored.Cell.Values.Select(v => $"{v.Key}={v.Value?.ToString(CultureInfo.InvariantCulture)}"));
}
