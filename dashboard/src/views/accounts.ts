import { api, ApiError, query, type Leaderboard, type Series } from "../api";
import { lineChart } from "../charts";
import type { View } from "../context";
import { h, notice, section, table } from "../dom";
import { trendOf } from "../period";

interface Qualification {
  account: string;
  threshold: number;
  activitiesRead: number;
  frameworks: {
    framework: string;
    score: number;
    qualifiedOn: string | null;
    criteria: { id: string; name: string; weight: number; status: string; evidence: { kind: string; reference: string; at: string; detail: string }[] }[];
  }[];
}

export const accountsView: View = {
  title: "Accounts and deals",
  roles: ["admin", "manager"],
  periodic: true,
  render: async (context) => {
    const { me, period, params } = context;
    const busiest = await api<Leaderboard>(`api/kpis/leaderboard${query({ tenant: me.tenant, dimension: "account", period: period.key, kpi: "touchpoints", size: 25 })}`);
    const account = params.get("account") ?? busiest.top[0]?.key;
    const list = section("Accounts worked most",
      table(`Accounts by touchpoints, ${period.key}`, [
        { label: "Account", value: (s) => s.key, cell: (s) => h("a", { href: `#/accounts?account=${encodeURIComponent(s.key)}&grain=${period.grain}&day=${period.start}` }, s.key) },
        { label: "touchpoints", kpi: "touchpoints", value: (s) => s.value },
      ], busiest.top, `accounts-${period.key}.csv`));
    if (!account) return h("div", {}, list);
    const trend = trendOf(period);
    const [series, qualification] = await Promise.all([
      api<Series>(`api/kpis${query({ tenant: me.tenant, account, grain: trend.grain, from: trend.from, to: trend.to })}`),
      api<Qualification>(`api/qualification${query({ tenant: me.tenant, account })}`).catch((e: unknown) => (e instanceof ApiError ? e : Promise.reject(e))),
    ]);
    return h("div", {}, list,
      section(`Activity with ${account}`,
        lineChart(`Emails and meetings with ${account} by ${trend.grain}`, series.series.map((p) => p.period), [
          { name: "emailsSent", values: series.series.map((p) => p.emailsSent) },
          { name: "emailsReceived", values: series.series.map((p) => p.emailsReceived) },
          { name: "meetings", values: series.series.map((p) => p.meetings) },
        ])),
      qualification instanceof ApiError
        ? section(`Qualification of ${account}`, notice(qualification.message, "error"))
        : section(`Qualification of ${account}`,
          h("p", {}, `From ${qualification.activitiesRead} activities; qualified at ${qualification.threshold} or more.`),
          ...qualification.frameworks.map((f) => table(`${f.framework}: ${f.score}${f.qualifiedOn ? `, qualified on ${f.qualifiedOn.slice(0, 10)}` : ""}`, [
            { label: "Criterion", value: (c) => c.name },
            { label: "Weight", value: (c) => c.weight },
            { label: "Status", value: (c) => c.status },
            { label: "Evidence", value: (c) => c.evidence.map((e) => `${e.kind} ${e.at.slice(0, 10)}: ${e.detail}`).join("; ") || null },
          ], f.criteria, `qualification-${account}-${f.framework}.csv`))));
  },
};
