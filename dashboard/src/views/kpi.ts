import type { View } from "../context";
import { h, notice } from "../dom";

/** One KPI's definition from the catalogue route (GET api/kpis/catalogue), where every KPI name links to. */
export const kpiView: View = {
  title: "KPI definition",
  roles: ["admin", "manager", "rep"],
  periodic: false,
  render: async ({ params, catalogue }) => {
    const name = params.get("arg") ?? "";
    const kpi = catalogue.get(name);
    if (!kpi) return notice(`No KPI named ${name} in the catalogue.`, "error");
    return h("article", { class: "card", "data-definition": kpi.name },
      h("h2", {}, kpi.name),
      h("dl", {},
        h("dt", {}, "Category"), h("dd", {}, kpi.category),
        h("dt", {}, "Unit"), h("dd", {}, kpi.unit),
        h("dt", {}, "Formula"), h("dd", { class: "formula" }, kpi.formula),
        h("dt", {}, "Reads"), h("dd", {}, kpi.inputs),
        h("dt", {}, "Definition version"), h("dd", {}, String(kpi.version))),
      h("p", {}, h("button", { type: "button", onclick: () => history.back() }, "Back")));
  },
};
