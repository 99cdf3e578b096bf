// Organizations' results of a year as they are recorded: an org's self-assessment for its quality
// rating (Quy định 366-QĐ/TW: a score out of 100, the share of its tasks done late and beyond what
// was asked, whether a unit below it or a member of its committee was disciplined, and the category
// they give), its registration for an emulation title («Chi bộ bốn tốt», …), then the decisions of
// the standing committee directly above on a list of its orgs — their rating, or a title recognized
// or not — recorded for all of them or for none. The form suggests the category from the rule
// set's thresholds (labels' `rating`); the server decides: a category the facts do not give is
// refused at the category with the server's sentence saying which they give.
import { useRef, useState, type ReactNode } from 'react';
import { Checkbox, DatePicker, Form, Input, InputNumber, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { ApiError } from '../api';
import { client, queryClient, type Schemas } from '../client';
import { Select } from '../controls';
import { ratingRules, vnDate, vnNumber, type EmulationTitle } from '../labels';
import { FormDialog } from './FormDialog';
import { atField, dateFormats, iso, listItemField } from './forms';
import { scoreTenths } from './ratingForms';

export type OrgResults = Schemas['OrgResults'];
export type OrgResultRow = OrgResults['rows'][number];
export type OrgResultRecord = NonNullable<Schemas['OptionalOrgResultRecord']>;
export type OrgCategory = NonNullable<OrgResultRecord['category']>;
export type CategoryCounts = Schemas['CategoryCounts'];

// The categories as the server names them (core/rating.cpp); the answer's counts carry only codes.
export const categoryLabels: Record<OrgCategory, string> = {
  excellent: 'Hoàn thành xuất sắc nhiệm vụ',
  good: 'Hoàn thành tốt nhiệm vụ',
  completed: 'Hoàn thành nhiệm vụ',
  not_completed: 'Không hoàn thành nhiệm vụ',
};
export const categories = Object.keys(categoryLabels) as OrgCategory[];
const categoryOptions = categories.map((c) => ({ value: c, label: categoryLabels[c] }));

// The category an org's facts give with the rule set's thresholds: more late than «hoàn thành»
// allows, or a score under it, gives «không hoàn thành»; a task late or a score under «tốt»,
// «hoàn thành»; «xuất sắc» needs its score, nobody disciplined and enough beyond what was asked.
// Only a suggestion: the server decides.
export function suggestedOrgCategory(
  tenths: number | null,
  latePercent: number,
  exceedingPercent: number,
  disciplined: boolean,
): OrgCategory | undefined {
  if (tenths === null) return undefined;
  const rules = ratingRules();
  if (tenths < rules.completed_min || latePercent > rules.org_completed_late_max_percent) return 'not_completed';
  if (latePercent > 0 || tenths < rules.good_min) return 'completed';
  if (tenths < rules.excellent_min || disciplined || exceedingPercent < rules.org_excellent_exceeding_percent)
    return 'good';
  return 'excellent';
}

// A title's name in quotes, unless it has its own («Mô hình «Dân vận khéo»» would read badly).
export function quoted(name: string): string {
  return name.includes('«') ? name : `«${name}»`;
}

// A decision in a sentence: «Quyết định số 46-QĐ/ĐU ngày 26/12/2025».
export function orgDecisionText(r: OrgResultRecord): string {
  return `Quyết định số ${r.decision_no}${r.decided_on ? ` ngày ${vnDate(r.decided_on)}` : ''}`;
}

// A self-assessment after a name: «Hoàn thành tốt nhiệm vụ (điểm 89,5)».
export function proposalText(r: OrgResultRecord): string {
  const category = r.category_label ?? '';
  return r.score ? `${category} (điểm ${r.score})` : category;
}

// The categories in a word, where a column or a line already says what is rated.
export const categoryShort: Record<OrgCategory, string> = {
  excellent: 'xuất sắc',
  good: 'tốt',
  completed: 'hoàn thành',
  not_completed: 'không hoàn thành',
};

// Counts by category in a few words, the categories with none left out: «3 xuất sắc, 12 tốt».
export function countsText(counts: CategoryCounts): string {
  return categories
    .filter((c) => counts[c] > 0)
    .map((c) => `${vnNumber(counts[c])} ${categoryShort[c]}`)
    .join(', ');
}

export function countsTotal(counts: CategoryCounts): number {
  return categories.reduce((n, c) => n + counts[c], 0);
}

// The page's answer fetched again before a dialog closes, so it shows what was recorded.
async function refetchOrgResults() {
  await queryClient.invalidateQueries(
    { queryKey: ['get', '/api/v1/orgs/{code}/org-results'] },
    { cancelRefetch: false },
  );
}

type RatingValues = {
  score: string;
  tasks_late_percent: number | null;
  tasks_exceeding_percent: number | null;
  disciplined: boolean;
  category?: OrgCategory;
  note?: string;
};

const percent = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : 0);

