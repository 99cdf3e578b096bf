// «Đảng phí» on a member's page: the year's twelve months (paid, owed, exempt, no basis yet), what
// the dues rest on (each basis, exemption and reduction with its decision; a corrected or cancelled
// record struck through) and the year's payments. Whoever may record dues records the basis, an
// exemption or a reduction with its decision (DuesRecordForms.tsx), corrects («Sửa») or cancels
// («Hủy») a record in force, and cancels a payment recorded by mistake (a record of its own, with
// the reason). A write marks every answer stale (client.ts): the months, and the branch's book,
// are fetched again with the new amounts.
import { useState } from 'react';
import { Alert, Button, Card, List, Select, Space, Tag, Typography } from 'antd';
import { can, type DuesPayment, type DuesRecord, type Viewer } from '../api';
import { $api, client, errorText } from '../client';
import { duesCategoryLabel, upperFirst, vnDate } from '../labels';
import { vnDateTime } from '../time';
import { CancelReason } from './CancelDialog';
import { FormDialog } from './FormDialog';
import { BasisDialog, DecisionDialog, groundLabel, recordWhat, VoidRecordDialog } from './DuesRecordForms';
import { channelLabel, money, MonthCell, MonthLegend, monthNumber, thisYear, vnMonth, yearOptions } from './duesCells';

// The dialog open: a new record of a kind, the correction of a record, or its cancellation.
type Writing =
  | { form: DuesRecord['kind']; replacing?: DuesRecord }
  | { form: 'void'; record: DuesRecord }
  | { form: 'payment'; payment: DuesPayment };

export function MemberDuesCard({ account, code }: { account: Viewer; code: string }) {
  const [year, setYear] = useState(thisYear());
  const answer = $api.useQuery('get', '/api/v1/members/{code}/dues', {
    params: { path: { code }, query: { year } },
  });
  const dues = answer.error ? undefined : answer.data;
  const [writing, setWriting] = useState<Writing | null>(null);
  const close = () => setWriting(null);
  const mayRecord = can.recordDues(account);
  const inYear = (month: string) => month.startsWith(`${year}-`);
  // The records a later one cancelled (the others replaced were corrected).
  const voided = new Set((dues?.records ?? []).filter((r) => r.voids && r.replaces !== null).map((r) => r.replaces));
  return (
    <Card
      title="Đảng phí"
      data-testid="member-dues"
      extra={<Select aria-label="Năm" style={{ width: 120 }} value={year} options={yearOptions()} onChange={setYear} />}
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
            {mayRecord && (
              <Space wrap style={{ marginBottom: 8 }}>
                <Button onClick={() => setWriting({ form: 'basis' })} data-testid="dues-basis-new">
                  Ghi mức đóng…
                </Button>
                <Button onClick={() => setWriting({ form: 'exemption' })} data-testid="dues-exemption-new">
                  Ghi miễn đảng phí…
                </Button>
                <Button onClick={() => setWriting({ form: 'reduction' })} data-testid="dues-reduction-new">
                  Ghi giảm đảng phí…
                </Button>
              </Space>
            )}
            {dues.records.length === 0 ? (
              <Typography.Text data-testid="dues-no-records" style={{ display: 'block' }}>
                Chưa ghi đối tượng và mức đóng đảng phí của đảng viên này.
              </Typography.Text>
            ) : (
              <List
                size="small"
                dataSource={[...dues.records].reverse()}
                renderItem={(r) => (
                  <List.Item
                    data-testid={`dues-record-${r.id}`}
                    actions={
                      mayRecord && !r.replaced && !r.voids
                        ? [
                            <Button
                              key="edit"
                              size="small"
                              aria-label={`Sửa bản ghi ${recordWhat(r)}`}
                              data-testid={`dues-record-${r.id}-edit`}
                              onClick={() => setWriting({ form: r.kind, replacing: r })}
                            >
                              Sửa
                            </Button>,
                            <Button
                              key="void"
                              size="small"
                              aria-label={`Hủy bản ghi ${recordWhat(r)}`}
                              data-testid={`dues-record-${r.id}-void`}
                              onClick={() => setWriting({ form: 'void', record: r })}
                            >
                              Hủy
                            </Button>,
                          ]
                        : undefined
                    }
                  >
                    <RecordText record={r} voided={voided.has(r.id)} />
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
              onCancel={mayRecord ? (payment) => setWriting({ form: 'payment', payment }) : undefined}
            />
          </div>
        </Space>
      )}
      {writing?.form === 'basis' && <BasisDialog code={code} replacing={writing.replacing} onClose={close} />}
      {(writing?.form === 'exemption' || writing?.form === 'reduction') && (
        <DecisionDialog code={code} kind={writing.form} replacing={writing.replacing} onClose={close} />
      )}
      {writing?.form === 'void' && <VoidRecordDialog code={code} record={writing.record} onClose={close} />}
      {writing?.form === 'payment' && <CancelPaymentDialog code={code} payment={writing.payment} onClose={close} />}
    </Card>
  );
}

// A record in words; one replaced by a later one struck through, marked «Đã sửa» or «Đã hủy».
function RecordText({ record: r, voided }: { record: DuesRecord; voided: boolean }) {
  const period = r.to ? `từ tháng ${vnMonth(r.from)} đến tháng ${vnMonth(r.to)}` : `từ tháng ${vnMonth(r.from)}`;
  const decision = [r.decision_no && `quyết định số ${r.decision_no}`, r.decided_by].filter(Boolean).join(', ');
  let text: string;
  if (r.voids) text = `Hủy bản ghi nhầm: ${recordWhat(r)}`;
  else if (r.kind === 'basis')
    text =
      `${upperFirst(period)}: ${duesCategoryLabel(r.category)}` +
      (r.base !== null ? `, mức căn cứ ${money(r.base)}/tháng` : '');
  else if (r.kind === 'exemption') text = `Miễn đảng phí ${period}: ${groundLabel(r.ground)}`;
  else text = `Giảm ${r.percent}% đảng phí ${period}`;
  return (
    <Space direction="vertical" size={0}>
      <span>
        <span style={r.replaced ? { textDecoration: 'line-through', color: '#666' } : undefined}>
          {text}
          {decision && r.kind !== 'basis' && !r.voids ? ` (${decision})` : ''}
        </span>
        {r.replaced && (
          <Tag style={{ marginInlineStart: 8 }} data-testid={voided ? 'cancelled-mark' : 'corrected-mark'}>
            {voided ? 'Đã hủy' : 'Đã sửa'}
          </Tag>
        )}
      </span>
      <Typography.Text type="secondary" style={{ fontSize: '0.85em' }}>
        {r.voids ? 'Hủy' : r.replaces !== null ? 'Sửa' : 'Ghi'} lúc {vnDateTime(r.recorded_at)}, người{' '}
        {r.voids ? 'hủy' : 'ghi'}: {r.recorded_by}
        {r.note ? `. ${r.voids ? 'Lý do' : 'Ghi chú'}: ${r.note}` : ''}
      </Typography.Text>
    </Space>
  );
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

function CancelPaymentDialog({ code, payment, onClose }: { code: string; payment: DuesPayment; onClose: () => void }) {
  const what = `lần nộp đảng phí tháng ${vnMonth(payment.month)} (${money(payment.amount)}, ngày ${vnDate(payment.paid_on)})`;
  return (
    <FormDialog<{ reason: string }>
      title={`Hủy ${what}`}
      name="dues-payment-cancel"
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
          <CancelReason maxLength={200} placeholder="Ví dụ: ghi nhầm số tiền" />
        </>
      )}
    </FormDialog>
  );
}
