import { api, ApiError, query, type Leaderboard, type Problem } from "../api";
import { barChart } from "../charts";
import type { View } from "../context";
import { format, h, notice, section, table } from "../dom";
import { localToday, periodOf, shiftDay } from "../period";

interface Status {
  queues: Record<string, number>;
  dirtyDays: number;
  lastRollup: { finishedAt?: string; startedAt?: string } | null;
  rollupFailures: unknown[];
  connectorWarnings: unknown[];
}

interface SyncState {
  mailbox: string;
  folder: string;
  status: string;
  lastSuccessAt: string | null;
  lastError: string | null;
  lastErrorAt: string | null;
  itemsSeen: number;
}

interface PoisonReport {
  queue: string;
  count: number;
  oldestAt: string | null;
}

interface Trace {
  at: string;
  stage: string;
  key: string;
  itemId: string | null;
  outcome: string | null;
  folder: string | null;
}

interface Unmatched {
  domain: string;
  activities: number;
  addresses: number;
  lastSeen: string;
}

/** The files an admin uploads, each to its own route; a refused file's errors come back with their lines. */
const uploads: { label: string; path: string; type: string }[] = [
  { label: "Directory (JSON)", path: "directory", type: "application/json" },
  { label: "Accounts (CSV)", path: "directory/accounts", type: "text/csv" },
  { label: "Contacts (CSV)", path: "directory/contacts", type: "text/csv" },
  { label: "Territory model (JSON)", path: "territories", type: "application/json" },
  { label: "Qualification frameworks (JSON)", path: "qualification", type: "application/json" },
  { label: "Quotas, forecasts and spend (CSV)", path: "kpis/targets", type: "text/csv" },
];

const when = (text: string | null | undefined) => (text ? text.replace("T", " ").slice(0, 19) : null);

export const operationsView: View = {
  title: "Operations",
  roles: ["admin"],
  periodic: false,
  render: async (context) => {
    const tenant = context.me.tenant;
    const admin = `api/admin/tenants/${encodeURIComponent(tenant)}`;
    const to = localToday(context.me.timeZone);
    const from = shiftDay(to, -40);
    const [status, sync, poison, traces, unmatched, accounts] = await Promise.all([
      api<Status>("api/admin/status"),
      api<SyncState[]>(`${admin}/sync`),
      // Only the operator tenant's admins read the shared poison queues.
      api<{ queues: PoisonReport[] }>("api/admin/poison").catch((e: unknown) => (e instanceof ApiError && e.status === 403 ? null : Promise.reject(e))),
      api<{ count: number; truncated: boolean; byOutcome: Record<string, number>; traces: Trace[] }>(`${admin}/traces${query({ limit: 200 })}`),
      api<{ domains: Unmatched[] }>(`${admin}/unmatched${query({ from, to })}`),
      // The accounts worked this quarter: the likely owners of an unmatched domain.
      api<Leaderboard>(`api/kpis/leaderboard${query({ tenant, dimension: "account", period: periodOf("quarter", from).key, kpi: "touchpoints", size: 100 })}`),
    ]);
    const queues = Object.entries(status.queues).map(([queue, depth]) => ({ queue, depth }));
    const failing = sync.filter((s) => s.lastError);
    return h("div", {},
      section("Pipeline",
        h("p", {}, `Dirty days waiting for the rollup: ${status.dirtyDays}. Last rollup: ${when(status.lastRollup?.finishedAt ?? status.lastRollup?.startedAt) ?? "none yet"}. `,
          `Rollup failures: ${status.rollupFailures.length}. CRM connector warnings: ${status.connectorWarnings.length}.`),
        barChart("Queue depths", queues.map((q) => q.queue), [{ name: "messages", values: queues.map((q) => q.depth) }]),
        table("Queue depths (approximate)", [
          { label: "Queue", value: (q) => q.queue },
          { label: "Messages", value: (q) => q.depth },
        ], queues, "queues.csv")),
      section("Mailboxes",
        h("p", {}, `${new Set(sync.map((s) => s.mailbox)).size} mailboxes, ${sync.length} folders, ${failing.length} with a last failure.`),
        table("Sync state per mailbox folder", [
          { label: "Mailbox", value: (s) => s.mailbox },
          { label: "Folder", value: (s) => s.folder },
          { label: "Status", value: (s) => s.status },
          { label: "Items seen", value: (s) => s.itemsSeen },
          { label: "Last success", value: (s) => when(s.lastSuccessAt) },
          { label: "Last failure", value: (s) => (s.lastError ? `${s.lastError} at ${when(s.lastErrorAt)}` : null) },
        ], sync, "mailboxes.csv")),
      poisonSection(poison?.queues ?? null),
      tracesSection(admin, traces),
      unmatchedSection(admin, unmatched.domains, accounts.top.map((a) => a.key), from, to),
      uploadSection(admin),
      await privacySection(admin));
  },
};