// «Tự đánh giá» of one org for a year: the score, the share of its tasks done late and beyond what
// was asked, whether a unit below it or a member of its committee was disciplined, the category
// (chosen from them as they are typed), a note. The form opens with the self-assessment standing.
export function OrgRatingDialog({ row, year, onClose }: { row: OrgResultRow; year: number; onClose: () => void }) {
  const earlier = row.proposal;
  const [suggested, setSuggested] = useState(() =>
    earlier
      ? suggestedOrgCategory(
          scoreTenths(earlier.score ?? ''),
          earlier.tasks_late_percent,
          earlier.tasks_exceeding_percent,
          earlier.disciplined,
        )
      : undefined,
  );
  return (
    <FormDialog<RatingValues>
      title={`Tự đánh giá xếp loại năm ${year} — ${row.org_name}`}
      name="org-rating"
      fields={['score', 'tasks_late_percent', 'tasks_exceeding_percent', 'disciplined', 'category', 'note']}
      initialValues={{
        score: earlier?.score ?? '',
        tasks_late_percent: earlier?.tasks_late_percent ?? 0,
        tasks_exceeding_percent: earlier?.tasks_exceeding_percent ?? 0,
        disciplined: earlier?.disciplined ?? false,
        category: earlier?.category ?? undefined,
        note: earlier?.note ?? '',
      }}
      send={async (v) => {
        await client.POST('/api/v1/orgs/{code}/org-results/rating', {
          params: { path: { code: row.org } },
          body: {
            year,
            score: v.score.trim(),
            category: v.category!,
            tasks_late_percent: percent(v.tasks_late_percent),
            tasks_exceeding_percent: percent(v.tasks_exceeding_percent),
            disciplined: v.disciplined,
            note: v.note?.trim() || undefined,
          },
        });
        await refetchOrgResults();
        return `Đã ghi tự đánh giá năm ${year} của ${row.org_name}: điểm ${v.score.trim()}, ${v.category ? categoryLabels[v.category] : ''}.`;
      }}
      onClose={onClose}
      maskClosable={false}
    >
      {(form) => {
        // The category follows the score and the conditions as they change; the user may still
        // choose another, which the server then checks.
        const suggest = () => {
          const c = suggestedOrgCategory(
            scoreTenths(form.getFieldValue('score')),
            percent(form.getFieldValue('tasks_late_percent')),
            percent(form.getFieldValue('tasks_exceeding_percent')),
            form.getFieldValue('disciplined') === true,
          );
          setSuggested(c);
          // A refusal at the category was about the facts sent before: it no longer applies.
          form.setFields([{ name: 'category', value: c ?? form.getFieldValue('category'), errors: [] }]);
        };
        const rules = ratingRules();
        return (
          <>
            <Typography.Paragraph type="secondary">
              {row.competent_name
                ? `Cấp ủy quyết định xếp loại: ${row.competent_name}.`
                : 'Không có cấp ủy cấp trên trong phạm vi này.'}
            </Typography.Paragraph>
            <Form.Item
              name="score"
              label="Điểm (thang 100)"
              rules={[{ required: true, whitespace: true, message: 'Ghi điểm, ví dụ 92,5.' }]}
              extra="Từ 0 đến 100, tối đa một chữ số thập phân, ví dụ 92,5."
            >
              <Input inputMode="decimal" maxLength={5} style={{ width: 140 }} onChange={suggest} />
            </Form.Item>
            <Form.Item
              name="tasks_late_percent"
              label="Nhiệm vụ chậm tiến độ (%)"
              extra={`Tỷ lệ nhiệm vụ trong năm hoàn thành chậm tiến độ; «Hoàn thành nhiệm vụ» cho phép tối đa ${rules.org_completed_late_max_percent}%.`}
            >
              <InputNumber min={0} max={100} precision={0} style={{ width: 140 }} onChange={suggest} />
            </Form.Item>
            <Form.Item
              name="tasks_exceeding_percent"
              label="Nhiệm vụ hoàn thành vượt yêu cầu (%)"
              extra={`«Hoàn thành xuất sắc nhiệm vụ» cần ít nhất ${rules.org_excellent_exceeding_percent}%.`}
            >
              <InputNumber min={0} max={100} precision={0} style={{ width: 140 }} onChange={suggest} />
            </Form.Item>
            <Form.Item name="disciplined" valuePropName="checked">
              <Checkbox onChange={suggest}>Có tổ chức đảng trực thuộc hoặc cấp ủy viên bị kỷ luật trong năm</Checkbox>
            </Form.Item>
            <Form.Item
              name="category"
              label="Xếp loại"
              rules={[{ required: true, message: 'Chọn xếp loại.' }]}
              extra={
                suggested
                  ? `Theo điểm và các điều kiện đã ghi: «${categoryLabels[suggested]}».`
                  : 'Ghi điểm để chọn sẵn xếp loại theo điểm và các điều kiện.'
              }
            >
              <Select placeholder="Chọn xếp loại" style={{ width: 320, maxWidth: '100%' }} options={categoryOptions} />
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

// «Đăng ký thi đua» of one org for a year: a title among those its kind of org may register for
// and has not yet, with the title's criteria; a note.
export function EmulationDialog({
  row,
  year,
  titles,
  onClose,
}: {
  row: OrgResultRow;
  year: number;
  titles: EmulationTitle[];
  onClose: () => void;
}) {
  const [chosen, setChosen] = useState<string | undefined>(titles.length === 1 ? titles[0].code : undefined);
  const criteria = titles.find((t) => t.code === chosen)?.criteria;
  const labelOf = (code: string) => titles.find((t) => t.code === code)?.label ?? code;
  return (
    <FormDialog<{ title: string; note?: string }>
      title={`Đăng ký thi đua năm ${year} — ${row.org_name}`}
      name="emulation"
      fields={['title', 'note']}
      initialValues={{ title: chosen }}
      send={async (v) => {
        await client.POST('/api/v1/orgs/{code}/org-results/emulation', {
          params: { path: { code: row.org } },
          body: { year, title: v.title, note: v.note?.trim() || undefined },
        });
        await refetchOrgResults();
        return `Đã ghi: ${row.org_name} đăng ký ${quoted(labelOf(v.title))} năm ${year}.`;
      }}
      onClose={onClose}
      maskClosable={false}
    >
      {() => (
        <>
          <Form.Item
            name="title"
            label="Danh hiệu"
            rules={[{ required: true, message: 'Chọn danh hiệu thi đua.' }]}
            extra={criteria ? `Tiêu chí: ${criteria}` : undefined}
          >
            <Select
              placeholder="Chọn danh hiệu thi đua"
              style={{ width: 360, maxWidth: '100%' }}
              virtual={false}
              onChange={(v: string) => setChosen(v)}
              options={titles.map((t) => ({ value: t.code, label: t.label }))}
            />
          </Form.Item>
          <Form.Item name="note" label="Ghi chú">
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
        </>
      )}
    </FormDialog>
  );
}

type DecisionValues = { decision_no: string; decided_on: Dayjs };

// The decision's number and day: not before the year rated, not after today.
function DecisionFields({ year }: { year: number }) {
  return (
    <>
      <Form.Item
        name="decision_no"
        label="Số quyết định"
        rules={[{ required: true, whitespace: true, message: 'Ghi số quyết định.' }]}
      >
        <Input maxLength={100} placeholder="Ví dụ: 46-QĐ/ĐU" />
      </Form.Item>
      <Form.Item
        name="decided_on"
        label="Ngày quyết định"
        rules={[{ required: true, message: 'Chọn ngày quyết định.' }]}
      >
        <DatePicker
          format={dateFormats}
          allowClear={false}
          disabledDate={(d) => d.isAfter(dayjs(), 'day') || d.year() < year}
        />
      </Form.Item>
    </>
  );
}

// A refusal about one org of the list, said with its name (the server may name it by its code),
// and that org marked in the list.
function namedRefusal(e: unknown, rows: OrgResultRow[], mark: (org: string) => void): unknown {
  const item = e instanceof ApiError ? listItemField(e.field, 'orgs') : undefined;
  const row = item ? rows[item[0]] : undefined;
  if (!(e instanceof ApiError) || !row) return e;
  mark(row.org);
  // The org's standing changed since the list was read (a self-assessment cancelled, a decision
  // recorded elsewhere): the page behind shows it as it is now.
  void refetchOrgResults();
  const text = atField(e.message);
  const named = text.includes(`«${row.org}»`)
    ? text.replace(`«${row.org}»`, row.org_name)
    : text.includes(row.org_name)
      ? text
      : `${row.org_name}: ${text}`;
  return new ApiError(e.status, e.code, named, 'orgs', e.rule, e.body);
}

// «Ghi quyết định xếp loại» for the orgs chosen under a committee: one decision, each org rated as
// it assessed itself, recorded for all of them or for none. Returns the quota warning of the
// decision recorded (a warning, never a refusal) through `onClose`.
export function OrgDecisionDialog({
  org,
  year,
  rows,
  onClose,
}: {
  org: string;
  year: number;
  rows: OrgResultRow[];
  onClose: (changed: boolean, warning: string | null) => void;
}) {
  const [refused, setRefused] = useState('');
  // Read when the dialog closes, after the answer (a state would be read as it was before).
  const warning = useRef<string | null>(null);
  return (
    <FormDialog<DecisionValues>
      title={`Ghi quyết định xếp loại tổ chức đảng năm ${year}`}
      name="org-rating-decision"
      fields={['decision_no', 'decided_on', 'orgs']}
      initialValues={{ decided_on: dayjs() }}
      send={async (v) => {
        setRefused('');
        let answer;
        try {
          answer = await client.POST('/api/v1/orgs/{code}/org-results/rating-decision', {
            params: { path: { code: org } },
            body: {
              year,
              decision_no: v.decision_no.trim(),
              decided_on: iso(v.decided_on),
              orgs: rows.map((r) => ({ org: r.org })),
            },
          });
        } catch (e) {
          throw namedRefusal(e, rows, setRefused);
        }
        warning.current = answer.data?.quota_warning ?? null;
        await refetchOrgResults();
        return `Đã ghi quyết định số ${v.decision_no.trim()} xếp loại ${vnNumber(rows.length)} tổ chức đảng năm ${year}.`;
      }}
      onClose={(changed) => onClose(changed, changed ? warning.current : null)}
      maskClosable={false}
    >
      {() => (
        <>
          <Typography.Paragraph>
            {vnNumber(rows.length)} tổ chức đảng, mỗi tổ chức xếp loại theo bản tự đánh giá. Một quyết định ghi cho tất
            cả tổ chức dưới đây; nếu có tổ chức chưa đủ điều kiện thì chưa ghi cho tổ chức nào.
          </Typography.Paragraph>
          <Form.Item name="orgs">
            <ChosenOrgs
              rows={rows}
              refused={refused}
              describe={(r) => (r.proposal ? proposalText(r.proposal) : 'chưa tự đánh giá')}
            />
          </Form.Item>
          <DecisionFields year={year} />
        </>
      )}
    </FormDialog>
  );
}

// «Ghi quyết định công nhận» of an emulation title for the orgs chosen under a committee: one
// decision, each org recognized or not (recognized unless unticked), for all of them or for none.
export function EmulationDecisionDialog({
  org,
  year,
  title,
  rows,
  onClose,
}: {
  org: string;
  year: number;
  title: { code: string; label: string };
  rows: OrgResultRow[];
  onClose: (changed: boolean) => void;
}) {
  const [refused, setRefused] = useState('');
  // The orgs the committee does not recognize (the rest it does).
  const [notRecognized, setNotRecognized] = useState<Set<string>>(new Set());
  const recognized = rows.filter((r) => !notRecognized.has(r.org)).length;
  return (
    <FormDialog<DecisionValues>
      title={`Ghi quyết định công nhận ${quoted(title.label)} năm ${year}`}
      name="emulation-decision"
      fields={['decision_no', 'decided_on', 'orgs']}
      initialValues={{ decided_on: dayjs() }}
      send={async (v) => {
        setRefused('');
        try {
          await client.POST('/api/v1/orgs/{code}/org-results/emulation-decision', {
            params: { path: { code: org } },
            body: {
              year,
              title: title.code,
              decision_no: v.decision_no.trim(),
              decided_on: iso(v.decided_on),
              orgs: rows.map((r) => ({ org: r.org, recognized: !notRecognized.has(r.org) })),
            },
          });
        } catch (e) {
          throw namedRefusal(e, rows, setRefused);
        }
        await refetchOrgResults();
        return `Đã ghi quyết định số ${v.decision_no.trim()}: ${vnNumber(recognized)} tổ chức được công nhận ${quoted(title.label)}, ${vnNumber(rows.length - recognized)} tổ chức không được công nhận.`;
      }}
      onClose={onClose}
      maskClosable={false}
    >
      {() => (
        <>
          <Typography.Paragraph>
            {vnNumber(rows.length)} tổ chức đảng đã đăng ký {quoted(title.label)}. Bỏ đánh dấu những tổ chức không được
            công nhận. Một quyết định ghi cho tất cả tổ chức dưới đây; nếu có tổ chức chưa đủ điều kiện thì chưa ghi cho
            tổ chức nào.
          </Typography.Paragraph>
          <Form.Item name="orgs">
            <ChosenOrgs
              rows={rows}
              refused={refused}
              describe={(r) => (
                <Checkbox
                  checked={!notRecognized.has(r.org)}
                  onChange={(e) => {
                    const next = new Set(notRecognized);
                    if (e.target.checked) next.delete(r.org);
                    else next.add(r.org);
                    setNotRecognized(next);
                  }}
                  aria-label={`Công nhận ${r.org_name}`}
                >
                  được công nhận
                </Checkbox>
              )}
            />
          </Form.Item>
          <DecisionFields year={year} />
        </>
      )}
    </FormDialog>
  );
}

// The orgs a decision is for, numbered, each with what is decided on; the one the server refused
// marked. It scrolls when long, and takes the keyboard's focus to scroll.
function ChosenOrgs({
  rows,
  refused,
  describe,
  id,
}: {
  rows: OrgResultRow[];
  refused: string;
  describe: (r: OrgResultRow) => ReactNode;
  id?: string;
}) {
  return (
    <div
      id={id}
      tabIndex={0}
      role="region"
      aria-label="Tổ chức đảng trong quyết định"
      data-testid="org-decision-orgs"
      style={{ maxHeight: 240, overflowY: 'auto', border: '1px solid #d9d9d9', borderRadius: 6, padding: '6px 10px' }}
    >
      <ol style={{ margin: 0, paddingInlineStart: '1.6em' }}>
        {rows.map((r) => (
          <li key={r.org} style={r.org === refused ? { color: '#a8071a', fontWeight: 600 } : undefined}>
            {r.org_name} — {describe(r)}
          </li>
        ))}
      </ol>
    </div>
  );
}
