// The records a member's dues rest on, as whoever may record dues writes them from «Đảng phí» on
// the member page: the basis (a category and its base from a month), an exemption (a ground of the
// rule set, from a month, to a month or open) and a reduction (a rate of the rule set, for a few
// months), each with its decision; the correction of a record in force (the same form, prefilled,
// sent with `replaces`) and its cancellation (a reason, sent with `voids`). Nothing is deleted:
// the server appends, and the list shows what was corrected or cancelled. The rules (how many
// months a reduction may last, what a month before the admission is) are the server's: a refusal
// is shown at the field it names.
import { Alert, DatePicker, Form, Input, InputNumber, type FormInstance } from 'antd';
import type { Dayjs } from 'dayjs';
import type { DuesRecord } from '../api';
import { client } from '../client';
import { Select } from '../controls';
import { duesRules, upperFirst, vnNumber, type DuesCategory } from '../labels';
import { CancelReason } from './CancelDialog';
import { FormDialog } from './FormDialog';
import { formatMoney, money, monthDay, parseMoney, thisMonth, vnMonth } from './duesCells';

const monthFormats = ['MM/YYYY', 'M/YYYY'];

// An exemption ground inside a sentence, as the rule set names it.
export function groundLabel(code: string): string {
  const g = duesRules().exemption_grounds.find((e) => e.value === code);
  return g ? g.label.charAt(0).toLocaleLowerCase('vi') + g.label.slice(1) : code;
}

function period(from: string, to: string | null | undefined): string {
  return to ? `từ tháng ${vnMonth(from)} đến tháng ${vnMonth(to)}` : `từ tháng ${vnMonth(from)}`;
}

// A record named inside a sentence: «giảm 50% đảng phí từ tháng 12/2026 đến tháng 01/2027».
export function recordWhat(r: DuesRecord): string {
  const when = period(r.from, r.to);
  if (r.kind === 'basis') {
    const category = duesRules().categories.find((c) => c.value === r.category)?.label ?? r.category;
    return `mức đóng đảng phí ${when} (${category})`;
  }
  if (r.kind === 'exemption') return `miễn đảng phí ${when}`;
  return `giảm ${r.percent}% đảng phí ${when}`;
}

type BasisValues = { category: string; base?: number | null; from: Dayjs; note?: string };

// A basis from a month: the category, and its base when the category is paid as a share of it.
// With `replacing`, the correction of that basis.
export function BasisDialog({
  code,
  replacing,
  onClose,
}: {
  code: string;
  replacing?: DuesRecord;
  onClose: () => void;
}) {
  const categories = duesRules().categories;
  return (
    <FormDialog<BasisValues>
      title={replacing ? 'Sửa đối tượng và mức đóng đảng phí' : 'Ghi đối tượng và mức đóng đảng phí'}
      name="dues-basis"
      fields={['category', 'base', 'from', 'note']}
      initialValues={
        replacing
          ? {
              category: replacing.category,
              base: replacing.base,
              from: monthDay(replacing.from),
              note: replacing.note || undefined,
            }
          : { from: monthDay(thisMonth()) }
      }
      send={async (v) => {
        const cat = categories.find((c) => c.value === v.category);
        await client.POST('/api/v1/members/{code}/dues', {
          params: { path: { code } },
          body: {
            kind: 'basis',
            from: v.from.format('YYYY-MM'),
            category: v.category,
            ...(cat && cat.rate_bp > 0 ? { base: v.base ?? null } : {}),
            note: v.note?.trim() || undefined,
            ...(replacing ? { replaces: replacing.id } : {}),
          },
        });
        return `Đã ${replacing ? 'sửa' : 'ghi'} mức đóng đảng phí từ tháng ${v.from.format('MM/YYYY')}.`;
      }}
      onClose={onClose}
    >
      {(form) => (
        <>
          {replacing && <ReplacingNotice record={replacing} />}
          <BasisFields categories={categories} form={form} />
        </>
      )}
    </FormDialog>
  );
}

