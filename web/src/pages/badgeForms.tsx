// The Party badges (Huy hiệu Đảng) as the committee's office records them: the committee's decision
// for a list of members (from the badges page, all or none of them), a decision for one member (a
// posthumous or early award, from the member page), the day a badge was presented and a lost badge
// given again. The days of presentation and the badges' years are the rule set's (labels.ts); every
// other rule (a badge due by the occasion, not held already, the early allowances) is the server's:
// a refusal is shown at the field it names, one about a member of the list at that member.
import { useState } from 'react';
import { DatePicker, Form, Input, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { ApiError } from '../api';
import { $api, client, queryClient, type Schemas } from '../client';
import { Select } from '../controls';
import { badgeRules, vnDate, vnNumber } from '../labels';
import { FormDialog } from './FormDialog';
import { atField, dateFormats, iso, listItemField } from './forms';

export type BadgeHeld = Schemas['BadgeHeld'];
export type BadgeGround = BadgeHeld['ground'];
export type BadgeDueRow = Schemas['BadgesDue']['rows'][number];

// What a badge was awarded on, as the server's rule set names it.
export const groundLabels: Record<BadgeGround, string> = {
  none: 'Đủ tuổi Đảng',
  illness: 'Tặng sớm do bệnh hiểm nghèo',
  posthumous: 'Truy tặng',
};

export function badgeName(years: number): string {
  return `Huy hiệu ${years} năm tuổi Đảng`;
}

// The days a badge is presented on (month-day), as the server's rule set has them.
const occasionDays = () => badgeRules().occasions;

// Last year's, this year's and next year's occasions (ISO), in order; `extra` (one from the
// address, of another year) among them.
export function occasionsAround(today: Dayjs, extra?: string): string[] {
  const year = today.year();
  const days = [year - 1, year, year + 1].flatMap((y) => occasionDays().map((d) => `${y}-${d}`));
  if (extra && !days.includes(extra)) days.push(extra);
  return days.sort();
}

// The next occasion on or after today.
export function nextOccasion(today: Dayjs): string {
  const day = today.format('YYYY-MM-DD');
  return occasionsAround(today).find((d) => d >= day) ?? `${today.year() + 1}-${occasionDays()[0]}`;
}

export function isOccasion(day: string | null): day is string {
  return !!day && /^\d{4}-\d{2}-\d{2}$/.test(day) && occasionDays().includes(day.slice(5));
}

// Who usually decides an org's badges: the standing committee of the Party body above it, as its
// documents address that body (GET /orgs/{code}/issuer); empty when there is none. A suggestion the
// office corrects in the form.
export function useDecidingBody(org: string, enabled: boolean): string {
  const answer = $api.useQuery(
    'get',
    '/api/v1/orgs/{code}/issuer',
    { params: { path: { code: org } } },
    { enabled: enabled && !!org },
  );
  return answer.error ? '' : (answer.data?.superior_recipient ?? '');
}

const future = (d: Dayjs) => d.isAfter(dayjs(), 'day');

type DecisionValues = {
  decision_no: string;
  decided_by: string;
  decided_on: Dayjs;
  presented_on?: Dayjs | null;
};

// The decision: its number, who decided, its day; with `presented`, the day the badges were
// presented when that is done already.
function DecisionFields({ presented = true }: { presented?: boolean }) {
  return (
    <>
      <Form.Item
        name="decision_no"
        label="Số quyết định"
        rules={[{ required: true, whitespace: true, message: 'Ghi số quyết định.' }]}
      >
        <Input maxLength={100} placeholder="Ví dụ: 1234-QĐ/TU" />
      </Form.Item>
      <Form.Item
        name="decided_by"
        label="Cấp quyết định"
        rules={[{ required: true, whitespace: true, message: 'Ghi cấp ra quyết định.' }]}
      >
        <Input maxLength={200} placeholder="Ví dụ: Ban Thường vụ Tỉnh ủy" />
      </Form.Item>
      <Form.Item
        name="decided_on"
        label="Ngày quyết định"
        rules={[{ required: true, message: 'Chọn ngày quyết định.' }]}
      >
        <DatePicker format={dateFormats} allowClear={false} disabledDate={future} />
      </Form.Item>
      {presented && (
        <Form.Item
          name="presented_on"
          label="Ngày trao tặng"
          extra="Để trống nếu chưa trao; ngày trao ghi sau ở trang của từng đảng viên."
        >
          <DatePicker format={dateFormats} disabledDate={future} />
        </Form.Item>
      )}
    </>
  );
}

const decisionFields = ['decision_no', 'decided_by', 'decided_on', 'presented_on'];

function decisionBody(v: DecisionValues) {
  return {
    decision_no: v.decision_no.trim(),
    decided_by: v.decided_by.trim(),
    decided_on: iso(v.decided_on),
    presented_on: v.presented_on ? iso(v.presented_on) : undefined,
  };
}

// The page's answers fetched again before a dialog closes, so it shows what was recorded.
async function refetchBadges() {
  await Promise.all(
    ['/api/v1/orgs/{code}/badges/due', '/api/v1/members/{code}/badges'].map((path) =>
      queryClient.invalidateQueries({ queryKey: ['get', path] }, { cancelRefetch: false }),
    ),
  );
}

// «Ghi quyết định tặng Huy hiệu Đảng» for the members chosen in an occasion's list: one decision for
// all of them, recorded for all or for none. A refusal about one member names that member, in the
// list and under it.
export function AwardsDialog({
  occasion,
  rows,
  decidedBy,
  onClose,
}: {
  occasion: string;
  rows: BadgeDueRow[];
  decidedBy: string;
  onClose: (changed: boolean) => void;
}) {
  const [refused, setRefused] = useState('');
  return (
    <FormDialog<DecisionValues>
      title="Ghi quyết định tặng Huy hiệu Đảng"
      name="badge-awards"
      fields={[...decisionFields, 'members']}
      initialValues={{ decided_by: decidedBy, decided_on: dayjs() }}
      send={async (v) => {
        setRefused('');
        try {
          await client.POST('/api/v1/badges/awards', {
            body: {
              occasion,
              ...decisionBody(v),
              members: rows.map((r) => ({ member: r.member, years: r.years })),
            },
          });
        } catch (e) {
          const item = e instanceof ApiError ? listItemField(e.field, 'members') : undefined;
          const row = item ? rows[item[0]] : undefined;
          if (e instanceof ApiError && row) {
            setRefused(row.member);
            throw new ApiError(e.status, e.code, `${row.name}: ${atField(e.message)}`, 'members', e.rule, e.body);
          }
          throw e;
        }
        await refetchBadges();
        return `Đã ghi quyết định số ${v.decision_no.trim()} tặng Huy hiệu Đảng cho ${vnNumber(rows.length)} đảng viên.`;
      }}
      onClose={onClose}
      maskClosable={false}
    >
      {() => (
        <>
          <Typography.Paragraph>
            Đợt trao tặng ngày {vnDate(occasion)}: {vnNumber(rows.length)} đảng viên. Một quyết định ghi cho tất cả đảng
            viên dưới đây; nếu có người không đủ điều kiện thì chưa ghi cho ai.
          </Typography.Paragraph>
          <Form.Item name="members">
            <ChosenMembers rows={rows} refused={refused} />
          </Form.Item>
          <DecisionFields />
        </>
      )}
    </FormDialog>
  );
}

// The members the decision is for, numbered; the one the server refused marked. It scrolls when
// long, and takes the keyboard's focus to scroll.
function ChosenMembers({ rows, refused, id }: { rows: BadgeDueRow[]; refused: string; id?: string }) {
  return (
    <div
      id={id}
      tabIndex={0}
      role="region"
      aria-label="Đảng viên được tặng"
      data-testid="badge-awards-members"
      style={{ maxHeight: 220, overflowY: 'auto', border: '1px solid #d9d9d9', borderRadius: 6, padding: '6px 10px' }}
    >
      <ol style={{ margin: 0, paddingInlineStart: '1.6em' }}>
        {rows.map((r) => (
          <li key={r.member} style={r.member === refused ? { color: '#a8071a', fontWeight: 600 } : undefined}>
            {r.name} — Huy hiệu {r.years} năm
            <Typography.Text type="secondary"> ({r.org_name})</Typography.Text>
          </li>
        ))}
      </ol>
    </div>
  );
}

type MemberAwardValues = DecisionValues & { occasion: string; years: number; ground: BadgeGround };

// «Ghi quyết định tặng» for one member: the occasion, the badge, its ground (posthumous; early for a
// serious illness), the decision.
export function MemberAwardDialog({
  code,
  name,
  nextYears,
  deceased,
  decidedBy,
  onClose,
}: {
  code: string;
  name: string;
  nextYears: number | null;
  deceased: boolean;
  decidedBy: string;
  onClose: () => void;
}) {
  return (
    <FormDialog<MemberAwardValues>
      title={`Ghi quyết định tặng Huy hiệu Đảng — ${name}`}
      name="badge-award"
      fields={['occasion', 'years', 'ground', ...decisionFields]}
      // A member who was not in the Party on the decision's day: said at that day.
      fieldMap={{ member: 'decided_on' }}
      initialValues={{
        occasion: nextOccasion(dayjs()),
        years: nextYears ?? undefined,
        ground: deceased ? 'posthumous' : 'none',
        decided_by: decidedBy,
        decided_on: dayjs(),
      }}
      send={async (v) => {
        await client.POST('/api/v1/members/{code}/badges', {
          params: { path: { code } },
          body: { occasion: v.occasion, years: v.years, ground: v.ground, ...decisionBody(v) },
        });
        await refetchBadges();
        return `Đã ghi quyết định tặng ${badgeName(v.years)} cho ${name}.`;
      }}
      onClose={onClose}
      maskClosable={false}
    >
      {() => (
        <>
          <Form.Item name="occasion" label="Đợt trao tặng" rules={[{ required: true, message: 'Chọn đợt trao tặng.' }]}>
            <Select
              style={{ width: 200, maxWidth: '100%' }}
              virtual={false}
              options={occasionsAround(dayjs()).map((d) => ({ value: d, label: vnDate(d) }))}
            />
          </Form.Item>
          <Form.Item name="years" label="Loại Huy hiệu" rules={[{ required: true, message: 'Chọn loại Huy hiệu.' }]}>
            <Select
              style={{ width: 260, maxWidth: '100%' }}
              placeholder="Chọn số năm tuổi Đảng"
              virtual={false}
              options={badgeRules().years.map((y) => ({ value: y, label: badgeName(y) }))}
            />
          </Form.Item>
          <Form.Item
            name="ground"
            label="Căn cứ đề nghị tặng"
            rules={[{ required: true, message: 'Chọn căn cứ đề nghị tặng.' }]}
          >
            <Select
              style={{ width: 300, maxWidth: '100%' }}
              options={(Object.keys(groundLabels) as BadgeGround[]).map((g) => ({ value: g, label: groundLabels[g] }))}
            />
          </Form.Item>
          <DecisionFields />
        </>
      )}
    </FormDialog>
  );
}

// «Ghi ngày trao»: the day a badge awarded was presented.
export function PresentationDialog({
  code,
  name,
  held,
  onClose,
}: {
  code: string;
  name: string;
  held: BadgeHeld;
  onClose: () => void;
}) {
  return (
    <FormDialog<{ presented_on: Dayjs }>
      title={`Ghi ngày trao ${badgeName(held.years)} — ${name}`}
      name="badge-presentation"
      fields={['presented_on']}
      initialValues={{ presented_on: dayjs() }}
      send={async (v) => {
        await client.POST('/api/v1/members/{code}/badges/{id}/presentation', {
          params: { path: { code, id: held.id } },
          body: { presented_on: iso(v.presented_on) },
        });
        await refetchBadges();
        return `Đã ghi: ${badgeName(held.years)} trao tặng ngày ${v.presented_on.format('DD/MM/YYYY')}.`;
      }}
      onClose={onClose}
    >
      {() => (
        <>
          <Typography.Paragraph>
            Quyết định số {held.decision_no} ngày {vnDate(held.decided_on)} của {held.decided_by}.
          </Typography.Paragraph>
          <Form.Item
            name="presented_on"
            label="Ngày trao tặng"
            rules={[{ required: true, message: 'Chọn ngày trao tặng.' }]}
          >
            <DatePicker format={dateFormats} allowClear={false} disabledDate={future} />
          </Form.Item>
        </>
      )}
    </FormDialog>
  );
}

type ReissueValues = Omit<DecisionValues, 'presented_on'> & { reason: string };

// «Cấp lại»: a lost or damaged badge given again, by a decision of its own.
export function ReissueDialog({
  code,
  name,
  held,
  onClose,
}: {
  code: string;
  name: string;
  held: BadgeHeld;
  onClose: () => void;
}) {
  return (
    <FormDialog<ReissueValues>
      title={`Cấp lại ${badgeName(held.years)} — ${name}`}
      name="badge-reissue"
      fields={['decision_no', 'decided_by', 'decided_on', 'reason']}
      initialValues={{ decided_by: held.decided_by, decided_on: dayjs() }}
      send={async (v) => {
        await client.POST('/api/v1/members/{code}/badges/{id}/reissue', {
          params: { path: { code, id: held.id } },
          body: {
            decision_no: v.decision_no.trim(),
            decided_by: v.decided_by.trim(),
            decided_on: iso(v.decided_on),
            reason: v.reason.trim(),
          },
        });
        await refetchBadges();
        return `Đã ghi cấp lại ${badgeName(held.years)}.`;
      }}
      onClose={onClose}
      maskClosable={false}
    >
      {() => (
        <>
          <DecisionFields presented={false} />
          <Form.Item
            name="reason"
            label="Lý do cấp lại"
            rules={[{ required: true, whitespace: true, message: 'Ghi lý do cấp lại.' }]}
          >
            <Input maxLength={200} placeholder="Ví dụ: bị mất, bị hỏng" />
          </Form.Item>
        </>
      )}
    </FormDialog>
  );
}
