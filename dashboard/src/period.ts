// Periods as the API names them: a day 2026-10-05, an ISO week 2026-W41, a month 2026-10, a quarter 2026-Q4, all
// tenant-local days.

export type Grain = "day" | "week" | "month" | "quarter";
export const Grains: Grain[] = ["day", "week", "month", "quarter"];

const iso = (d: Date) => d.toISOString().slice(0, 10);
const utc = (text: string) => new Date(`${text}T00:00:00Z`);
const addDays = (d: Date, n: number) => new Date(d.getTime() + n * 86_400_000);

/** Today in the tenant's time zone, as yyyy-MM-dd. */
export function localToday(timeZone: string): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date());
}

export function shiftDay(day: string, days: number): string {
  return iso(addDays(utc(day), days));
}

export interface Period {
  grain: Grain;
  key: string;
  start: string;
  end: string;
}

/** The period of a grain that holds a day. */
export function periodOf(grain: Grain, day: string): Period {
  const d = utc(day);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth();
  switch (grain) {
    case "day":
      return { grain, key: day, start: day, end: day };
    case "week": {
      const monday = addDays(d, -((d.getUTCDay() + 6) % 7));
      const thursday = addDays(monday, 3);
      const weekYear = thursday.getUTCFullYear();
      const week = Math.floor((thursday.getTime() - Date.UTC(weekYear, 0, 1)) / (7 * 86_400_000)) + 1;
      return { grain, key: `${weekYear}-W${String(week).padStart(2, "0")}`, start: iso(monday), end: iso(addDays(monday, 6)) };
    }
    case "month":
      return { grain, key: `${y}-${String(m + 1).padStart(2, "0")}`, start: iso(new Date(Date.UTC(y, m, 1))), end: iso(new Date(Date.UTC(y, m + 1, 0))) };
    case "quarter": {
      const q = Math.floor(m / 3);
      return { grain, key: `${y}-Q${q + 1}`, start: iso(new Date(Date.UTC(y, q * 3, 1))), end: iso(new Date(Date.UTC(y, q * 3 + 3, 0))) };
    }
  }
}

/** The series shown as a trend for a period: its days, or for a quarter its weeks; a day shows the two weeks up to it. */
export function trendOf(period: Period): { grain: Grain; from: string; to: string } {
  switch (period.grain) {
    case "day":
      return { grain: "day", from: shiftDay(period.start, -13), to: period.end };
    case "quarter":
      return { grain: "week", from: period.start, to: period.end };
    default:
      return { grain: "day", from: period.start, to: period.end };
  }
}
