import { api, query, type Comparison, type Series } from "../api";
import { lineChart } from "../charts";
import type { View } from "../context";
import { h, section, table, tiles } from "../dom";
import { trendOf } from "../period";
import { comparisonColumns } from "./team";

/** What a rep's page leads with: response times, selling time, workload, accounts worked, touches per won deal. */
const headline = ["responseTimeRepMedianMinutes", "sellingMinutes", "workload", "uniqueAccounts", "touchpointsPerWonDeal", "revenueWon"];

export const repView: View = {
  title: "Rep page",
  roles: ["admin", "manager", "rep"],
  periodic: true,
  render: async (context) => {
    const { me, period, params } = context;
    const rep = params.get("rep") ?? me.rep ?? me.reps[0]?.id;
    if (!rep) return h("p", {}, "No rep to show.");
    const trend = trendOf(period);
    // The API decides who may read whom: another rep's page answers 403, shown as such.
    const [series, compare] = await Promise.all([
      api<Series>(`api/kpis${query({ tenant: me.tenant, rep, grain: trend.grain, from: trend.from, to: trend.to })}`),
      api<Comparison>(`api/kpis/compare${query({ tenant: me.tenant, rep, period: period.key })}`),
    ]);
    const name = me.reps.find((r) => r.id === rep)?.name ?? rep;
    const others = me.reps.length > 1
      ? h("select", { id: "rep", "aria-label": "Rep" }, ...me.reps.map((r) => h("option", { value: r.id, ...(r.id === rep ? { selected: true } : {}) }, r.name)))
      : null;
    others?.addEventListener("change", () => context.go({ rep: others.value }));
    const byKpi = new Map(compare.kpis.map((k) => [k.name, k]));
    const points = series.series.map((p) => p.period);
    return h("div", { "data-rep": rep },
      h("p", {}, others ? h("label", { for: "rep" }, "Rep ") : "", others ?? h("strong", {}, name)),
      section(`${name}, ${period.key}`, tiles(headline.map((k) => byKpi.get(k)).filter((k) => k !== undefined))),
      section("Activity over time",
        lineChart(`${name}'s activity by ${trend.grain}`, points, [
          { name: "emailsSent", values: series.series.map((p) => p.emailsSent) },
          { name: "emailsReceived", values: series.series.map((p) => p.emailsReceived) },
          { name: "meetings", values: series.series.map((p) => p.meetings) },
        ])),
      section("Response times and selling time",
        lineChart(`${name}'s response time and selling minutes by ${trend.grain}`, points, [
          { name: "responseTimeRepMedianMinutes", values: series.series.map((p) => p.responseTimeRepMedianMinutes) },
          { name: "sellingMinutes", values: series.series.map((p) => p.sellingMinutes), right: true },
        ])),
      section("Every KPI against the period before",
        table(`${name}: ${compare.period} against ${compare.previous}`, comparisonColumns(), compare.kpis, `rep-${rep}-${compare.period}.csv`)));
  },
};