function BasisFields({ categories, form }: { categories: DuesCategory[]; form: FormInstance<BasisValues> }) {
  const category: string | undefined = Form.useWatch('category', form);
  const cat = categories.find((c) => c.value === category);
  const rate = cat && cat.rate_bp > 0 ? cat.rate_bp / 100 : 0;
  return (
    <>
      <Form.Item
        name="category"
        label="Đối tượng đóng đảng phí"
        rules={[{ required: true, message: 'Chọn đối tượng đóng đảng phí.' }]}
      >
        <Select
          placeholder="Chọn đối tượng"
          options={categories.map((c) => ({
            value: c.value,
            label:
              upperFirst(c.label) +
              (c.rate_bp > 0 ? ` (${vnNumber(c.rate_bp / 100)}% mức căn cứ)` : ` (${money(c.fixed)}/tháng)`),
          }))}
          optionRender={(o) => <span style={{ whiteSpace: 'normal' }}>{o.label}</span>}
        />
      </Form.Item>
      {rate > 0 && (
        <Form.Item
          name="base"
          label="Mức căn cứ (đồng một tháng)"
          extra={
            cat?.base_of_month_before
              ? 'Tiền lương tháng làm căn cứ đóng bảo hiểm xã hội; đảng phí mỗi tháng tính theo mức của tháng trước.'
              : 'Tiền lương, lương hưu hoặc trợ cấp hằng tháng làm căn cứ tính đảng phí.'
          }
          rules={[{ required: true, message: 'Nhập mức căn cứ tính đảng phí.' }]}
        >
          <InputNumber<number>
            style={{ width: 220, maxWidth: '100%' }}
            min={0}
            step={100000}
            precision={0}
            formatter={formatMoney}
            parser={parseMoney}
            suffix="đ"
          />
        </Form.Item>
      )}
      <Form.Item
        name="from"
        label="Áp dụng từ tháng"
        rules={[{ required: true, message: 'Chọn tháng bắt đầu áp dụng.' }]}
        extra="Áp dụng cho tháng này và các tháng sau, đến khi ghi mức mới."
      >
        <DatePicker picker="month" format={monthFormats} allowClear={false} />
      </Form.Item>
      <Form.Item name="note" label="Ghi chú">
        <Input maxLength={200} />
      </Form.Item>
    </>
  );
}

type DecisionValues = {
  ground?: string;
  percent?: number;
  from: Dayjs;
  to?: Dayjs | null;
  decision_no: string;
  decided_by: string;
  note?: string;
};

// An exemption or a reduction, with its decision; with `replacing`, the correction of that record.
export function DecisionDialog({
  code,
  kind,
  replacing,
  onClose,
}: {
  code: string;
  kind: 'exemption' | 'reduction';
  replacing?: DuesRecord;
  onClose: () => void;
}) {
  const exemption = kind === 'exemption';
  const what = exemption ? 'miễn đảng phí' : 'giảm đảng phí';
  return (
    <FormDialog<DecisionValues>
      title={replacing ? `Sửa bản ghi ${what}` : `Ghi ${what}`}
      name={`dues-${kind}`}
      fields={['ground', 'percent', 'from', 'to', 'decision_no', 'decided_by', 'note']}
      // The server names the rate as the rule does.
      fieldMap={{ reduction_percent: 'percent' }}
      initialValues={
        replacing
          ? {
              ...(exemption ? { ground: replacing.ground } : { percent: replacing.percent }),
              from: monthDay(replacing.from),
              to: replacing.to ? monthDay(replacing.to) : null,
              decision_no: replacing.decision_no,
              decided_by: replacing.decided_by,
              note: replacing.note || undefined,
            }
          : { from: monthDay(thisMonth()) }
      }
      send={async (v) => {
        const from = v.from.format('YYYY-MM');
        const to = v.to ? v.to.format('YYYY-MM') : undefined;
        await client.POST('/api/v1/members/{code}/dues', {
          params: { path: { code } },
          body: {
            kind,
            from,
            ...(to ? { to } : {}),
            ...(exemption ? { ground: v.ground } : { percent: v.percent }),
            decision_no: v.decision_no.trim(),
            decided_by: v.decided_by.trim(),
            note: v.note?.trim() || undefined,
            ...(replacing ? { replaces: replacing.id } : {}),
          },
        });
        const done = exemption
          ? `miễn đảng phí ${period(from, to)}`
          : `giảm ${v.percent}% đảng phí ${period(from, to)}`;
        return `Đã ${replacing ? 'sửa thành' : 'ghi'} ${done}.`;
      }}
      onClose={onClose}
      maskClosable={false}
    >
      {() => (
        <>
          {replacing && <ReplacingNotice record={replacing} />}
          <DecisionFields kind={kind} />
        </>
      )}
    </FormDialog>
  );
}

