import type { Schemas } from './client';

// Vietnamese words for the API's codes, from the server's own name tables (GET /api/v1/labels,
// loaded with the session before any page is shown), and dates as dd/mm/yyyy.
export type LabelLists = Schemas['Labels'];
export type LabelList = keyof LabelLists;

let lists: Partial<LabelLists> = {};
let maps = new Map<LabelList, Map<string, string>>();

// The server writes labels as they read inside a sentence («đảng bộ cơ sở»); shown alone they
// start with a capital («Đảng bộ cơ sở»).
export function upperFirst(s: string): string {
  return s ? s.charAt(0).toLocaleUpperCase('vi') + s.slice(1) : s;
}

export function installLabels(l: LabelLists) {
  lists = l;
  maps = new Map(
    (Object.keys(l) as LabelList[]).map((k) => [k, new Map(l[k].map((e) => [e.value, e.label] as const))]),
  );
}

// A code's label shown alone (capitalized); the code itself if the server has none for it.
export function label(list: LabelList, value: string | null | undefined): string {
  if (!value) return '';
  const l = maps.get(list)?.get(value);
  return l === undefined ? value : upperFirst(l);
}

// A code's label inside a sentence, as the server writes it.
export function labelInText(list: LabelList, value: string): string {
  return maps.get(list)?.get(value) ?? value;
}

// The choices of a list in the server's order (only those named, when `only` is given).
export function options(list: LabelList, only?: readonly string[]): { value: string; label: string }[] {
  return (lists[list] ?? [])
    .filter((e) => !only || only.includes(e.value))
    .map((e) => ({ value: e.value, label: upperFirst(e.label) }));
}

// The period kind each conference kind takes (the server checks it: conference.period_kind).
export const conferencePeriodKind: Record<string, 'quarter' | 'half' | 'year' | 'month'> = {
  quarterly_review: 'quarter',
  half_year_review: 'half',
  year_review: 'year',
  cluster_briefing: 'quarter',
  thematic: 'half',
};
export const taskStatusColor: Record<string, string> = {
  open: 'blue',
  done: 'green',
  overdue: 'red',
  cancelled: 'default',
};
export const attendanceColor: Record<string, string> = {
  invited: 'default',
  present: 'green',
  late: 'orange',
  absent: 'red',
};
export function vnDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const [y, m, d] = iso.slice(0, 10).split('-');
  return `${d}/${m}/${y}`;
}
export function vnNumber(n: number): string {
  return n.toLocaleString('vi-VN');
}
