// The JSON API (docs/openapi.yaml): the session cookie is HttpOnly, so the page only keeps the
// CSRF token, which every state change sends back.
export class ApiError extends Error {
  constructor(
    public status: number,
    public code: string,
    message: string,
    public field: string,
    public rule: string,
  ) {
    super(message);
  }
}

let csrfToken = '';
export function setCsrf(token: string) {
  csrfToken = token;
}

async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = {};
  if (method !== 'GET') headers['X-CSRF-Token'] = csrfToken;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const res = await fetch(path, {
    method,
    headers,
    credentials: 'same-origin',
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (res.status === 204) return undefined as T;
  const data = await res.json().catch(() => ({}));
  if (!res.ok) {
    const e = data.error ?? {};
    throw new ApiError(res.status, e.code ?? 'error', e.message ?? `Lỗi ${res.status}`, e.field ?? '', e.rule ?? '');
  }
  return data as T;
}

export const api = {
  get: <T>(path: string) => call<T>('GET', path),
  post: <T>(path: string, body: unknown) => call<T>('POST', path, body),
  del: <T>(path: string) => call<T>('DELETE', path),
};

export function query(params: Record<string, string | number | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}

export type Role = 'admin' | 'committee_office' | 'branch_secretary' | 'inspection' | 'viewer';
export interface Account {
  username: string;
  display_name: string;
  role: Role;
  org: string;
  org_name: string;
  must_change_password: boolean;
}
export interface Session {
  account: Account;
  csrf_token: string;
  must_change_password: boolean;
}
export interface Counts {
  members: number;
  official: number;
  probationary: number;
  candidates: number;
}
export interface TreeNode {
  code: string;
  name: string;
  kind: string;
  counts: Counts;
  children: TreeNode[];
}
export interface Stats {
  code: string;
  name: string;
  kind: string;
  at: string;
  grassroots_committees: number;
  grassroots_branches: number;
  sub_branches: number;
  members: Counts;
  probation_overdue: number;
  admitted_this_year: number;
  recognized_this_year: number;
  branches_below_minimum: number;
}
export interface MemberRow {
  code: string;
  card_number: string;
  full_name: string;
  birth_date: string;
  status: string;
  org: string;
}
export interface MemberEvent {
  id: number;
  kind: string;
  date: string;
  org: string;
  detail: Record<string, unknown>;
}
export interface Member extends MemberRow {
  family: string;
  middle: string;
  given: string;
  gender: string;
  org_name: string;
  temp_org: string;
  admitted_on: string | null;
  party_age_years: number;
  badge_years: number | null;
  recognition_due: string | null;
  probation_overdue: boolean;
  flags: string[];
  events: MemberEvent[];
}

export interface IndicatorRow {
  id: string;
  label: string;
  kind: 'stock' | 'flow' | 'ratio';
  unit: string;
  value: number | null;
  year_done: number | null;
  target: number | null;
  plan_pct: number | null;
  shown: string;
  plan_shown: string;
}
export interface Check {
  rule: string;
  title: string;
  org: string;
  org_name: string;
  message: string;
}
export interface Indicators {
  org: string;
  org_name: string;
  period: string;
  period_label: string;
  from: string;
  to: string;
  as_of: string;
  indicators: IndicatorRow[];
  checks: Check[];
}
export interface PlanTarget {
  indicator: string;
  label: string;
  unit: string;
  target: number | null;
}
export interface Plan {
  org: string;
  org_name: string;
  year: number;
  targets: PlanTarget[];
}
export interface Meeting {
  id: number;
  date: string;
  org: string;
  org_name: string;
  kind: string;
  kind_label: string;
  topic: string;
  quality: string;
  quality_label: string;
  expected: number;
  present: number;
}
export interface Oversight {
  id: number;
  date: string;
  org: string;
  org_name: string;
  kind: string;
  kind_label: string;
  basis: string;
  basis_label: string;
  subject: string;
  conclusion: string;
}
export interface StudySession {
  id: number;
  date: string;
  org: string;
  org_name: string;
  document: string;
  document_title: string;
  expected: number;
  present: number;
}
export interface Activities {
  org: string;
  from: string;
  to: string;
  meetings: Meeting[];
  oversights: Oversight[];
  study_sessions: StudySession[];
}
export interface PartyDocument {
  number: string;
  type: string;
  type_label: string;
  issuer: string;
  issued_on: string;
  title: string;
  issuing_body: string;
}

export const can = {
  recordActivities: (r: Role) => r === 'admin' || r === 'committee_office' || r === 'branch_secretary',
  recordOversight: (r: Role) => r === 'admin' || r === 'committee_office' || r === 'inspection',
  plan: (r: Role) => r === 'admin' || r === 'committee_office',
  writeMembers: (r: Role) => r === 'admin' || r === 'committee_office' || r === 'branch_secretary',
  changeOrgs: (r: Role) => r === 'admin' || r === 'committee_office',
  administer: (r: Role) => r === 'admin',
};
