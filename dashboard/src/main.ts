import "./style.css";
import { api, ApiError, useApiBase, useTokens, type KpiDefinition, type Me } from "./api";
import { developmentTokens, msalTokens, personas, savedPersona, savePersona, type Config, type Persona } from "./auth";
import { disposeCharts, drawCharts } from "./charts";
import type { View, ViewContext } from "./context";
import { h, notice } from "./dom";
import { Grains, localToday, periodOf, shiftDay, type Grain } from "./period";
import { accountsView } from "./views/accounts";
import { kpiView } from "./views/kpi";
import { operationsView } from "./views/operations";
import { repView } from "./views/rep";
import { serviceView } from "./views/service";
import { teamView } from "./views/team";
import { territoriesView } from "./views/territories";

const views: Record<string, View> = {
  team: teamView,
  rep: repView,
  territories: territoriesView,
  accounts: accountsView,
  service: serviceView,
  operations: operationsView,
  kpi: kpiView,
};

const main = document.getElementById("main")!;
let me: Me;
let catalogue = new Map<string, KpiDefinition>();
let routed = 0;

async function boot(): Promise<void> {
  const config = (await (await fetch("dashboard-config.json")).json()) as Config;
  if (config.signIn === "development") {
    await developmentSignIn(config);
  } else {
    if (!config.clientId) throw new Error("sign-in is not configured: set Dashboard:ClientId, Dashboard:Authority and Dashboard:Scope (dashboard/README.md).");
    useApiBase(config.apiBaseUrl);
    useTokens(await msalTokens(config));
    document.getElementById("who")!.append(h("span", {}, "Signed in with Entra ID"));
  }
  me = await api<Me>("api/me");
  const read = await api<{ kpis: KpiDefinition[] }>("api/kpis/catalogue");
  catalogue = new Map(read.kpis.map((k) => [k.name, k]));
  renderNav();
  window.addEventListener("hashchange", () => void route());
  await route();
}

/** The demo's user switcher: opens as the first team's manager; admin, each manager and each rep to choose from. */
async function developmentSignIn(config: Extract<Config, { signIn: "development" }>): Promise<void> {
  useTokens(developmentTokens(config, { role: "admin" }));
  const admin = await api<Me>("api/me");
  const choices = personas(admin);
  const persona: Persona = savedPersona() ?? (admin.teams.length ? { role: "manager", team: admin.teams[0].id } : { role: "admin" });
  useTokens(developmentTokens(config, persona));
  const select = h("select", { id: "persona", "aria-label": "Signed in as (development issuer)" });
  choices.forEach((choice, i) => {
    const option = h("option", { value: String(i) }, choice.label);
    if (JSON.stringify(choice.persona) === JSON.stringify(persona)) option.selected = true;
    select.append(option);
  });
  select.addEventListener("change", () => {
    savePersona(choices[Number(select.value)].persona);
    location.hash = "";
    location.reload();
  });
  document.getElementById("who")!.append(h("label", { for: "persona" }, "Signed in as "), select);
}

function allowed(view: View): boolean {
  return view.roles.includes(me.role);
}

function renderNav(): void {
  const nav = document.getElementById("nav")!;
  nav.replaceChildren(
    ...Object.entries(views)
      .filter(([name, view]) => name !== "kpi" && allowed(view))
      .map(([name, view]) => h("a", { href: `#/${name}`, "data-view": name }, view.title)),
  );
}

function parseHash(): { name: string; arg: string; params: URLSearchParams } {
  const [path, search] = location.hash.replace(/^#\/?/, "").split("?");
  const [name, arg] = path.split("/");
  return { name: name || (me.role === "rep" ? "rep" : "team"), arg: decodeURIComponent(arg ?? ""), params: new URLSearchParams(search ?? "") };
}

async function route(): Promise<void> {
  const { name, arg, params } = parseHash();
  const view = views[name];
  performance.clearMarks();
  performance.clearMeasures();
  performance.mark("view-start");
  disposeCharts();
  delete document.body.dataset.ready;
  document.querySelectorAll("#nav a").forEach((a) => a.toggleAttribute("aria-current", a.getAttribute("data-view") === name));
  if (arg) params.set("arg", arg);
  const grain = (Grains as string[]).includes(params.get("grain") ?? "") ? (params.get("grain") as Grain) : "month";
  // The demo's 30 days end 6 days ago: by default, the month that holds most of them.
  const day = params.get("day") ?? shiftDay(localToday(me.timeZone), -20);
  const period = periodOf(grain, day);
  const go = (changes: Record<string, string>) => {
    for (const [k, v] of Object.entries(changes)) params.set(k, v);
    params.delete("arg");
    location.hash = `#/${name}${arg ? `/${encodeURIComponent(arg)}` : ""}?${params}`;
  };
  const context: ViewContext = { me, params, period, catalogue, go };
  const heading = h("h1", {}, view?.title ?? "Not found");
  main.replaceChildren(heading, view?.periodic ? picker(context) : "", h("p", { class: "loading" }, "Loading…"));
  let content: HTMLElement;
  if (!view) content = notice("No such view.", "error");
  else if (!allowed(view)) content = notice(`The ${view.title} view is not for the ${me.role} role.`, "error");
  else {
    try {
      content = await view.render(context);
    } catch (e) {
      content = notice(e instanceof ApiError && e.status === 403 ? `You may not open this page: ${e.message}` : `Could not load: ${(e as Error).message}`, "error");
    }
  }
  main.replaceChildren(heading, view?.periodic ? picker(context) : "", content);
  drawCharts();
  // Usable once the charts are drawn and painted. The first view counts from the page's navigation (sign-in
  // included), later ones from the click.
  const first = routed++ === 0;
  requestAnimationFrame(() => {
    if (first) performance.measure("usable");
    else performance.measure("usable", "view-start");
    document.body.dataset.ready = name;
  });
}

function picker(context: ViewContext): HTMLElement {
  const grain = h("select", { id: "grain", "aria-label": "Period length" }, ...Grains.map((g) => h("option", { value: g, ...(g === context.period.grain ? { selected: true } : {}) }, g)));
  const day = h("input", { id: "day", type: "date", value: context.params.get("day") ?? context.period.start, "aria-label": "A day in the period" });
  grain.addEventListener("change", () => context.go({ grain: grain.value, day: day.value }));
  day.addEventListener("change", () => day.value && context.go({ grain: grain.value, day: day.value }));
  return h("form", { class: "picker", onsubmit: (e: Event) => e.preventDefault() },
    h("label", { for: "grain" }, "Period "), grain, " ", h("label", { for: "day" }, "containing "), day,
    h("output", { id: "period-key", "aria-live": "polite" }, ` ${context.period.key} (${context.period.start} to ${context.period.end}, ${me.timeZone})`));
}

boot().catch((e: unknown) => main.replaceChildren(notice(`Could not start: ${(e as Error).message}`, "error")));
