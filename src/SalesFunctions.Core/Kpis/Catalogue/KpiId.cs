namespace SalesFunctions.Core.Kpis.Catalogue;

/// <summary>
/// The catalogue's KPIs in the order of <see cref="KpiCatalogue.Definitions"/>; a KPI's name is its member name in
/// camelCase. The engine fills values by this index, so a cell never looks a name up while it is computed.
/// </summary>
internal enum KpiId
{
    // Activity
    EmailsSent,
    EmailsReceived,
    Meetings,
    MeetingMinutes,
    Calls,
    Touchpoints,
    UniqueAccounts,
    UniqueContacts,
    NewAccountsEngaged,
    ReplyRate,
    ResponseTimeRepMedianMinutes,
    ResponseTimeRepP90Minutes,
    ResponseTimeCustomerMedianMinutes,
    ResponseTimeCustomerP90Minutes,
    FirstResponseMinutesMedian,
    SellingMinutes,
    Workload,
    EmailShare,
    MeetingShare,

    // Performance
    DealsCreated,
    DealsWon,
    DealsLost,
    WinRate,
    CloseRate,
    RevenueWon,
    AverageDealSize,
    SalesCycleDaysMedian,
    FirstActivityToWonDaysMedian,
    PipelineInflow,
    PipelineOutflow,
    PipelineCoverage,
    QuotaAttainment,
    ForecastAccuracy,
    MarketingSourcedShare,
    RenewalChurnRate,
    Cac,
    CustomerLifetimeValue,
    SalesEfficiency,

    // Service
    CasesOpened,
    CasesResolved,
    ResolutionRate,
    FirstContactResolutionRate,
    AverageHandleMinutes,
    Csat,

    // Linking
    TouchpointsPerWonDeal,
    MeetingsPerWonDeal,
    ActivityToOpportunityConversion,
    TouchesBeforeWon,
    TouchesBeforeLost,

    // Activity, added in version 5: appended, so that the others keep their positions.
    OutsideTerritory,

    // Activity, added in version 6 (calls): appended, so that the others keep their positions.
    CallMinutes,
    CallsConnected,
    CallConnectRate,
}
