import { api, query, type Comparison, type Leaderboard, type Series, type SideBySide } from "../api";
import { barChart, lineChart } from "../charts";
import { unitOf, type View } from "../context";
import { format, h, kpiLink, section, table, tiles, type Column } from "../dom";
import { trendOf } from "../period";

/** Inputs (activity) and outputs (performance) per rep, side by side. */
const inputs = ["emailsSent", "meetings", "touchpoints", "uniqueAccounts", "sellingMinutes"];
const outputs = ["dealsWon", "revenueWon", "winRate", "quotaAttainment", "forecastAccuracy"];
const headline = ["touchpoints", "meetings", "revenueWon", "dealsWon", "quotaAttainment", "winRate"];

type Row = SideBySide["rows"][number] & { name: string };

export const teamView: View = {
  title: "Team overview",
  roles: ["admin", "manager"],
  periodic: true,
  render: async (context) => {
    const { me, period, params } = context;
    const team = params.get("team") ?? me.teams[0]?.id;
    if (!team) return h("p", {}, "You manage no team in the directory.");
    const kpi = params.get("kpi") ?? "touchpoints";
    const trend = trendOf(period);
    const [compare, side, series, board] = await Promise.all([
      api<Comparison>(`api/kpis/compare${query({ tenant: me.tenant, team, period: period.key })}`),
      api<SideBySide>(`api/kpis/activity-vs-performance${query({ tenant: me.tenant, dimension: "rep", period: period.key })}`),
      api<Series>(`api/kpis${query({ tenant: me.tenant, team, grain: trend.grain, from: trend.from, to: trend.to })}`),
      api<Leaderboard>(`api/kpis/leaderboard${query({ tenant: me.tenant, dimension: "rep", period: period.key, kpi, size: 10 })}`),
    ]);
    const names = new Map(me.reps.map((r) => [r.id, r.name]));
    const teamReps = new Set(me.reps.filter((r) => r.team === team).map((r) => r.id));
    const rows: Row[] = side.rows.filter((r) => teamReps.has(r.key)).map((r) => ({ ...r, name: names.get(r.key) ?? r.key }));
    const value = (r: Row, k: string) => r.activity[k] ?? r.performance[k] ?? r.linking[k] ?? r.service[k] ?? null;

    const teamSelect = h("select", { id: "team", "aria-label": "Team" }, ...me.teams.map((t) => h("option", { value: t.id, ...(t.id === team ? { selected: true } : {}) }, t.name)));
    teamSelect.addEventListener("change", () => context.go({ team: teamSelect.value }));
    const kpiSelect = h("select", { id: "board-kpi", "aria-label": "Leaderboard KPI" }, ...[...context.catalogue.keys()].map((k) => h("option", { value: k, ...(k === kpi ? { selected: true } : {}) }, k)));
    kpiSelect.addEventListener("change", () => context.go({ kpi: kpiSelect.value }));

    const columns: Column<Row>[] = [
      { label: "Rep", value: (r) => r.name, cell: (r) => h("a", { href: `#/rep?rep=${encodeURIComponent(r.key)}&grain=${period.grain}&day=${period.start}` }, r.name) },
      ...[...inputs, ...outputs].map((k) => ({ label: k, kpi: k, unit: unitOf(context, k), value: (r: Row) => value(r, k) })),
    ];
    const byKpi = new Map(compare.kpis.map((k) => [k.name, k]));
    return h("div", {},
      h("p", {}, h("label", { for: "team" }, "Team "), teamSelect),
      section("This period against the one before",
        tiles(headline.map((k) => byKpi.get(k)).filter((k) => k !== undefined))),
      section("Inputs next to outputs per rep",
        barChart("Touchpoints and revenue won per rep", rows.map((r) => r.name), [
          { name: "touchpoints", values: rows.map((r) => value(r, "touchpoints")) },
          { name: "revenueWon", values: rows.map((r) => value(r, "revenueWon")), right: true },
        ]),
        table(`Inputs and outputs per rep, ${period.key}`, columns, rows, `team-${team}-${period.key}.csv`)),
      section("Quota attainment and forecast against actual",
        barChart("Quota attainment and forecast accuracy per rep", rows.map((r) => r.name), [
          { name: "quotaAttainment", values: rows.map((r) => value(r, "quotaAttainment")) },
          { name: "forecastAccuracy", values: rows.map((r) => value(r, "forecastAccuracy")) },
        ])),
      section("Trend",
        lineChart(`Team trend by ${trend.grain}`, series.series.map((p) => p.period), [
          { name: "emailsSent", values: series.series.map((p) => p.emailsSent) },
          { name: "meetings", values: series.series.map((p) => p.meetings) },
          { name: "revenueWon", values: series.series.map((p) => p.revenueWon), right: true },
        ])),
      section("Period over period",
        table(`Every KPI of the team, ${compare.period} against ${compare.previous}`, comparisonColumns(), compare.kpis, `team-${team}-${compare.period}-compare.csv`)),
      section("Leaderboard",
        h("p", {}, h("label", { for: "board-kpi" }, "Rank reps by "), kpiSelect, " ", kpiLink(kpi)),
        table(`Top reps by ${kpi}, ${period.key} (${board.ranked} ranked)`, [
          { label: "Rank", value: (s) => s.rank },
          { label: "Rep", value: (s) => names.get(s.key) ?? s.key },
          { label: kpi, kpi, unit: unitOf(context, kpi), value: (s) => s.value },
        ], board.top, `leaderboard-${kpi}-${period.key}.csv`)));
  },
};

/** Each KPI of a comparison: this period, the one before, the change; values shown in the KPI's own unit. */
export function comparisonColumns(): Column<Comparison["kpis"][number]>[] {
  type K = Comparison["kpis"][number];
  const shown = (pick: (k: K) => number | null) => (k: K) => h("span", {}, format(pick(k), k.unit));
  return [
    { label: "KPI", value: (k) => k.name, cell: (k) => kpiLink(k.name) },
    { label: "Category", value: (k) => k.category },
    { label: "This period", value: (k) => k.current, cell: shown((k) => k.current) },
    { label: "Before", value: (k) => k.previous, cell: shown((k) => k.previous) },
    { label: "Change", value: (k) => k.change, cell: shown((k) => k.change) },
    { label: "Change %", value: (k) => (k.changeRatio === null ? null : Math.round(k.changeRatio * 1000) / 10) },
  ];
}
