import { api, query, type Comparison, type SideBySide } from "../api";
import { barChart } from "../charts";
import { unitOf, type View } from "../context";
import { h, section, table, tiles } from "../dom";

const kpis = ["casesOpened", "casesResolved", "resolutionRate", "firstContactResolutionRate", "averageHandleMinutes", "csat"];

export const serviceView: View = {
  title: "Service",
  roles: ["admin", "manager"],
  periodic: true,
  render: async (context) => {
    const { me, period } = context;
    const [totals, reps] = await Promise.all([
      api<Comparison>(`api/kpis/compare${query({ tenant: me.tenant, period: period.key })}`),
      api<SideBySide>(`api/kpis/activity-vs-performance${query({ tenant: me.tenant, dimension: "rep", period: period.key })}`),
    ]);
    type Row = SideBySide["rows"][number];
    const names = new Map(me.reps.map((r) => [r.id, r.name]));
    const byKpi = new Map(totals.kpis.map((k) => [k.name, k]));
    return h("div", {},
      section("The tenant's service", tiles(kpis.map((k) => byKpi.get(k)).filter((k) => k !== undefined))),
      section("Cases per rep",
        barChart("Cases opened and resolved per rep", reps.rows.map((r) => names.get(r.key) ?? r.key), [
          { name: "casesOpened", values: reps.rows.map((r) => r.service.casesOpened ?? null) },
          { name: "casesResolved", values: reps.rows.map((r) => r.service.casesResolved ?? null) },
        ]),
        table(`Service per rep, ${period.key}`, [
          { label: "Rep", value: (r: Row) => names.get(r.key) ?? r.key },
          ...kpis.map((k) => ({ label: k, kpi: k, unit: unitOf(context, k), value: (r: Row) => r.service[k] ?? null })),
        ], reps.rows, `service-${period.key}.csv`)));
  },
};