function DecisionFields({ kind }: { kind: 'exemption' | 'reduction' }) {
  const rules = duesRules();
  const exemption = kind === 'exemption';
  return (
    <>
      {exemption ? (
        <Form.Item name="ground" label="Lý do miễn" rules={[{ required: true, message: 'Chọn lý do miễn đảng phí.' }]}>
          <Select
            placeholder="Chọn lý do miễn"
            options={rules.exemption_grounds.map((g) => ({ value: g.value, label: upperFirst(g.label) }))}
            optionRender={(o) => <span style={{ whiteSpace: 'normal' }}>{o.label}</span>}
          />
        </Form.Item>
      ) : (
        <Form.Item name="percent" label="Mức giảm" rules={[{ required: true, message: 'Chọn mức giảm đảng phí.' }]}>
          <Select
            placeholder="Chọn mức giảm"
            style={{ width: 220, maxWidth: '100%' }}
            options={rules.reduction_percents.map((p) => ({ value: p, label: `${p}%` }))}
          />
        </Form.Item>
      )}
      <Form.Item
        name="from"
        label="Từ tháng"
        rules={[{ required: true, message: exemption ? 'Chọn tháng bắt đầu miễn.' : 'Chọn tháng bắt đầu giảm.' }]}
      >
        <DatePicker picker="month" format={monthFormats} allowClear={false} />
      </Form.Item>
      <Form.Item
        name="to"
        label="Đến tháng"
        rules={exemption ? [] : [{ required: true, message: 'Chọn tháng cuối cùng được giảm.' }]}
        extra={
          exemption
            ? 'Để trống nếu quyết định không ghi thời hạn: miễn đến khi có quyết định khác.'
            : `Mỗi quyết định giảm tối đa ${rules.reduction_max_months} tháng, tính cả tháng đầu và tháng cuối.`
        }
      >
        <DatePicker picker="month" format={monthFormats} allowClear={exemption} />
      </Form.Item>
      <Form.Item
        name="decision_no"
        label="Số quyết định"
        rules={[{ required: true, whitespace: true, message: 'Ghi số quyết định.' }]}
      >
        <Input maxLength={200} placeholder="Ví dụ: 12-QĐ/ĐU" />
      </Form.Item>
      <Form.Item
        name="decided_by"
        label="Cấp quyết định"
        rules={[{ required: true, whitespace: true, message: 'Ghi cấp ra quyết định.' }]}
      >
        <Input maxLength={200} placeholder="Ví dụ: Đảng ủy cơ sở" />
      </Form.Item>
      <Form.Item name="note" label="Ghi chú">
        <Input maxLength={200} />
      </Form.Item>
    </>
  );
}

// What a correction does to the record it corrects, said above the form.
function ReplacingNotice({ record }: { record: DuesRecord }) {
  return (
    <Alert
      type="info"
      showIcon
      style={{ marginBottom: 16 }}
      message={`Sửa bản ghi ${recordWhat(record)}.`}
      description="Bản ghi cũ không bị xóa: nó vẫn được liệt kê, gạch ngang với dấu «Đã sửa»; số phải nộp các tháng tính theo bản ghi mới."
    />
  );
}

// The cancellation of a record made by mistake: the reason is required, and is the record's note.
export function VoidRecordDialog({ code, record, onClose }: { code: string; record: DuesRecord; onClose: () => void }) {
  const what = `bản ghi ${recordWhat(record)}`;
  return (
    <FormDialog<{ reason: string }>
      title={`Hủy ${what}`}
      name="dues-record-void"
      fields={['reason']}
      fieldMap={{ note: 'reason' }}
      send={async (v) => {
        await client.POST('/api/v1/members/{code}/dues', {
          params: { path: { code } },
          body: { kind: record.kind, replaces: record.id, voids: true, note: v.reason.trim() },
        });
        return `Đã hủy ${what}.`;
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
            message="Chỉ hủy khi đã ghi nhầm (nhầm người, ghi hai lần). Nếu chỉ sai tháng, mức hay số quyết định, hãy dùng «Sửa»."
            description="Bản ghi không bị xóa: nó vẫn được liệt kê với dấu «Đã hủy» và lý do, và không còn được tính vào số phải nộp."
          />
          <CancelReason maxLength={200} placeholder="Ví dụ: ghi nhầm đảng viên" />
        </>
      )}
    </FormDialog>
  );
}
