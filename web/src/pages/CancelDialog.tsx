// Cancelling a record made by mistake (a meeting, an inspection or supervision, a study session, a
// conference, a sending up of party dues, a Party badge's record, a quality rating's record, an
// org's self-assessment, registration for an emulation title or the committee's decision on it):
// nothing is deleted. The server appends a cancellation with its reason; the record stays in the
// lists, marked, and no figure counts it any more.
import { Alert, Form, Input, Tag, Typography } from 'antd';
import type { Schemas } from '../client';
import { client } from '../client';
import { vnDateTime } from '../time';
import { FormDialog } from './FormDialog';

export type CancelKind =
  'meeting' | 'oversight' | 'study' | 'conference' | 'remittance' | 'badge' | 'rating' | 'org_result';

export interface CancelTarget {
  kind: CancelKind;
  id: number;
  // The org whose record it is, where the API's path names it (a sending up of party dues, an
  // org's result).
  org?: string;
  // The member whose record it is, where the API's path names it (a Party badge's record, a rating).
  member?: string;
  // What it is, as the confirmation names it: «buổi sinh hoạt ngày 05/12/2026 của Chi bộ 1».
  what: string;
}

function send(t: CancelTarget, reason: string) {
  const params = { path: { id: t.id } };
  const body = { reason };
  switch (t.kind) {
    case 'meeting':
      return client.POST('/api/v1/meetings/{id}/cancel', { params, body });
    case 'oversight':
      return client.POST('/api/v1/oversights/{id}/cancel', { params, body });
    case 'study':
      return client.POST('/api/v1/study-sessions/{id}/cancel', { params, body });
    case 'conference':
      return client.POST('/api/v1/conferences/{id}/cancel', { params, body });
    case 'remittance':
      return client.POST('/api/v1/orgs/{code}/dues/remittances/{id}/cancel', {
        params: { path: { code: t.org ?? '', id: t.id } },
        body,
      });
    case 'badge':
      return client.POST('/api/v1/members/{code}/badges/{id}/cancel', {
        params: { path: { code: t.member ?? '', id: t.id } },
        body,
      });
    case 'rating':
      return client.POST('/api/v1/members/{code}/ratings/{id}/cancel', {
        params: { path: { code: t.member ?? '', id: t.id } },
        body,
      });
    case 'org_result':
      return client.POST('/api/v1/orgs/{code}/org-results/{id}/cancel', {
        params: { path: { code: t.org ?? '', id: t.id } },
        body,
      });
  }
}

// The longest reason the server takes for each kind.
const reasonMax: Record<CancelKind, number> = {
  meeting: 1000,
  oversight: 1000,
  study: 1000,
  conference: 1000,
  remittance: 200,
  badge: 200,
  rating: 200,
  org_result: 200,
};

// What a reason might say, for each kind.
const reasonExample: Record<CancelKind, string> = {
  meeting: 'Ví dụ: ghi nhầm chi bộ',
  oversight: 'Ví dụ: ghi nhầm chi bộ',
  study: 'Ví dụ: ghi nhầm chi bộ',
  conference: 'Ví dụ: ghi nhầm chi bộ',
  remittance: 'Ví dụ: ghi nhầm số tiền',
  badge: 'Ví dụ: ghi nhầm đảng viên',
  rating: 'Ví dụ: ghi nhầm số quyết định',
  org_result: 'Ví dụ: ghi nhầm tổ chức đảng',
};

// The reason a cancellation asks for (required), as every cancel dialog asks it.
export function CancelReason({ maxLength, placeholder }: { maxLength: number; placeholder: string }) {
  return (
    <Form.Item
      name="reason"
      label="Lý do hủy"
      rules={[{ required: true, whitespace: true, message: 'Hãy ghi lý do hủy.' }]}
    >
      <Input.TextArea rows={3} maxLength={maxLength} showCount placeholder={placeholder} />
    </Form.Item>
  );
}

export function CancelDialog({ target, onClose }: { target: CancelTarget; onClose: (changed: boolean) => void }) {
  return (
    <FormDialog<{ reason: string }>
      title={`Hủy ${target.what}`}
      // A page may have a «reason» field of its own (the member page's «Ghi sự kiện»).
      name={`${target.kind}-cancel`}
      fields={['reason']}
      send={async (v) => {
        await send(target, v.reason.trim());
        return `Đã hủy ${target.what}.`;
      }}
      onClose={onClose}
      okText="Hủy bản ghi"
      okDanger
    >
      {() => (
        <>
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            message="Chỉ hủy khi đã ghi nhầm (nhầm tổ chức, nhầm ngày, ghi hai lần)."
            description="Bản ghi không bị xóa: nó vẫn ở trong danh sách với dấu «Đã hủy» và lý do, và không còn được tính vào số liệu, báo cáo. Việc hủy không làm lại được; nếu cần, hãy ghi lại cho đúng."
          />
          <CancelReason maxLength={reasonMax[target.kind]} placeholder={reasonExample[target.kind]} />
        </>
      )}
    </FormDialog>
  );
}

// How a cancelled record is marked where it is listed.
export function CancelledMark({ cancelled }: { cancelled: Schemas['Cancellation'] }) {
  if (!cancelled) return null;
  return (
    <Tag color="default" data-testid="cancelled-mark">
      Đã hủy
    </Tag>
  );
}

// The cancellation in words: when, by whom, why.
export function cancelledText(c: NonNullable<Schemas['Cancellation']>): string {
  return `Đã hủy lúc ${vnDateTime(c.on)}, người hủy: ${c.by}. Lý do: ${c.reason}`;
}

export function CancelledNote({ cancelled }: { cancelled: Schemas['Cancellation'] }) {
  if (!cancelled) return null;
  return <Typography.Text type="secondary">{cancelledText(cancelled)}</Typography.Text>;
}
