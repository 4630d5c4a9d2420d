using SalesFunctions.Core.Kpis;

namespace SalesFunctions.Core.Tests.Fakes;

/// <summary>A stored day cell as the pipeline tests read it.</summary>
internal sealed record DayRow(KpiDimension Dimension, string Key, DateOnly Day, DayKpis Values);