/** The busiest domains no account claims, each with a one-click mapping to an account; history is rematched after. */
function unmatchedSection(admin: string, domains: Unmatched[], accounts: string[], from: string, to: string): HTMLElement {
  const mapCell = (d: Unmatched) => {
    const input = h("input", { type: "text", list: "known-accounts", "aria-label": `Account for ${d.domain}`, placeholder: "account id", size: "14" });
    const done = h("span", { role: "status" });
    const button = h("button", {
      type: "button", "data-map": d.domain, onclick: async () => {
        if (!input.value.trim()) return;
        try {
          await api<unknown>(`${admin}/directory/accounts/${encodeURIComponent(input.value.trim())}/domains/${encodeURIComponent(d.domain)}`, { method: "PUT" });
          done.textContent = ` mapped to ${input.value.trim()}; history is being rematched`;
          button.disabled = true;
        } catch (err) {
          done.textContent = ` ${(err as Error).message}`;
        }
      },
    }, "Map");
    return h("span", {}, input, " ", button, done);
  };
  return section("Unmatched domains",
    h("p", {}, `The busiest external domains no account claims, ${from} to ${to}. Map one to an account: its stored activities are matched again.`),
    h("datalist", { id: "known-accounts" }, ...accounts.map((a) => h("option", { value: a }))),
    table("Unmatched domains", [
      { label: "Domain", value: (d) => d.domain },
      { label: "Activities", value: (d) => d.activities },
      { label: "Addresses", value: (d) => d.addresses },
      { label: "Last seen", value: (d) => when(d.lastSeen) },
      { label: "Map to account", value: () => null, cell: mapCell },
    ], domains, "unmatched-domains.csv"));
}

function poisonSection(reports: PoisonReport[] | null): HTMLElement {
  if (!reports) return section("Poison messages", notice("The poison queues hold every tenant's messages: only admins of the operator tenant see and replay them."));
  const result = h("p", { role: "status", id: "replay-result" });
  return section("Poison messages",
    table("Poison queues", [
      { label: "Queue", value: (r) => r.queue },
      { label: "Messages", value: (r) => r.count },
      { label: "Oldest", value: (r) => when(r.oldestAt) },
      {
        label: "Replay", value: () => null, cell: (r) => h("button", {
          type: "button", "data-replay": r.queue, ...(r.count === 0 ? { disabled: true } : {}), onclick: async () => {
            const replayed = await api<{ replayed: number }>(`api/admin/poison/${encodeURIComponent(r.queue)}/replay`, { method: "POST" });
            result.textContent = `Moved ${replayed.replayed} message(s) from ${r.queue}-poison back to ${r.queue}.`;
          },
        }, `Replay ${r.queue}`),
      },
    ], reports, "poison.csv"),
    result);
}

