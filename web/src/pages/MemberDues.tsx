// «Đảng phí» on a member's page: the year's twelve months (paid, owed, exempt, no basis yet), what
// the dues rest on (each basis, exemption and reduction with its decision; a corrected record
// struck through) and the year's payments. Whoever may record dues records the basis — a category
// of the rule set and, for a category paid as a share, its base in đồng, from a month — and
// cancels a payment recorded by mistake (a record of its own, with the reason).
import { useState } from 'react';
import {
  Alert,
  Button,
  Card,
  DatePicker,
  Form,
  Input,
  InputNumber,
  List,
  Select,
  Space,
  Tag,
  Typography,
  type FormInstance,
} from 'antd';
import dayjs from 'dayjs';
import { can, type DuesPayment, type DuesRecord, type Viewer } from '../api';
import { $api, client, errorText } from '../client';
import { duesCategoryLabel, duesRules, upperFirst, vnDate, vnNumber, type DuesCategory } from '../labels';
import { vnDateTime } from '../time';
import { Select as FormSelect } from '../controls';
import { FormDialog } from './FormDialog';
import {
  channelLabel,
  formatMoney,
  money,
  MonthCell,
  MonthLegend,
  monthNumber,
  parseMoney,
  thisMonth,
  thisYear,
  vnMonth,
  yearOptions,
} from './duesCells';

export function MemberDuesCard({ account, code }: { account: Viewer; code: string }) {
  const [year, setYear] = useState(thisYear());
  const answer = $api.useQuery('get', '/api/v1/members/{code}/dues', {
    params: { path: { code }, query: { year } },
  });
  const dues = answer.error ? undefined : answer.data;
  const [recording, setRecording] = useState(false);
  const [cancelling, setCancelling] = useState<DuesPayment | null>(null);
  const mayRecord = can.recordDues(account);
  const inYear = (month: string) => month.startsWith(`${year}-`);
  return (
    <Card
      title="Đảng phí"
      data-testid="member-dues"
      extra={
        <Space wrap>
          <Select aria-label="Năm" style={{ width: 120 }} value={year} options={yearOptions()} onChange={setYear} />
          {mayRecord && (
            <Button onClick={() => setRecording(true)} data-testid="dues-basis-new">
              Ghi mức đóng…
            </Button>
          )}
        </Space>
      }
    >
      {answer.error && <Alert type="error" message={errorText(answer.error)} />}
      {!dues && !answer.error && <div style={{ minHeight: 80 }} />}
      {dues && (
        <Space direction="vertical" style={{ width: '100%' }} size="middle">
          <Typography.Text type="secondary" style={{ fontSize: '0.9em' }}>
            <MonthLegend book={false} />
          </Typography.Text>
          <div className="dv-dues-months">
            {dues.months.map((m) => (
              <div key={m.month}>
                <Typography.Text type="secondary" style={{ fontSize: '0.85em', display: 'block' }}>
                  Tháng {monthNumber(m.month)}
                </Typography.Text>
                <MonthCell month={m} book={false} testid={`member-dues-${m.month}`} />
              </div>
            ))}
          </div>
          <div>
            <Typography.Title level={2} style={{ fontSize: '1.1em' }}>
              Căn cứ đóng đảng phí
            </Typography.Title>
            {dues.records.length === 0 ? (
              <Typography.Text data-testid="dues-no-records">
                Chưa ghi đối tượng và mức đóng đảng phí của đảng viên này.
              </Typography.Text>
            ) : (
              <List
                size="small"
                dataSource={[...dues.records].reverse()}
                renderItem={(r) => (
                  <List.Item data-testid={`dues-record-${r.id}`}>
                    <RecordText record={r} />
                  </List.Item>
                )}
              />
            )}
          </div>
          <div>
            <Typography.Title level={2} style={{ fontSize: '1.1em' }}>
              Các lần nộp năm {year}
            </Typography.Title>
            <Payments
              payments={dues.payments.filter((p) => inYear(p.month))}
              onCancel={mayRecord ? setCancelling : undefined}
            />
          </div>
        </Space>
      )}
      {recording && <BasisDialog code={code} onClose={() => setRecording(false)} />}
      {cancelling && <CancelPaymentDialog code={code} payment={cancelling} onClose={() => setCancelling(null)} />}
    </Card>
  );
}

function RecordText({ record: r }: { record: DuesRecord }) {
  const period = r.to ? `từ tháng ${vnMonth(r.from)} đến tháng ${vnMonth(r.to)}` : `từ tháng ${vnMonth(r.from)}`;
  const decision = [r.decision_no && `quyết định số ${r.decision_no}`, r.decided_by].filter(Boolean).join(', ');
  let text: string;
  if (r.voids) text = `Hủy bản ghi nhầm ${period}`;
  else if (r.kind === 'basis')
    text =
      `${upperFirst(period)}: ${duesCategoryLabel(r.category)}` +
      (r.base !== null ? `, mức căn cứ ${money(r.base)}/tháng` : '');
  else if (r.kind === 'exemption') text = `Miễn đảng phí ${period}: ${groundLabel(r.ground)}`;
  else text = `Giảm ${r.percent}% đảng phí ${period}`;
  return (
    <Space direction="vertical" size={0}>
      <span style={r.replaced ? { textDecoration: 'line-through', color: '#666' } : undefined}>
        {text}
        {decision && r.kind !== 'basis' ? ` (${decision})` : ''}
        {r.replaced && ' '}
        {r.replaced && <Tag>Đã sửa</Tag>}
      </span>
      <Typography.Text type="secondary" style={{ fontSize: '0.85em' }}>
        Ghi lúc {vnDateTime(r.recorded_at)}, người ghi: {r.recorded_by}
        {r.note ? `. Ghi chú: ${r.note}` : ''}
      </Typography.Text>
    </Space>
  );
}

