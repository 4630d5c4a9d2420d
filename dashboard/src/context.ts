import type { KpiDefinition, Me } from "./api";
import type { Period } from "./period";

/** What a view is given: the caller, the route's parameters, the chosen period and the KPI catalogue. */
export interface ViewContext {
  me: Me;
  params: URLSearchParams;
  period: Period;
  catalogue: Map<string, KpiDefinition>;
  /** Changes route parameters (keeps the others) and renders again. */
  go: (changes: Record<string, string>) => void;
}

export interface View {
  title: string;
  roles: Me["role"][];
  /** Whether the period picker applies. */
  periodic: boolean;
  render: (context: ViewContext) => Promise<HTMLElement>;
}

export function unitOf(context: ViewContext, kpi: string): string {
  return context.catalogue.get(kpi)?.unit ?? "";
}
