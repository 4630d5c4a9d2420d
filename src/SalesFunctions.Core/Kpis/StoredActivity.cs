using SalesFunctions.Core.Activities;

namespace SalesFunctions.Core.Kpis;

public sealed record StoredActivity(DateOnly Day, Activity Activity);