function groundLabel(code: string): string {
  const g = duesRules().exemption_grounds.find((e) => e.value === code);
  return g ? g.label.charAt(0).toLocaleLowerCase('vi') + g.label.slice(1) : code;
}

function Payments({ payments, onCancel }: { payments: DuesPayment[]; onCancel?: (p: DuesPayment) => void }) {
  if (payments.length === 0) return <Typography.Text>Năm này chưa có lần nộp nào.</Typography.Text>;
  return (
    <List
      size="small"
      dataSource={[...payments].sort((a, b) => (a.month === b.month ? a.id - b.id : a.month < b.month ? -1 : 1))}
      renderItem={(p) =>
        p.cancels !== null ? (
          <List.Item>
            <Typography.Text type="secondary">
              Tháng {vnMonth(p.month)}: hủy lần nộp ghi nhầm ngày {vnDate(p.paid_on)}, người hủy: {p.recorded_by}. Lý
              do: {p.note}
            </Typography.Text>
          </List.Item>
        ) : (
          <List.Item
            data-testid={`dues-payment-${p.id}`}
            actions={
              onCancel && !p.cancelled
                ? [
                    <Button key="cancel" size="small" onClick={() => onCancel(p)}>
                      Hủy lần nộp ghi nhầm…
                    </Button>,
                  ]
                : undefined
            }
          >
            <span style={p.cancelled ? { textDecoration: 'line-through', color: '#666' } : undefined}>
              Tháng {vnMonth(p.month)}: {money(p.amount)}, nộp ngày {vnDate(p.paid_on)} ({channelLabel[p.channel]})
              {p.reference ? `, mã giao dịch ${p.reference}` : ''}
            </span>
            {p.cancelled && (
              <Tag style={{ marginInlineStart: 8 }} data-testid="cancelled-mark">
                Đã hủy
              </Tag>
            )}
          </List.Item>
        )
      }
    />
  );
}

type BasisValues = { category: string; base?: number | null; from: dayjs.Dayjs; note?: string };

// A basis from a month: the category, and its base when the category is paid as a share of it.
function BasisDialog({ code, onClose }: { code: string; onClose: () => void }) {
  const categories = duesRules().categories;
  return (
    <FormDialog<BasisValues>
      title="Ghi đối tượng và mức đóng đảng phí"
      fields={['category', 'base', 'from', 'note']}
      initialValues={{ from: dayjs(`${thisMonth()}-01`) }}
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
          },
        });
        return `Đã ghi mức đóng đảng phí từ tháng ${v.from.format('MM/YYYY')}.`;
      }}
      onClose={onClose}
    >
      {(form) => <BasisFields categories={categories} form={form} />}
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
        <FormSelect
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
        <DatePicker picker="month" format={['MM/YYYY', 'M/YYYY']} allowClear={false} />
      </Form.Item>
      <Form.Item name="note" label="Ghi chú">
        <Input maxLength={200} />
      </Form.Item>
    </>
  );
}

function CancelPaymentDialog({ code, payment, onClose }: { code: string; payment: DuesPayment; onClose: () => void }) {
  const what = `lần nộp đảng phí tháng ${vnMonth(payment.month)} (${money(payment.amount)}, ngày ${vnDate(payment.paid_on)})`;
  return (
    <FormDialog<{ reason: string }>
      title={`Hủy ${what}`}
      fields={['reason']}
      send={async (v) => {
        await client.POST('/api/v1/members/{code}/dues/payments/{id}/cancel', {
          params: { path: { code, id: payment.id } },
          body: { reason: v.reason.trim() },
        });
        return `Đã hủy ${what}; tháng ${vnMonth(payment.month)} lại là tháng chưa nộp.`;
      }}
      onClose={onClose}
      okText="Hủy lần nộp"
      okDanger
    >
      {() => (
        <>
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            message="Chỉ hủy khi đã ghi nhầm (nhầm người, nhầm tháng, nhầm số tiền)."
            description="Lần nộp không bị xóa: nó vẫn được liệt kê với dấu «Đã hủy» và lý do. Sau khi hủy, hãy ghi lại cho đúng ở «Ghi thu tháng» của sổ thu đảng phí."
          />
          <Form.Item
            name="reason"
            label="Lý do hủy"
            rules={[{ required: true, whitespace: true, message: 'Hãy ghi lý do hủy.' }]}
          >
            <Input.TextArea rows={3} maxLength={200} showCount placeholder="Ví dụ: ghi nhầm số tiền" />
          </Form.Item>
        </>
      )}
    </FormDialog>
  );
}
