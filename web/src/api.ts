// The JSON API (docs/openapi.yaml): the session cookie is HttpOnly, so the page only keeps the
// CSRF token, which every state change sends back.
export class ApiError extends Error {
  constructor(
    public status: number,
    public code: string,
    message: string,
    public field: string,
    public rule: string,
    // The whole answer, for refusals that carry more than the error (an import's report).
    public body: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

let csrfToken = '';
export function setCsrf(token: string) {
  csrfToken = token;
}
export function csrf(): string {
  return csrfToken;
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

// Sends a file's bytes as the body (application/octet-stream). XMLHttpRequest rather than fetch:
// it reports how much of a big file has gone up. `onSent` is called with the fraction sent
// (0..1); the server's work starts when it reaches 1.
function upload<T>(path: string, data: ArrayBuffer, onSent?: (fraction: number) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    xhr.withCredentials = true;
    xhr.setRequestHeader('X-CSRF-Token', csrfToken);
    xhr.setRequestHeader('Content-Type', 'application/octet-stream');
    if (onSent) {
      xhr.upload.onprogress = (e) => e.lengthComputable && onSent(e.loaded / e.total);
      xhr.upload.onload = () => onSent(1);
    }
    xhr.onload = () => {
      let body: Record<string, unknown> = {};
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        // Not JSON (a proxy's page): the status says enough.
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        resolve(body as T);
        return;
      }
      const e = (body.error ?? {}) as Record<string, string>;
      const fallback =
        xhr.status === 413 ? 'Tệp quá lớn: máy chủ chỉ nhận tệp đến 32 MB.' : `Máy chủ trả lời lỗi ${xhr.status}.`;
      reject(new ApiError(xhr.status, e.code ?? 'error', e.message ?? fallback, e.field ?? '', e.rule ?? '', body));
    };
    // The connection dropped (a server that refuses a too large body may close it before reading).
    xhr.onerror = () => reject(new ApiError(0, 'network', 'Không gửi được tệp: mất kết nối với máy chủ.', '', ''));
    xhr.send(data);
  });
}

export const api = {
  get: <T>(path: string) => call<T>('GET', path),
  post: <T>(path: string, body: unknown) => call<T>('POST', path, body),
  del: <T>(path: string) => call<T>('DELETE', path),
  upload,
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
// A page of a member list; `more`: the count stopped at `total` and more match.
export interface MemberList {
  total: number;
  more: boolean;
  rows: MemberRow[];
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

// The import of a member or org list (POST /api/v1/import/{kind}).
export type ImportKind = 'members' | 'orgs';
export interface ImportColumn {
  column: string;
  header: string;
  field: string;
  field_label: string;
  by_user: boolean;
  encoding: 'unicode' | 'tcvn3' | 'vni';
  encoding_label: string;
  sample?: { before: string; after: string };
}
export interface ImportProblem {
  sheet: string;
  row: number;
  column: string;
  field: string;
  message: string;
  severity: 'error' | 'warning';
}
export interface ImportReport {
  kind: ImportKind;
  file: string;
  format: 'xlsx' | 'csv';
  sheet: string;
  header_row: number;
  columns: ImportColumn[];
  fields: { field: string; label: string }[];
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
  errors: number;
  omitted_errors: number; // problems past the first 1.000 listed, only counted
  omitted_warnings: number;
  dry_run: boolean;
  written: boolean;
  problems: ImportProblem[];
  preview_columns: { key: string; label: string }[];
  preview: ({ row: number; outcome: 'new' | 'updated' | 'unchanged' | 'error' } & Record<string, string | number>)[];
}

// Review conferences (docs/openapi.yaml, tag conferences).
export type ConferenceKind = 'quarterly_review' | 'half_year_review' | 'year_review' | 'cluster_briefing' | 'thematic';
export interface ConferenceSummary {
  id: number;
  org: string;
  org_name: string;
  kind: ConferenceKind;
  kind_vi: string;
  period: string;
  period_label: string;
  date: string;
  start_time: string;
  title: string;
}
export interface ConferenceSite {
  number: number;
  mode: 'in_person' | 'online';
  mode_vi: string;
  name: string;
  address: string;
  link: string;
  host: string;
  host_name: string;
  present: number;
  late: number;
  absent: number;
}
export interface Participant {
  id: number;
  kind: 'member' | 'guest';
  member: string;
  name: string;
  title: string;
  organization: string;
  invited_via: string;
  site: number | null;
  attendance: 'invited' | 'present' | 'late' | 'absent';
  attendance_vi: string;
  reason: string;
}
export interface ConferenceItem {
  seq: number;
  kind: 'agenda' | 'contribution' | 'directing_speech';
  kind_vi: string;
  title: string;
  speaker: string;
  speaker_title: string;
  speaker_org: string;
  file: string;
  summary: string;
}
export interface Decision {
  seq: number;
  kind: 'general' | 'cluster_rotation';
  kind_vi: string;
  text: string;
  cluster: string;
  cluster_name: string;
  leading: string;
  leading_name: string;
  deputy: string;
  deputy_name: string;
  for_period: string;
  for_period_label: string;
}
export interface FollowUpTask {
  id: number;
  conference: number;
  seq: number;
  owner: string;
  owner_name: string;
  title: string;
  set_on: string;
  due_on: string;
  status: 'open' | 'done' | 'overdue' | 'cancelled';
  status_vi: string;
  done_on: string | null;
  done_late: boolean;
  days_overdue: number;
  events: { kind: string; kind_vi: string; date: string; note: string; recorded_by: string }[];
}
export interface Conference extends ConferenceSummary {
  as_of: string;
  chair: string;
  secretary: string;
  report: { org: string; org_name: string; period: string; period_label: string } | null;
  sites: ConferenceSite[];
  participants: Participant[];
  guests: number;
  unrecorded: number;
  quorum: {
    invited: number;
    present: number;
    required: number;
    reached: boolean;
    numerator: number;
    denominator: number;
    more_than: boolean;
  };
  items: ConferenceItem[];
  conclusion: string;
  decisions: Decision[];
  tasks: FollowUpTask[];
}
export interface PrepareNext {
  org: string;
  org_name: string;
  as_of: string;
  previous: ConferenceSummary | null;
  rotation: Decision | null;
  tasks: FollowUpTask[];
  counts: { open: number; done: number; overdue: number; cancelled: number };
}

export const can = {
  recordActivities: (r: Role) => r === 'admin' || r === 'committee_office' || r === 'branch_secretary',
  recordOversight: (r: Role) => r === 'admin' || r === 'committee_office' || r === 'inspection',
  plan: (r: Role) => r === 'admin' || r === 'committee_office',
  writeMembers: (r: Role) => r === 'admin' || r === 'committee_office' || r === 'branch_secretary',
  changeOrgs: (r: Role) => r === 'admin' || r === 'committee_office',
  recordConferences: (r: Role) => r === 'admin' || r === 'committee_office',
  administer: (r: Role) => r === 'admin',
};
