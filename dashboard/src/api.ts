// Every call the dashboard makes goes through here: the public HTTP API with a bearer token, nothing else.

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem,
  ) {
    super(problem.detail ?? problem.title ?? `HTTP ${status}`);
  }
}

/** An RFC 9457 problem body as the API writes it; `errors` is per field, or a list of {line, message} for files. */
export interface Problem {
  title?: string;
  detail?: string;
  errors?: Record<string, string[]> | { line: number; message: string }[];
}

let tokenSource: (() => Promise<string>) | null = null;
let apiBase = "";

/** Where the API is: the page's own origin (the Host), or the Functions app's URL when a Static Web App serves the page. */
export function useApiBase(url: string | undefined): void {
  apiBase = (url ?? "").replace(/\/$/, "");
}

export function useTokens(source: () => Promise<string>): void {
  tokenSource = source;
}

export async function api<T>(path: string, init: RequestInit = {}): Promise<T> {
  if (!tokenSource) throw new Error("Not signed in.");
  const headers = new Headers(init.headers);
  headers.set("Authorization", `Bearer ${await tokenSource()}`);
  const response = await fetch(apiBase ? `${apiBase}/${path}` : path, { ...init, headers });
  if (!response.ok) {
    const problem: Problem = await response.json().catch(() => ({ title: response.statusText }));
    throw new ApiError(response.status, problem);
  }
  if (response.status === 204) return undefined as T;
  const type = response.headers.get("Content-Type") ?? "";
  return (type.includes("json") ? await response.json() : await response.text()) as T;
}

/** A query string from the values that are set. */
export function query(values: Record<string, string | number | undefined | null>): string {
  const parts = Object.entries(values)
    .filter(([, v]) => v !== undefined && v !== null && v !== "")
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`);
  return parts.length ? `?${parts.join("&")}` : "";
}

export interface Me {
  tenant: string;
  role: "admin" | "manager" | "rep";
  name: string | null;
  rep: string | null;
  timeZone: string;
  repsSeeLeaderboards: boolean;
  teams: { id: string; name: string }[];
  reps: { id: string; name: string; team: string }[];
}

export interface KpiDefinition {
  name: string;
  category: string;
  unit: string;
  formula: string;
  inputs: string;
  version: number;
}

export type KpiValues = Record<string, number | null>;

export interface Comparison {
  period: string;
  previous: string;
  kpis: { name: string; category: string; unit: string; current: number | null; previous: number | null; change: number | null; changeRatio: number | null }[];
}

export interface SideBySide {
  period: string;
  rows: { key: string; activity: KpiValues; performance: KpiValues; service: KpiValues; linking: KpiValues }[];
}

export interface Series {
  series: ({ period: string; start: string } & KpiValues)[];
}

export interface Leaderboard {
  kpi: string;
  ranked: number;
  top: { rank: number; key: string; value: number }[];
}
