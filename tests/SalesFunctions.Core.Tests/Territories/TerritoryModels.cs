using SalesFunctions.Core.Tenants;
using SalesFunctions.Core.Territories;

namespace SalesFunctions.Core.Tests.Territories;

/// <summary>Models and accounts built in code for the territory tests.</summary>
internal static class TerritoryModels
{
    public static readonly DateTimeOffset January = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static Account Account(
        string id = "acc-1",
        string? country = null,
        string? region = null,
        string? postalCode = null,
        string? industry = null,
        int? employees = null,
        decimal? revenue = null) =>
        new(id, id, [$"{id}.example"])
        {
            Country = country,
            Region = region,
            PostalCode = postalCode,
            Industry = industry,
            Employees = employees,
            AnnualRevenue = revenue,
        };

    public static Territory Primary(string id, TerritoryRule rule, string? parentId = null, params string[] members) =>
        new() { Id = id, ParentId = parentId, Rules = [rule], Members = members };

    public static Territory Overlay(string id, TerritoryRule rule, string? parentId = null, params string[] members) =>
        new() { Id = id, Kind = TerritoryKind.Overlay, ParentId = parentId, Rules = [rule], Members = members };

    public static Territory Group(string id, string? parentId = null, TerritoryKind kind = TerritoryKind.Primary, params string[] members) =>
        new() { Id = id, ParentId = parentId, Kind = kind, Members = members };

    public static CompiledTerritoryModel Compile(params Territory[] territories) =>
        CompiledTerritoryModel.Compile(new TerritoryModel { EffectiveFrom = January, Territories = territories });

    /// <summary>global → emea → dach / dach-enterprise, global → amer → us-west; a named-account territory; two overlays.</summary>
    public static CompiledTerritoryModel Sample() => Compile(
        Group("global", members: "rep-vp"),
        Group("emea", "global", members: "rep-emea-lead"),
        Group("amer", "global"),
        Primary("dach", new TerritoryRule { Priority = 200, Countries = ["DE", "AT", "CH"] }, "emea", "rep-dach"),
        Primary("dach-enterprise", new TerritoryRule { Priority = 100, Countries = ["DE", "AT", "CH"], Employees = new Band<int>(1000, null) }, "emea", "rep-dach-ent"),
        Primary("us-west", new TerritoryRule { Priority = 200, Countries = ["US"], Regions = ["CA", "WA", "OR"] }, "amer", "rep-west"),
        Primary("strategic", new TerritoryRule { Priority = 10, Accounts = ["acc-strategic"] }, "global", "rep-strategic"),
        Group("overlays", kind: TerritoryKind.Overlay, members: "rep-overlay-lead"),
        Overlay("analytics-specialists", new TerritoryRule { Priority = 500, Industries = ["Analytics"] }, "overlays", "rep-analytics"),
        Overlay("big-revenue", new TerritoryRule { Priority = 400, AnnualRevenue = new Band<decimal>(100_000_000m, null) }, "overlays", "rep-big"));
}
