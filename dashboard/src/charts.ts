// Apache ECharts, only the parts the views use, drawn as SVG.
import * as echarts from "echarts/core";
import { BarChart, LineChart } from "echarts/charts";
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent } from "echarts/components";
import { SVGRenderer } from "echarts/renderers";
import { h } from "./dom";

echarts.use([BarChart, LineChart, AriaComponent, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

const palette = ["#1f5fa8", "#c2410c", "#0f766e", "#7c3aed", "#a16207"];
const live: echarts.ECharts[] = [];
const pending: (() => void)[] = [];

/** Disposes the charts of the view being left. */
export function disposeCharts(): void {
  pending.length = 0;
  while (live.length) live.pop()!.dispose();
}

/** Draws the charts of the view just placed in the page: a chart takes its size from its element, so not before. */
export function drawCharts(): void {
  for (const draw of pending.splice(0)) draw();
}

function chart(label: string, option: echarts.EChartsCoreOption): HTMLElement {
  const el = h("div", { class: "chart", role: "img", "aria-label": label });
  pending.push(() => {
    const c = echarts.init(el, null, { renderer: "svg" });
    c.setOption({ color: palette, aria: { enabled: true }, animation: false, tooltip: { trigger: "axis" }, legend: { top: 0 }, grid: { left: 56, right: 56, top: 36, bottom: 40 }, ...option });
    live.push(c);
  });
  return el;
}

export interface Bars {
  name: string;
  values: (number | null)[];
  /** The right-hand axis, for a second unit. */
  right?: boolean;
}

export function barChart(label: string, categories: string[], bars: Bars[]): HTMLElement {
  const twoAxes = bars.some((b) => b.right);
  return chart(label, {
    xAxis: { type: "category", data: categories, axisLabel: { interval: 0, rotate: categories.length > 8 ? 40 : 0 } },
    yAxis: twoAxes ? [{ type: "value" }, { type: "value" }] : { type: "value" },
    series: bars.map((b) => ({ type: "bar", name: b.name, data: b.values, yAxisIndex: b.right ? 1 : 0 })),
  });
}

export function lineChart(label: string, categories: string[], lines: Bars[]): HTMLElement {
  const twoAxes = lines.some((b) => b.right);
  return chart(label, {
    xAxis: { type: "category", data: categories },
    yAxis: twoAxes ? [{ type: "value" }, { type: "value" }] : { type: "value" },
    series: lines.map((l) => ({ type: "line", name: l.name, data: l.values, yAxisIndex: l.right ? 1 : 0, connectNulls: true })),
  });
}
