// Small DOM helpers. Every value from the API goes in as text, never as HTML.

type Child = Node | string | number | null | undefined | false;

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string | boolean | ((e: Event) => void)> = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (typeof value === "function") el.addEventListener(name.replace(/^on/, ""), value);
    else if (value === true) el.setAttribute(name, "");
    else if (value !== false) el.setAttribute(name, value);
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : String(child));
  }
  return el;
}

/** A KPI's name, linked to its definition in the catalogue view. */
export function kpiLink(name: string): HTMLAnchorElement {
  return h("a", { href: `#/kpi/${encodeURIComponent(name)}`, class: "kpi", "data-kpi": name }, name);
}

export function format(value: number | null | undefined, unit = ""): string {
  if (value === null || value === undefined) return "–";
  if (unit === "ratio") return `${(value * 100).toFixed(1)} %`;
  return Number.isInteger(value) ? value.toLocaleString("en-US") : value.toLocaleString("en-US", { maximumFractionDigits: 2 });
}

export function section(title: string, ...children: Child[]): HTMLElement {
  const id = `s-${title.toLowerCase().replace(/[^a-z0-9]+/g, "-")}`;
  return h("section", { class: "card", "aria-labelledby": id }, h("h2", { id }, title), ...children);
}

export function notice(text: string, kind: "error" | "info" = "info"): HTMLElement {
  return h("p", { class: `notice ${kind}`, role: kind === "error" ? "alert" : "status" }, text);
}

export interface Column<R> {
  label: string;
  /** Column header as a KPI name linked to its definition. */
  kpi?: string;
  value: (row: R) => string | number | null;
  unit?: string;
  /** A cell of its own (a button, a link); the CSV still takes value. */
  cell?: (row: R) => Node;
}

/** A sortable table (click a header) with a CSV download of the rows as shown, in the order shown. */
export function table<R>(caption: string, columns: Column<R>[], rows: R[], file: string): HTMLElement {
  let shown = [...rows];
  let sortedBy = -1;
  let ascending = true;
  const body = h("tbody");
  const headers = columns.map((column, i) => {
    const button = h("button", { type: "button", class: "sort", onclick: () => sortBy(i) }, column.kpi ? "" : column.label);
    if (column.kpi) button.append(column.label);
    const th = h("th", { scope: "col" }, button);
    if (column.kpi) th.append(" ", h("a", { href: `#/kpi/${encodeURIComponent(column.kpi)}`, class: "def", title: `definition of ${column.kpi}` }, "def"));
    return th;
  });
  const fill = () => {
    body.replaceChildren(
      ...shown.map((row) =>
        h("tr", {}, ...columns.map((c) => {
          const v = c.value(row);
          return h("td", { class: typeof v === "number" ? "num" : "" }, c.cell ? c.cell(row) : typeof v === "number" ? format(v, c.unit) : (v ?? "–"));
        })),
      ),
    );
    headers.forEach((th, i) => th.setAttribute("aria-sort", i === sortedBy ? (ascending ? "ascending" : "descending") : "none"));
  };
  const sortBy = (i: number) => {
    ascending = sortedBy === i ? !ascending : false;
    sortedBy = i;
    const value = columns[i].value;
    shown.sort((a, b) => {
      const x = value(a);
      const y = value(b);
      if (x === y) return 0;
      if (x === null) return 1;
      if (y === null) return -1;
      return (x < y ? -1 : 1) * (ascending ? 1 : -1);
    });
    fill();
  };
  fill();
  const download = h("button", { type: "button", class: "csv", onclick: () => downloadCsv(file, columns, shown) }, `Download CSV`);
  return h("div", { class: "table" },
    h("table", {}, h("caption", {}, caption), h("thead", {}, h("tr", {}, ...headers)), body),
    rows.length === 0 ? notice("No rows for this period.") : null,
    download);
}

function csvField(value: string | number | null): string {
  const text = value === null ? "" : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function downloadCsv<R>(file: string, columns: Column<R>[], rows: R[]): void {
  const lines = [columns.map((c) => csvField(c.kpi ?? c.label)).join(","), ...rows.map((r) => columns.map((c) => csvField(c.value(r))).join(","))];
  const url = URL.createObjectURL(new Blob([lines.join("\r\n") + "\r\n"], { type: "text/csv" }));
  const a = h("a", { href: url, download: file });
  document.body.append(a);
  a.click();
  a.remove();
  // The browser reads the blob after the click returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** KPI tiles: value, the previous period's and the change. */
export function tiles(items: { name: string; unit: string; current: number | null; previous: number | null; changeRatio: number | null }[]): HTMLElement {
  return h("ul", { class: "tiles" }, ...items.map((k) =>
    h("li", { class: "tile", "data-tile": k.name },
      kpiLink(k.name),
      h("strong", { class: "value" }, format(k.current, k.unit)),
      h("span", { class: "prev" }, `before: ${format(k.previous, k.unit)}`,
        k.changeRatio === null ? "" : ` (${k.changeRatio >= 0 ? "+" : ""}${(k.changeRatio * 100).toFixed(0)} %)`))));
}
