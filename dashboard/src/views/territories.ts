import { api, ApiError, query, type SideBySide } from "../api";
import { barChart } from "../charts";
import { unitOf, type View } from "../context";
import { h, notice, section, table } from "../dom";

const columns = ["touchpoints", "meetings", "emailsSent", "uniqueAccounts", "newAccountsEngaged", "pipelineCoverage"];

interface Explanation {
  account: string;
  modelEffectiveFrom: string;
  primary: string | null;
  overlays: string[];
  tieBreak: string | null;
  rules: { territory: string; matched?: boolean; reason?: string }[];
}

export const territoriesView: View = {
  title: "Territories",
  roles: ["admin", "manager"],
  periodic: true,
  render: async (context) => {
    const { me, period } = context;
    const [territories, reps] = await Promise.all([
      api<SideBySide>(`api/kpis/activity-vs-performance${query({ tenant: me.tenant, dimension: "territory", period: period.key })}`),
      api<SideBySide>(`api/kpis/activity-vs-performance${query({ tenant: me.tenant, dimension: "rep", period: period.key })}`),
    ]);
    type Row = SideBySide["rows"][number];
    const value = (r: Row, k: string) => r.activity[k] ?? r.performance[k] ?? r.linking[k] ?? null;
    const names = new Map(me.reps.map((r) => [r.id, r.name]));
    const outside = reps.rows.filter((r) => (value(r, "outsideTerritory") ?? 0) > 0);
    return h("div", {},
      section("Activity and coverage per territory",
        barChart("Touchpoints per territory", territories.rows.map((r) => r.key), [{ name: "touchpoints", values: territories.rows.map((r) => value(r, "touchpoints")) }]),
        table(`Territories, ${period.key}`, [
          { label: "Territory", value: (r) => r.key },
          ...columns.map((k) => ({ label: k, kpi: k, unit: unitOf(context, k), value: (r: Row) => value(r, k) })),
        ], territories.rows, `territories-${period.key}.csv`)),
      section("Work outside territory",
        table(`Reps' activities outside their territories, ${period.key}`, [
          { label: "Rep", value: (r) => names.get(r.key) ?? r.key },
          { label: "outsideTerritory", kpi: "outsideTerritory", value: (r) => value(r, "outsideTerritory") },
          { label: "touchpoints", kpi: "touchpoints", value: (r) => value(r, "touchpoints") },
        ], outside, `outside-territory-${period.key}.csv`)),
      me.role === "admin" ? explainSection(me.tenant) : section("Why is an account in a territory?", notice("Explaining assignments is for admins.")));
  },
};

function explainSection(tenant: string): HTMLElement {
  const input = h("input", { id: "explain-account", type: "text", placeholder: "account id" });
  const answer = h("div", { "aria-live": "polite" });
  const explain = async (e: Event) => {
    e.preventDefault();
    try {
      const found = await api<Explanation>(`api/admin/tenants/${encodeURIComponent(tenant)}/territories/explain${query({ account: input.value.trim() })}`);
      answer.replaceChildren(
        h("p", {}, `${found.account}: primary ${found.primary ?? "none"}${found.overlays.length ? `, overlays ${found.overlays.join(", ")}` : ""} (model of ${found.modelEffectiveFrom}). ${found.tieBreak ?? ""}`),
        h("pre", {}, JSON.stringify(found.rules, null, 2)));
    } catch (err) {
      answer.replaceChildren(notice(err instanceof ApiError ? err.message : String(err), "error"));
    }
  };
  return section("Why is an account in a territory?",
    h("form", { onsubmit: explain }, h("label", { for: "explain-account" }, "Account "), input, " ", h("button", { type: "submit" }, "Explain")), answer);
}
