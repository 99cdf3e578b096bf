import type { Schemas } from './client';

// Vietnamese words for the API's codes, from the server's own name tables (GET /api/v1/labels,
// loaded with the session before any page is shown), and dates as dd/mm/yyyy.
export type LabelLists = Schemas['Labels'];
// The lists of codes and labels; `catalogs` is a map of such lists, read by catalogLabel; `dues`
// is the rule set's party dues (categories with their rates, grounds, the flag), read by
// duesRules; `badges` the rule set's badge years and days of presentation, read by badgeRules;
// `rating` the rating's thresholds, read by ratingRules; `emulation_titles` the titles orgs register
// for, read by emulationTitles.
type NotALabelList = 'catalogs' | 'dues' | 'badges' | 'rating' | 'emulation_titles';
export type LabelList = Exclude<keyof LabelLists, NotALabelList>;
const notLists = new Set<string>([
  'catalogs',
  'dues',
  'badges',
  'rating',
  'emulation_titles',
] satisfies NotALabelList[]);
export type EmulationTitle = LabelLists['emulation_titles'][number];
export type DossierFieldInfo = Schemas['DossierFieldInfo'];
export type DuesRules = LabelLists['dues'];
export type DuesCategory = DuesRules['categories'][number];

let lists: Partial<LabelLists> = {};
let maps = new Map<LabelList, Map<string, string>>();
let catalogMaps = new Map<string, Map<string, string>>();

// The server writes labels as they read inside a sentence («đảng bộ cơ sở»); shown alone they
// start with a capital («Đảng bộ cơ sở»).
export function upperFirst(s: string): string {
  return s ? s.charAt(0).toLocaleUpperCase('vi') + s.slice(1) : s;
}

const pairs = (list: readonly { value: string; label: string }[] | undefined) =>
  new Map((list ?? []).map((e) => [e.value, e.label] as const));

export function installLabels(l: LabelLists) {
  lists = l;
  const names = (Object.keys(l) as (keyof LabelLists)[]).filter((k): k is LabelList => !notLists.has(k));
  maps = new Map(names.map((k) => [k, pairs(l[k])]));
  catalogMaps = new Map(Object.entries(l.catalogs ?? {}).map(([name, list]) => [name, pairs(list)]));
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

// The fields of a member's dossier in the order the server shows them (none from a labels answer
// cached before the server had them).
export function dossierFields(): DossierFieldInfo[] {
  return lists.dossier_fields ?? [];
}

// A category's label in the catalog `name` (capitalized), the code itself when the list lacks it.
export function catalogLabel(name: string, value: string): string {
  const l = catalogMaps.get(name)?.get(value);
  return l === undefined ? value : upperFirst(l);
}

// The choices of a catalog in the server's order.
export function catalogOptions(name: string): { value: string; label: string }[] {
  return (lists.catalogs?.[name] ?? []).map((e) => ({ value: e.value, label: upperFirst(e.label) }));
}

// A catalog's items as the server sends them, with each one's group when it sends it (for
// `leaving_ground`, group `no_readmission` bars a later readmission).
export function catalogItems(name: string): { value: string; label: string; group?: string }[] {
  return lists.catalogs?.[name] ?? [];
}

// The Party badges as the server's rule set has them: the years, and the days of presentation as
// month-day ("05-19"); the 2021 guidance's days from a labels answer cached before the server had
// them.
export function badgeRules(): LabelLists['badges'] {
  return (
    lists.badges ?? {
      years: [30, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85, 90],
      occasions: ['02-03', '05-19', '09-02', '11-07'],
    }
  );
}

// The yearly rating's scores (tenths of a point) where each category begins, and for orgs the
// share of tasks beyond what was asked that «xuất sắc» needs and the share late that «hoàn thành»
// allows, as the server's rule set has them; Quy định 366-QĐ/TW's from a labels answer cached
// before the server had them.
export function ratingRules(): LabelLists['rating'] {
  return {
    excellent_min: 900,
    good_min: 700,
    completed_min: 500,
    org_excellent_exceeding_percent: 30,
    org_completed_late_max_percent: 20,
    ...lists.rating,
  };
}

// The emulation titles orgs register for (code, name, the kinds of org that may, the criteria), as
// the server's rule set has them; none from a labels answer cached before the server had them.
export function emulationTitles(): EmulationTitle[] {
  return lists.emulation_titles ?? [];
}

// The party dues as the server's rule set has them (nothing from a labels answer cached before the
// server had them).
export function duesRules(): DuesRules {
  return (
    lists.dues ?? {
      categories: [],
      exemption_grounds: [],
      channels: [],
      reduction_percents: [],
      reduction_max_months: 0,
      unpaid_months_flag: 0,
      exempt_party_age_years: 0,
    }
  );
}

// A dues category's label shown alone, the code itself when the rule set lacks it.
export function duesCategoryLabel(code: string | null | undefined): string {
  if (!code) return '';
  const c = duesRules().categories.find((e) => e.value === code);
  return c ? upperFirst(c.label) : code;
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
// A percentage as the offices write it, one decimal after a comma (77,5%), rounded half away from
// zero on the decimal value as the server's documents round it; «—» for none.
export function vnPercent(p: number | null | undefined): string {
  if (p === null || p === undefined || !Number.isFinite(p)) return '—';
  const tenths = Math.round(Math.abs(p) * 10 * (1 + 1e-12));
  const shown = (tenths / 10).toLocaleString('vi-VN', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  return `${p < 0 && tenths !== 0 ? '-' : ''}${shown}%`;
}