function tracesSection(admin: string, traces: { count: number; truncated: boolean; byOutcome: Record<string, number>; traces: Trace[] }): HTMLElement {
  const outcomes = Object.entries(traces.byOutcome);
  const input = h("input", { id: "trace-message", type: "search", placeholder: "<message-id@example.com>", size: "40" });
  const answer = h("div", { id: "trace-answer", "aria-live": "polite" });
  const ask = async (e: Event) => {
    e.preventDefault();
    if (!input.value.trim()) return;
    try {
      const found = await api<unknown>(`${admin}/traces${query({ messageId: input.value.trim() })}`);
      answer.replaceChildren(h("pre", {}, JSON.stringify(found, null, 2)));
    } catch (err) {
      answer.replaceChildren(notice((err as Error).message, "error"));
    }
  };
  return section("Capture traces",
    h("form", { onsubmit: ask }, h("label", { for: "trace-message" }, "Why wasn't this email counted? Message-ID "), input, " ", h("button", { type: "submit" }, "Explain")),
    answer,
    barChart("Capture outcomes of the last 7 days", outcomes.map(([o]) => o), [{ name: "items", values: outcomes.map(([, n]) => n) }]),
    table(`The last ${traces.count} trace steps${traces.truncated ? " (more not shown)" : ""}`, [
      { label: "At", value: (t) => when(t.at) },
      { label: "Stage", value: (t) => t.stage },
      { label: "Outcome", value: (t) => t.outcome },
      { label: "Folder", value: (t) => t.folder },
      { label: "Activity", value: (t) => t.key },
    ], traces.traces, "traces.csv"));
}

function uploadSection(admin: string): HTMLElement {
  const kind = h("select", { id: "upload-kind" }, ...uploads.map((u, i) => h("option", { value: String(i) }, u.label)));
  const file = h("input", { id: "upload-file", type: "file", accept: ".json,.csv,text/csv,application/json" });
  const result = h("div", { id: "upload-result", "aria-live": "polite" });
  const send = async (e: Event) => {
    e.preventDefault();
    const chosen = uploads[Number(kind.value)];
    const body = file.files?.[0];
    if (!body) return;
    try {
      await api<unknown>(`${admin}/${chosen.path}`, { method: "PUT", body: await body.text(), headers: { "Content-Type": chosen.type } });
      result.replaceChildren(notice(`${chosen.label}: accepted.`));
    } catch (err) {
      result.replaceChildren(...problemLines(chosen.label, err));
    }
  };
  return section("Uploads",
    h("form", { onsubmit: send },
      h("label", { for: "upload-kind" }, "File "), kind, " ", h("label", { for: "upload-file" }, "from "), file, " ", h("button", { type: "submit" }, "Upload")),
    result);
}

/** A refused upload: every error with its line, as the API reports them; what is in force stays. */
function problemLines(label: string, err: unknown): Node[] {
  if (!(err instanceof ApiError)) return [notice((err as Error).message, "error")];
  const problem: Problem = err.problem;
  const items = Array.isArray(problem.errors)
    ? problem.errors.map((e) => h("li", { "data-line": String(e.line) }, `line ${e.line}: ${e.message}`))
    : Object.entries(problem.errors ?? {}).flatMap(([field, messages]) => messages.map((m) => h("li", {}, `${field}: ${m}`)));
  return [notice(`${label} refused: ${problem.title ?? err.status}`, "error"), h("ul", { class: "errors", "aria-label": "Errors" }, ...items)];
}

async function privacySection(admin: string): Promise<HTMLElement> {
  const policy = await api<Record<string, unknown>>(`${admin}/privacy`);
  const text = h("textarea", { id: "privacy-policy", rows: "8", cols: "60", spellcheck: "false" });
  text.value = JSON.stringify(policy, null, 2);
  const result = h("div", { id: "privacy-result", "aria-live": "polite" });
  const dryRun = async (e: Event) => {
    e.preventDefault();
    try {
      const report = await api<{ activitiesScanned: number; excluded: Record<string, number>; rewritten: number; daysAffected: string[] }>(
        `${admin}/privacy/dry-run`, { method: "POST", body: text.value, headers: { "Content-Type": "application/json" } });
      const excluded = Object.entries(report.excluded);
      result.replaceChildren(h("p", {}, `Of ${format(report.activitiesScanned)} stored activities, this policy would exclude ${format(excluded.reduce((n, [, c]) => n + c, 0))} `,
        `(${excluded.map(([k, n]) => `${k}: ${n}`).join(", ") || "none"}) and rewrite ${format(report.rewritten)}, on ${report.daysAffected.length} days. Nothing was changed.`));
    } catch (err) {
      result.replaceChildren(...problemLines("Policy", err));
    }
  };
  return section("Privacy policy",
    h("form", { onsubmit: dryRun },
      h("label", { for: "privacy-policy" }, "The policy in force; edit it and see what it would change"), h("br"), text, h("br"),
      h("button", { type: "submit" }, "Dry run")),
    result);
}
