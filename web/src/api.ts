import type { components } from './generated/openapi';
import { queryClient } from './queryClient';
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
        void queryClient.invalidateQueries();
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

// Every other request goes through the typed client (src/client.ts); an upload stays here for its
// progress.
export const api = { upload };

export function query(params: Record<string, string | number | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}

// The API's records, as docs/openapi.yaml defines them (generated into src/generated/openapi.d.ts
// at each build): a field the contract does not have cannot be read, nor one it has missed.
type S = components['schemas'];
export type Role = S['Role'];
export type Account = S['Account'];
export type Session = S['Session'];
export type Counts = S['Counts'];
export type TreeNode = S['TreeNode'];
export type Stats = S['Stats'];
export type MemberRow = S['MemberRow'];
export type MemberList = S['MemberList'];
export type MemberEvent = S['MemberEvent'];
export type Member = S['Member'];
export type Indicators = S['Indicators'];
export type IndicatorRow = Indicators['indicators'][number];
export type Check = Indicators['checks'][number];
export type Plan = S['Plan'];
export type PlanTarget = Plan['targets'][number];
export type Activities = S['Activities'];
export type Meeting = Activities['meetings'][number];
export type Oversight = Activities['oversights'][number];
export type StudySession = Activities['study_sessions'][number];
export type PartyDocument = S['Document'];
export type ImportKind = 'members' | 'orgs';
export type ImportReport = S['ImportReport'];
export type ImportColumn = ImportReport['columns'][number];
export type ImportProblem = ImportReport['problems'][number];
export type ConferenceKind = S['ConferenceKind'];
export type ConferenceSummary = S['ConferenceSummary'];
export type Conference = S['Conference'];
export type ConferenceSite = Conference['sites'][number];
export type Participant = Conference['participants'][number];
export type ConferenceItem = Conference['items'][number];
export type Decision = S['Decision'];
export type FollowUpTask = S['Task'];
export type PrepareNext = S['PrepareNext'];
export type Dossier = S['Dossier'];
export type DossierFact = S['DossierFact'];
export type DossierRecord = S['DossierRecord'];
export type DossierChange = S['DossierChange'];
export type DuesBook = S['DuesBook'];
export type DuesBookRow = DuesBook['rows'][number];
export type DuesMonth = S['DuesMonth'];
export type MemberDues = S['MemberDues'];
export type DuesRecord = S['DuesRecord'];
export type DuesPayment = S['DuesPayment'];
export type DuesPaymentInput = S['DuesPaymentInput'];
export type DuesReport = S['DuesReport'];
export type DuesFigures = S['DuesFigures'];
export type DuesImportReport = S['DuesImportReport'];
export type DuesImportProblem = DuesImportReport['problems'][number];
export type DuesRemittances = S['DuesRemittances'];
export type DuesRemittance = DuesRemittances['records'][number];

export type Permission = Session['permissions'][number];
// The signed-in account with what its role may do, as the session answered it: the server keeps
// the table (src/auth/role.h) and still checks every request; a page only shows what may be done.
export type Viewer = Account & { permissions: Permission[] };
export function viewerOf(s: Session): Viewer {
  return { ...s.account, permissions: s.permissions };
}
const may = (p: Permission) => (v: Viewer) => v.permissions.includes(p);
export const can = {
  recordActivities: may('record_activities'),
  recordOversight: may('record_oversight'),
  plan: may('plan'),
  writeMembers: may('write_members'),
  changeOrgs: may('change_orgs'),
  recordConferences: may('record_conferences'),
  administer: may('administer'),
  // The sensitive fields of a member's dossier (citizen ID, ethnicity, religion, health, discipline).
  readSensitive: may('read_sensitive'),
  exportSensitive: may('export_sensitive'),
  // A member's dues basis, exemption, reduction; a branch's month of payments; what an org sent up.
  recordDues: may('record_dues'),
  // The committee's decisions awarding Party badges, their presentation, reissue and cancellation.
  recordBadges: may('record_badges'),
  // The grassroots committee's decisions rating its members' quality for a year, and their cancellation.
  decideRatings: may('decide_ratings'),
};
