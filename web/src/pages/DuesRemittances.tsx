// «Nộp đảng phí lên cấp trên» in an org's dues book: for the book's year, what the org's own book
// collected, the share it keeps, what it has to send up (the server's `to_send`), what it recorded
// as sent (`sent`, cancellations applied) and what is left; every sending recorded, for a month or
// a quarter, with the day, the amount, the superior that received it and the receipt. Whoever may
// record dues records a sending (a form dialog; a refusal is shown at the field it names) and
// cancels one recorded by mistake with its reason (the shared cancel dialog): nothing is deleted,
// a cancelled sending stays listed, marked «Đã hủy» with the reason. Every figure is the server's.
import { useState } from 'react';
import {
  Alert,
  Button,
  Card,
  Col,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Row,
  Space,
  Statistic,
  Table,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { can, type DuesRemittance, type Viewer } from '../api';
import { $api, client, errorText, queryClient } from '../client';
import { Select } from '../controls';
import { vnDate } from '../labels';
import { useNarrow } from '../shell/AppHeader';
import { vnDateTime } from '../time';
import { CancelDialog, type CancelTarget } from './CancelDialog';
import { formatMoney, money, parseMoney, thisMonth, thisYear } from './duesCells';
import { FormDialog } from './FormDialog';
import { dateFormats, iso } from './forms';

const roman = ['I', 'II', 'III', 'IV'];

// «2026-03» → «Tháng 03/2026», «2026-Q1» → «Quý I/2026»; anything else as it is.
export function remittancePeriodLabel(code: string): string {
  const m = /^(\d{4})-(?:(\d{2})|Q([1-4]))$/.exec(code);
  if (!m) return code;
  return m[2] ? `Tháng ${m[2]}/${m[1]}` : `Quý ${roman[Number(m[3]) - 1]}/${m[1]}`;
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLocaleLowerCase('vi') + s.slice(1);
}

// The periods of a year that have begun: its quarters, then its months.
function periodOptions(year: number) {
  const now = thisMonth();
  const last = year < thisYear() ? 12 : year === thisYear() ? Number(now.slice(5, 7)) : 0;
  const option = (value: string) => ({ value, label: remittancePeriodLabel(value) });
  const quarters = [1, 2, 3, 4].filter((q) => (q - 1) * 3 + 1 <= last).map((q) => option(`${year}-Q${q}`));
  const months = Array.from({ length: last }, (_, i) => option(`${year}-${String(i + 1).padStart(2, '0')}`));
  return [
    { label: 'Theo quý', title: 'Theo quý', options: quarters },
    { label: 'Theo tháng', title: 'Theo tháng', options: months },
  ];
}

// A sending inside a sentence: «lần nộp đảng phí lên cấp trên quý I/2026 (1.200.000 đ, ngày 05/04/2026)».
function remittanceWhat(r: DuesRemittance): string {
  return `lần nộp đảng phí lên cấp trên ${lowerFirst(remittancePeriodLabel(r.period))} (${money(r.amount)}, ngày ${vnDate(r.sent_on)})`;
}

export function RemittancesCard({ account, org, year }: { account: Viewer; org: string; year: number }) {
  const narrow = useNarrow();
  // A year not begun has nothing sent (the server refuses it).
  const begun = year <= thisYear();
  const answer = $api.useQuery(
    'get',
    '/api/v1/orgs/{code}/dues/remittances',
    { params: { path: { code: org }, query: { year } } },
    { enabled: !!org && begun },
  );
  const data = answer.error ? undefined : answer.data;
  const [recording, setRecording] = useState(false);
  const [cancelling, setCancelling] = useState<CancelTarget | null>(null);
  const mayRecord = can.recordDues(account);
  if (!begun) return null;
  const left = data ? Math.max(0, data.to_send - data.sent) : 0;
  // A cancellation is a record of its own: listed at the sending it cancels.
  const cancellations = new Map((data?.records ?? []).filter((r) => r.cancels !== null).map((r) => [r.cancels, r]));
  const sendings = (data?.records ?? []).filter((r) => r.cancels === null);
  const onCancel = mayRecord
    ? (r: DuesRemittance) => setCancelling({ kind: 'remittance', org, id: r.id, what: remittanceWhat(r) })
    : undefined;
  return (
    <Card
      title={`Nộp đảng phí lên cấp trên năm ${year}`}
      data-testid="dues-remittances"
      extra={
        mayRecord &&
        data && (
          <Button aria-haspopup="dialog" onClick={() => setRecording(true)} data-testid="dues-remit-new">
            Ghi nộp cấp trên
          </Button>
        )
      }
    >
      {answer.error && (
        <Alert
          type="error"
          showIcon
          message="Chưa xem được phần nộp lên cấp trên"
          description={errorText(answer.error)}
        />
      )}
      {!data && !answer.error && <div style={{ minHeight: 80 }} />}
      {data && (
        <Space direction="vertical" style={{ width: '100%' }} size="middle">
          <Typography.Text type="secondary">
            Theo sổ thu của {data.org_name} đến ngày {vnDate(data.as_of)}: phần trích giữ lại theo quy định, phần còn
            lại nộp lên cấp trên.
          </Typography.Text>
          <Row gutter={[16, 12]}>
            {(
              [
                ['Đã thu', data.collected, 'dues-remit-collected'],
                ['Trích giữ lại', data.kept, 'dues-remit-kept'],
                ['Phải nộp cấp trên', data.to_send, 'dues-remit-to-send'],
                ['Đã nộp', data.sent, 'dues-remit-sent'],
                ['Còn phải nộp', left, 'dues-remit-left'],
              ] as const
            ).map(([title, value, testid]) => (
              <Col key={testid} xs={12} sm={8} xl={4}>
                <Statistic
                  title={title}
                  value={money(value)}
                  valueStyle={{
                    fontSize: '1.3em',
                    color: testid === 'dues-remit-left' && value > 0 ? '#a8071a' : undefined,
                  }}
                  data-testid={testid}
                />
              </Col>
            ))}
          </Row>
          {data.sent > data.to_send && (
            <Typography.Text type="secondary" data-testid="dues-remit-over">
              Đã nộp nhiều hơn số phải nộp theo sổ {money(data.sent - data.to_send)}.
            </Typography.Text>
          )}
          {sendings.length === 0 ? (
            <Typography.Text data-testid="dues-remit-none">
              Năm {year} chưa ghi lần nộp lên cấp trên nào.
            </Typography.Text>
          ) : narrow ? (
            <Space direction="vertical" style={{ width: '100%' }}>
              {sendings.map((r) => (
                <div key={r.id} className="dv-dues-card" data-testid={`dues-remit-card-${r.id}`}>
                  <div>
                    <b>{remittancePeriodLabel(r.period)}</b>: <Amount record={r} />
                  </div>
                  <div>
                    Nộp ngày {vnDate(r.sent_on)}
                    {r.recipient_name ? ` cho ${r.recipient_name}` : ''}
                  </div>
                  {r.reference && <div>Chứng từ số {r.reference}</div>}
                  {r.note && <Typography.Text type="secondary">Ghi chú: {r.note}</Typography.Text>}
                  <div style={{ marginTop: 4 }}>
                    <Status record={r} cancellation={cancellations.get(r.id)} onCancel={onCancel} />
                  </div>
                </div>
              ))}
            </Space>
          ) : (
            <Table<DuesRemittance>
              size="small"
              rowKey="id"
              pagination={false}
              dataSource={sendings}
              columns={[
                { title: 'Kỳ', render: (_, r) => remittancePeriodLabel(r.period) },
                { title: 'Ngày nộp', render: (_, r) => vnDate(r.sent_on) },
                { title: 'Số tiền', align: 'right', render: (_, r) => <Amount record={r} /> },
                { title: 'Nơi nhận', dataIndex: 'recipient_name' },
                { title: 'Chứng từ', render: (_, r) => <Receipt record={r} /> },
                {
                  title: 'Trạng thái',
                  render: (_, r) => <Status record={r} cancellation={cancellations.get(r.id)} onCancel={onCancel} />,
                },
              ]}
            />
          )}
        </Space>
      )}
      {recording && data && (
        <RemittanceDialog org={org} year={year} left={left} asOf={data.as_of} onClose={() => setRecording(false)} />
      )}
      {cancelling && <CancelDialog target={cancelling} onClose={() => setCancelling(null)} />}
    </Card>
  );
}

function Amount({ record: r }: { record: DuesRemittance }) {
  return (
    <span style={{ whiteSpace: 'nowrap', ...(r.cancelled ? { textDecoration: 'line-through', color: '#666' } : {}) }}>
      {money(r.amount)}
    </span>
  );
}

function Receipt({ record: r }: { record: DuesRemittance }) {
  if (!r.reference && !r.note) return <>—</>;
  return (
    <Space direction="vertical" size={0}>
      {r.reference && <span>Số {r.reference}</span>}
      {r.note && <Typography.Text type="secondary">Ghi chú: {r.note}</Typography.Text>}
    </Space>
  );
}

// A sending standing («Đã ghi», and «Hủy» for whoever may record dues), or cancelled with its reason.
function Status({
  record: r,
  cancellation: c,
  onCancel,
}: {
  record: DuesRemittance;
  cancellation?: DuesRemittance;
  onCancel?: (r: DuesRemittance) => void;
}) {
  if (r.cancelled) {
    return (
      <Space direction="vertical" size={0} data-testid={`dues-remit-status-${r.id}`}>
        <span>
          <Tag data-testid="cancelled-mark">Đã hủy</Tag>
          {c ? `Lý do: ${c.note}` : ''}
        </span>
        {c && (
          <Typography.Text type="secondary" style={{ fontSize: '0.85em' }}>
            Hủy lúc {vnDateTime(c.recorded_at)}, người hủy: {c.recorded_by}
          </Typography.Text>
        )}
      </Space>
    );
  }
  return (
    <Space wrap size={8} data-testid={`dues-remit-status-${r.id}`}>
      <span>Đã ghi</span>
      {onCancel && (
        <Button
          size="small"
          aria-label={`Hủy ${remittanceWhat(r)}`}
          onClick={() => onCancel(r)}
          data-testid={`dues-remit-cancel-${r.id}`}
        >
          Hủy
        </Button>
      )}
    </Space>
  );
}

type RemittanceValues = {
  period: string;
  amount?: number | null;
  sent_on: Dayjs;
  reference?: string;
  note?: string;
};

// «Ghi nộp cấp trên»: the period, the amount (what is still to send, prefilled), the day, the receipt.
function RemittanceDialog({
  org,
  year,
  left,
  asOf,
  onClose,
}: {
  org: string;
  year: number;
  left: number;
  asOf: string;
  onClose: () => void;
}) {
  return (
    <FormDialog<RemittanceValues>
      title="Ghi nộp đảng phí lên cấp trên"
      name="dues-remittance"
      fields={['period', 'amount', 'sent_on', 'reference', 'note']}
      initialValues={{ amount: left > 0 ? left : undefined, sent_on: dayjs() }}
      send={async (v) => {
        const amount = Number(v.amount);
        await client.POST('/api/v1/orgs/{code}/dues/remittances', {
          params: { path: { code: org } },
          body: {
            period: v.period,
            amount,
            sent_on: iso(v.sent_on),
            reference: v.reference?.trim() || undefined,
            note: v.note?.trim() || undefined,
          },
        });
        // The figures behind the dialog are fetched again before it closes.
        await queryClient.invalidateQueries(
          { queryKey: ['get', '/api/v1/orgs/{code}/dues/remittances'] },
          { cancelRefetch: false },
        );
        return `Đã ghi nộp đảng phí lên cấp trên ${lowerFirst(remittancePeriodLabel(v.period))}: ${money(amount)}.`;
      }}
      onClose={onClose}
      maskClosable={false}
    >
      {() => (
        <>
          <Form.Item
            name="period"
            label="Kỳ nộp"
            rules={[{ required: true, message: 'Chọn kỳ nộp (tháng hoặc quý).' }]}
          >
            <Select
              placeholder="Chọn tháng hoặc quý"
              style={{ width: 260, maxWidth: '100%' }}
              options={periodOptions(year)}
            />
          </Form.Item>
          <Form.Item
            name="amount"
            label="Số tiền"
            rules={[{ required: true, message: 'Nhập số tiền đã nộp lên cấp trên.' }]}
            extra={`Còn phải nộp năm ${year} theo sổ thu đến ngày ${vnDate(asOf)}: ${money(left)}.`}
          >
            <InputNumber<number>
              style={{ width: 220, maxWidth: '100%' }}
              min={0}
              step={10000}
              precision={0}
              formatter={formatMoney}
              parser={parseMoney}
              suffix="đ"
            />
          </Form.Item>
          <Form.Item name="sent_on" label="Ngày nộp" rules={[{ required: true, message: 'Chọn ngày nộp.' }]}>
            <DatePicker format={dateFormats} allowClear={false} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
          </Form.Item>
          <Form.Item name="reference" label="Số chứng từ">
            <Input maxLength={200} placeholder="Ví dụ: số phiếu thu, số giấy nộp tiền" />
          </Form.Item>
          <Form.Item name="note" label="Ghi chú">
            <Input maxLength={200} />
          </Form.Item>
        </>
      )}
    </FormDialog>
  );
}
