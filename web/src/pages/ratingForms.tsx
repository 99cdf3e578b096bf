// The yearly quality rating of members (đánh giá, xếp loại chất lượng đảng viên, Quy định
// 366-QĐ/TW) as it is recorded: a member's self-assessment and the branch's proposal (a score out
// of 100 and the category it gives), then the grassroots committee's decision for a list of its
// members, recorded for all or for none. The form suggests the category from the score with the
// regulation's usual thresholds; the rule set's may differ, and the server decides: a category the
// score does not give is refused at the category with the server's sentence saying which it gives.
import { useRef, useState } from 'react';
import { Checkbox, DatePicker, Form, Input, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { ApiError } from '../api';
import { client, queryClient, type Schemas } from '../client';
import { Select } from '../controls';
import { ratingRules, vnDate, vnNumber } from '../labels';
import { FormDialog } from './FormDialog';
import { atField, dateFormats, iso, listItemField } from './forms';

export type RatingRecord = NonNullable<Schemas['RatingRecord']>;
export type RatingCategory = RatingRecord['category'];
export type RatingRow = Schemas['RatingRound']['rows'][number];
export type RatingStep = 'self' | 'proposal';
export type CategoryOption = { value: RatingCategory; label: string };

export const stepLabels: Record<RatingStep, string> = {
  self: 'Tự đánh giá',
  proposal: 'Chi bộ đề xuất',
};

// A score as typed («89,5», «89.5», «95») in tenths (895); null when it is not one (the server
// says why when it is sent).
export function scoreTenths(text: string | undefined): number | null {
  const m = /^\s*(\d{1,3})(?:[.,](\d))?\s*$/.exec(text ?? '');
  if (!m) return null;
  const tenths = Number(m[1]) * 10 + Number(m[2] ?? 0);
  return tenths <= 1000 ? tenths : null;
}

// The category a score gives with the rule set's thresholds (labels' `rating`): «xuất sắc» and
// «tốt» need every task done on time and well, a discipline in the year gives «không hoàn
// thành». Only a suggestion: the server decides.
export function suggestedCategory(
  tenths: number | null,
  tasksOnTime: boolean,
  disciplined: boolean,
): RatingCategory | undefined {
  if (tenths === null) return undefined;
  const rules = ratingRules();
  if (disciplined || tenths < rules.completed_min) return 'not_completed';
  if (tenths >= rules.excellent_min && tasksOnTime) return 'excellent';
  if (tenths >= rules.good_min && tasksOnTime) return 'good';
  return 'completed';
}

// A record in a few words: «Điểm 89,5 — Hoàn thành tốt nhiệm vụ».
export function scoreAndCategory(r: RatingRecord): string {
  return r.score ? `Điểm ${r.score} — ${r.category_label}` : r.category_label;
}

// The page's answers fetched again before a dialog closes, so it shows what was recorded.
async function refetchRatings() {
  await Promise.all(
    ['/api/v1/orgs/{code}/ratings', '/api/v1/members/{code}/ratings'].map((path) =>
      queryClient.invalidateQueries({ queryKey: ['get', path] }, { cancelRefetch: false }),
    ),
  );
}

type RatingValues = { score: string; tasks_on_time: boolean; category?: RatingCategory; note?: string };

// «Tự đánh giá» or «Chi bộ đề xuất» for one member and year: the score, whether every task was
// done on time and well, the category (chosen from the score as it is typed), a note. The form
// opens with the step's record standing, else (a proposal) with the self-assessment.
export function RatingDialog({
  row,
  year,
  step,
  categories,
  onClose,
}: {
  row: RatingRow;
  year: number;
  step: RatingStep;
  categories: CategoryOption[];
  onClose: () => void;
}) {
  const earlier = row[step] ?? (step === 'proposal' ? row.self : null);
  const [suggested, setSuggested] = useState(() =>
    earlier ? suggestedCategory(scoreTenths(earlier.score ?? ''), earlier.tasks_on_time, row.disciplined) : undefined,
  );
  const labelOf = (c: RatingCategory | undefined) => categories.find((o) => o.value === c)?.label ?? '';
  return (
    <FormDialog<RatingValues>
      title={`${stepLabels[step]} xếp loại năm ${year} — ${row.name}`}
      name="rating"
      fields={['score', 'tasks_on_time', 'category', 'note']}
      initialValues={{
        score: earlier?.score ?? '',
        tasks_on_time: earlier?.tasks_on_time ?? true,
        category: earlier?.category,
        note: row[step]?.note ?? '',
      }}
      send={async (v) => {
        await client.POST('/api/v1/members/{code}/ratings', {
          params: { path: { code: row.member } },
          body: {
            year,
            step,
            score: v.score.trim(),
            category: v.category!,
            tasks_on_time: v.tasks_on_time,
            note: v.note?.trim() || undefined,
          },
        });
        await refetchRatings();
        return `Đã ghi ${stepLabels[step].toLocaleLowerCase('vi')} năm ${year} của ${row.name}: điểm ${v.score.trim()}, ${labelOf(v.category)}.`;
      }}
      onClose={onClose}
      maskClosable={false}
    >
      {(form) => {
        // The category follows the score and the condition as they change; the user may still
        // choose another, which the server then checks.
        const suggest = () => {
          const c = suggestedCategory(
            scoreTenths(form.getFieldValue('score')),
            form.getFieldValue('tasks_on_time') !== false,
            row.disciplined,
          );
          setSuggested(c);
          // A refusal at the category was about the score sent before: it no longer applies.
          form.setFields([{ name: 'category', value: c ?? form.getFieldValue('category'), errors: [] }]);
        };
        return (
          <>
            <Typography.Paragraph type="secondary">
              {row.org_name}
              {row.disciplined ? '. Đảng viên bị kỷ luật trong năm: xếp loại «Không hoàn thành nhiệm vụ».' : '.'}
            </Typography.Paragraph>
            <Form.Item
              name="score"
              label="Điểm (thang 100)"
              rules={[{ required: true, whitespace: true, message: 'Ghi điểm, ví dụ 89,5.' }]}
              extra="Từ 0 đến 100, tối đa một chữ số thập phân, ví dụ 89,5."
            >
              <Input inputMode="decimal" maxLength={5} style={{ width: 140 }} onChange={suggest} />
            </Form.Item>
            <Form.Item name="tasks_on_time" valuePropName="checked">
              <Checkbox onChange={suggest}>Hoàn thành 100% nhiệm vụ đúng tiến độ, bảo đảm chất lượng</Checkbox>
            </Form.Item>
            <Form.Item
              name="category"
              label="Xếp loại"
              rules={[{ required: true, message: 'Chọn xếp loại.' }]}
              extra={
                suggested ? `Theo điểm đã ghi: «${labelOf(suggested)}».` : 'Ghi điểm để chọn sẵn xếp loại theo điểm.'
              }
            >
              <Select placeholder="Chọn xếp loại" style={{ width: 320, maxWidth: '100%' }} options={categories} />
            </Form.Item>
            <Form.Item name="note" label="Ghi chú">
              <Input.TextArea rows={2} maxLength={500} />
            </Form.Item>
          </>
        );
      }}
    </FormDialog>
  );
}

type DecisionValues = { decision_no: string; decided_on: Dayjs };

// «Ghi quyết định xếp loại» for the members chosen in a grassroots org's round: one decision, each
// member rated as the branch proposed, recorded for all of them or for none. A refusal about one
// member names that member, in the list and under it. Returns the quota warning of the decision
// recorded (a warning, never a refusal) through `onClose`.
export function RatingDecisionDialog({
  org,
  year,
  rows,
  onClose,
}: {
  org: string;
  year: number;
  rows: RatingRow[];
  onClose: (changed: boolean, warning: string | null) => void;
}) {
  const [refused, setRefused] = useState('');
  // Read when the dialog closes, after the answer (a state would be read as it was before).
  const warning = useRef<string | null>(null);
  return (
    <FormDialog<DecisionValues>
      title={`Ghi quyết định xếp loại đảng viên năm ${year}`}
      name="rating-decision"
      fields={['decision_no', 'decided_on', 'members']}
      initialValues={{ decided_on: dayjs() }}
      send={async (v) => {
        setRefused('');
        let answer;
        try {
          answer = await client.POST('/api/v1/orgs/{code}/ratings/decision', {
            params: { path: { code: org } },
            body: {
              year,
              decision_no: v.decision_no.trim(),
              decided_on: iso(v.decided_on),
              members: rows.map((r) => ({ member: r.member })),
            },
          });
        } catch (e) {
          const item = e instanceof ApiError ? listItemField(e.field, 'members') : undefined;
          const row = item ? rows[item[0]] : undefined;
          if (e instanceof ApiError && row) {
            setRefused(row.member);
            // The member's standing changed since the list was read (a proposal cancelled, a
            // decision recorded elsewhere): the page behind shows it as it is now.
            void refetchRatings();
            // The server names the member by code; the office knows the name.
            const text = atField(e.message);
            const named = text.includes(`«${row.member}»`)
              ? text.replace(`«${row.member}»`, row.name)
              : `${row.name}: ${text}`;
            throw new ApiError(e.status, e.code, named, 'members', e.rule, e.body);
          }
          throw e;
        }
        warning.current = answer.data?.quota_warning ?? null;
        await refetchRatings();
        return `Đã ghi quyết định số ${v.decision_no.trim()} xếp loại ${vnNumber(rows.length)} đảng viên năm ${year}.`;
      }}
      onClose={(changed) => onClose(changed, changed ? warning.current : null)}
      maskClosable={false}
    >
      {() => (
        <>
          <Typography.Paragraph>
            {vnNumber(rows.length)} đảng viên, mỗi người xếp loại theo đề xuất của chi bộ. Một quyết định ghi cho tất cả
            đảng viên dưới đây; nếu có người chưa đủ điều kiện thì chưa ghi cho ai.
          </Typography.Paragraph>
          <Form.Item name="members">
            <ChosenMembers rows={rows} refused={refused} />
          </Form.Item>
          <Form.Item
            name="decision_no"
            label="Số quyết định"
            rules={[{ required: true, whitespace: true, message: 'Ghi số quyết định.' }]}
          >
            <Input maxLength={100} placeholder="Ví dụ: 45-QĐ/ĐU" />
          </Form.Item>
          <Form.Item
            name="decided_on"
            label="Ngày quyết định"
            rules={[{ required: true, message: 'Chọn ngày quyết định.' }]}
          >
            <DatePicker format={dateFormats} allowClear={false} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
          </Form.Item>
        </>
      )}
    </FormDialog>
  );
}

// The members the decision is for, numbered, each with the branch's proposal; the one the server
// refused marked. It scrolls when long, and takes the keyboard's focus to scroll.
function ChosenMembers({ rows, refused, id }: { rows: RatingRow[]; refused: string; id?: string }) {
  return (
    <div
      id={id}
      tabIndex={0}
      role="region"
      aria-label="Đảng viên được xếp loại"
      data-testid="rating-decision-members"
      style={{ maxHeight: 220, overflowY: 'auto', border: '1px solid #d9d9d9', borderRadius: 6, padding: '6px 10px' }}
    >
      <ol style={{ margin: 0, paddingInlineStart: '1.6em' }}>
        {rows.map((r) => (
          <li key={r.member} style={r.member === refused ? { color: '#a8071a', fontWeight: 600 } : undefined}>
            {r.name} — {r.proposal ? proposalText(r.proposal) : 'chưa có đề xuất'}
            <Typography.Text type="secondary"> ({r.org_name})</Typography.Text>
          </li>
        ))}
      </ol>
    </div>
  );
}

// The branch's proposal after a name: «Hoàn thành tốt nhiệm vụ (điểm 89,5)».
function proposalText(r: RatingRecord): string {
  return r.score ? `${r.category_label} (điểm ${r.score})` : r.category_label;
}

// A decision in a sentence: «Quyết định số 45-QĐ/ĐU ngày 26/12/2025».
export function decisionText(r: RatingRecord): string {
  return `Quyết định số ${r.decision_no}${r.decided_on ? ` ngày ${vnDate(r.decided_on)}` : ''}`;
}
