// «Ghi thu tháng»: a month's payments of a branch recorded at once, as the secretary collects them
// at the meeting. Every member of the book who owes the month and has not paid it is listed,
// ticked, with the amount owed; the secretary unticks who did not pay, corrects an amount, a day
// or the channel, and sends it all in one request (one transaction on the server). A refusal names
// the row (`payments[3].amount`) and is shown at that member; nothing typed is lost.
import { useMemo, useState } from 'react';
import { Alert, Button, Card, Checkbox, DatePicker, InputNumber, Select, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { ApiError, type DuesBook, type DuesMonth, type DuesPaymentInput } from '../api';
import { client } from '../client';
import { queryClient } from '../queryClient';
import { vnNumber } from '../labels';
import { atField, dateFormat, dateFormats, iso, listItemField } from './forms';
import {
  channelLabel,
  channelOptions,
  formatMoney,
  money,
  parseMoney,
  thisMonth,
  vnMonth,
  type DuesChannel,
} from './duesCells';

// A member who owes the month and has not paid it.
interface Line {
  member: string;
  name: string;
  owed: number | null; // null: no basis recorded, the amount is typed
}

// What the secretary changed on a line; the rest is the defaults.
interface LineEdit {
  checked?: boolean;
  amount?: number | null;
  paidOn?: Dayjs | null;
  channel?: DuesChannel;
  open?: boolean; // the line's own day and channel shown
}

interface LineError {
  field: string; // member, amount, paid_on, channel
  message: string;
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLocaleLowerCase('vi') + s.slice(1);
}

// Owed and not paid: in the book, no payment, something to pay (an exempt month is not listed).
function owes(m: DuesMonth | undefined): boolean {
  return !!m && m.in_book && !m.payment && !(m.owed && m.owed.amount === 0);
}

function linesOf(book: DuesBook, month: string): Line[] {
  const i = book.months.indexOf(month);
  return book.rows
    .filter((r) => owes(r.months[i]))
    .map((r) => ({ member: r.member, name: r.name, owed: r.months[i].owed?.amount ?? null }));
}

// This month when it is in the book's year; otherwise the first month someone still owes.
function defaultMonth(book: DuesBook): string {
  const now = thisMonth();
  if (book.months.includes(now)) return now;
  return book.months.find((m) => linesOf(book, m).length > 0) ?? book.months[0];
}

export function RecordMonth({ book }: { book: DuesBook }) {
  const [month, setMonth] = useState(() => defaultMonth(book));
  // The day and channel for the whole list; a line may have its own.
  const [paidOn, setPaidOn] = useState<Dayjs | null>(dayjs());
  const [channel, setChannel] = useState<DuesChannel>('cash');
  // By month, then by member: switching months keeps what was typed in each.
  const [edits, setEdits] = useState<Record<string, Record<string, LineEdit>>>({});
  const [errors, setErrors] = useState<Record<string, LineError>>({});
  const [general, setGeneral] = useState('');
  const [done, setDone] = useState('');
  const [saving, setSaving] = useState(false);
  const lines = useMemo(() => linesOf(book, month), [book, month]);
  const counts = useMemo(() => new Map(book.months.map((m) => [m, linesOf(book, m).length])), [book]);
  const monthEdits = edits[month] ?? {};
  const valueOf = (l: Line) => ({
    checked: l.owed !== null,
    amount: l.owed,
    paidOn,
    channel,
    open: false,
    ...monthEdits[l.member],
  });
  // A change on a line clears the refusal shown at it.
  const edit = (member: string, e: LineEdit, keepError = false) => {
    setEdits((all) => ({ ...all, [month]: { ...all[month], [member]: { ...all[month]?.[member], ...e } } }));
    if (!keepError) setErrors(({ [member]: _gone, ...rest }) => rest);
  };
  // A day or channel for the whole list replaces the lines' own.
  const setAll = (e: { paidOn?: Dayjs | null; channel?: DuesChannel }) => {
    setEdits((all) => {
      const mine = Object.fromEntries(
        Object.entries(all[month] ?? {}).map(([member, le]) => {
          const next = { ...le };
          if (e.paidOn !== undefined) delete next.paidOn;
          if (e.channel !== undefined) delete next.channel;
          return [member, next];
        }),
      );
      return { ...all, [month]: mine };
    });
    if (e.paidOn !== undefined) setPaidOn(e.paidOn);
    if (e.channel !== undefined) setChannel(e.channel);
  };
  const tickAll = (checked: boolean) =>
    setEdits((all) => ({
      ...all,
      [month]: Object.fromEntries(lines.map((l) => [l.member, { ...all[month]?.[l.member], checked }])),
    }));

  const chosen = lines.filter((l) => valueOf(l).checked);
  const total = chosen.reduce((sum, l) => sum + (valueOf(l).amount ?? 0), 0);
  const showErrors = (found: Record<string, LineError>) => {
    setErrors(found);
    // A refused day or channel is shown at the line's own fields.
    for (const [member, e] of Object.entries(found))
      if (e.field === 'paid_on' || e.field === 'channel') edit(member, { open: true }, true);
    const first = lines.find((l) => found[l.member]);
    // Once the line shows its error.
    if (first)
      setTimeout(() => document.getElementById(`dues-line-${first.member}`)?.scrollIntoView({ block: 'center' }));
  };

  const submit = async () => {
    setDone('');
    setGeneral('');
    if (chosen.length === 0) {
      setGeneral('Chưa đánh dấu đảng viên nào đã nộp.');
      return;
    }
    const found: Record<string, LineError> = {};
    for (const l of chosen) {
      const v = valueOf(l);
      if (!v.amount || v.amount <= 0) found[l.member] = { field: 'amount', message: 'Nhập số tiền đã nộp.' };
      else if (!v.paidOn) found[l.member] = { field: 'paid_on', message: 'Chọn ngày nộp.' };
    }
    if (Object.keys(found).length) {
      showErrors(found);
      return;
    }
    const payments: DuesPaymentInput[] = chosen.map((l) => {
      const v = valueOf(l);
      // The amount owed is left to the server (it computes it again); only another one is sent.
      return {
        member: l.member,
        ...(v.amount !== l.owed ? { amount: v.amount } : {}),
        paid_on: iso(v.paidOn),
        channel: v.channel,
      };
    });
    setSaving(true);
    try {
      await client.POST('/api/v1/orgs/{code}/dues/{month}', {
        params: { path: { code: book.org, month } },
        body: { payments },
      });
      setErrors({});
      // The book is fetched again (every write marks all answers stale); the lines paid leave the
      // list once it has come.
      await queryClient.refetchQueries(
        { queryKey: ['get', '/api/v1/orgs/{code}/dues'], type: 'active' },
        { cancelRefetch: false },
      );
      setDone(
        `Đã ghi thu đảng phí tháng ${vnMonth(month)}: ${vnNumber(payments.length)} đảng viên, cộng ${money(total)}.`,
      );
    } catch (e) {
      if (!(e instanceof ApiError)) {
        setGeneral('Không kết nối được máy chủ. Danh sách vẫn giữ nguyên, hãy ghi lại.');
        return;
      }
      const item = listItemField(e.field, 'payments');
      const line = item ? chosen[item[0]] : undefined;
      if (line && item) showErrors({ [line.member]: { field: item[1] || 'member', message: atField(e.message) } });
      else setGeneral(e.message);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Card title="Ghi thu tháng" data-testid="dues-record-month">
      <Space direction="vertical" style={{ width: '100%' }} size="middle">
        <Space wrap align="end">
          <Space direction="vertical" size={2}>
            <label htmlFor="dues-month">Tháng</label>
            <Select
              id="dues-month"
              style={{ width: 320, maxWidth: '100%' }}
              value={month}
              onChange={(m: string) => {
                setMonth(m);
                setErrors({});
                setGeneral('');
                setDone('');
              }}
              options={book.months.map((m) => ({
                value: m,
                label:
                  `Tháng ${vnMonth(m)}` +
                  ((counts.get(m) ?? 0) > 0 ? ` (${vnNumber(counts.get(m) ?? 0)} người chưa nộp)` : ''),
              }))}
            />
          </Space>
          <Space direction="vertical" size={2}>
            <label htmlFor="dues-paid-on">Ngày nộp (cả danh sách)</label>
            <DatePicker
              id="dues-paid-on"
              format={dateFormats}
              value={paidOn}
              allowClear={false}
              disabledDate={(d) => d.isAfter(dayjs(), 'day')}
              onChange={(d) => setAll({ paidOn: d })}
            />
          </Space>
          <Space direction="vertical" size={2}>
            <label htmlFor="dues-channel">Hình thức nộp (cả danh sách)</label>
            <Select
              id="dues-channel"
              style={{ width: 260, maxWidth: '100%' }}
              value={channel}
              options={channelOptions}
              onChange={(c: DuesChannel) => setAll({ channel: c })}
            />
          </Space>
        </Space>
        {lines.length === 0 ? (
          <Typography.Text data-testid="dues-month-none">
            Tháng {vnMonth(month)}: không còn đảng viên nào trong sổ phải nộp mà chưa nộp.
          </Typography.Text>
        ) : (
          <>
            <Typography.Text>
              Đánh dấu người đã nộp, bỏ dấu người chưa nộp. Số tiền ghi sẵn là số phải nộp; ai nộp nhiều hơn thì sửa
              lại.
            </Typography.Text>
            <Space wrap>
              <Button size="small" onClick={() => tickAll(true)}>
                Đánh dấu tất cả
              </Button>
              <Button size="small" onClick={() => tickAll(false)}>
                Bỏ dấu tất cả
              </Button>
            </Space>
            <div data-testid="dues-month-lines">
              {lines.map((l) => (
                <LineRow
                  key={`${month}-${l.member}`}
                  line={l}
                  value={valueOf(l)}
                  error={errors[l.member]}
                  onChange={(e) => edit(l.member, e)}
                />
              ))}
            </div>
          </>
        )}
        {done && <Alert type="success" showIcon message={done} data-testid="dues-month-done" />}
        {(lines.length > 0 || general) && (
          // Kept in sight at the bottom of the screen while the list scrolls.
          <div className="dv-dues-submit">
            {general && (
              <Alert
                type="error"
                showIcon
                message={general}
                data-testid="dues-month-error"
                style={{ marginBottom: 8 }}
              />
            )}
            {lines.length > 0 && (
              <Space wrap align="center">
                <Button type="primary" size="large" loading={saving} onClick={submit} data-testid="dues-month-submit">
                  Ghi thu tháng {vnMonth(month)}
                </Button>
                <Typography.Text>
                  {vnNumber(chosen.length)} người đã nộp, cộng {money(total)}
                </Typography.Text>
              </Space>
            )}
          </div>
        )}
      </Space>
    </Card>
  );
}

function LineRow({
  line,
  value,
  error,
  onChange,
}: {
  line: Line;
  value: Required<LineEdit>;
  error?: LineError;
  onChange: (e: LineEdit) => void;
}) {
  const id = `dues-line-${line.member}`;
  const at = (field: string) => (error?.field === field ? ('error' as const) : undefined);
  return (
    <div id={id} data-testid={id} className={error ? 'dv-dues-line dv-dues-line-error' : 'dv-dues-line'}>
      <div className="dv-dues-line-name">
        <Checkbox checked={value.checked} onChange={(e) => onChange({ checked: e.target.checked })}>
          <b>{line.name}</b>
        </Checkbox>
      </div>
      <Typography.Text type="secondary" className="dv-dues-line-owed">
        {line.owed !== null ? `Phải nộp ${money(line.owed)}` : 'Chưa ghi mức đóng'}
      </Typography.Text>
      <Space size={6}>
        <label htmlFor={`${id}-amount`}>Số tiền</label>
        <InputNumber<number>
          id={`${id}-amount`}
          style={{ width: 140 }}
          min={1}
          step={1000}
          precision={0}
          value={value.amount}
          placeholder={line.owed === null ? 'Nhập nếu đã nộp' : undefined}
          formatter={formatMoney}
          parser={parseMoney}
          suffix="đ"
          status={at('amount')}
          onChange={(amount) => onChange(amount && amount > 0 ? { amount, checked: true } : { amount })}
        />
      </Space>
      {value.open ? (
        <>
          <Space size={6}>
            <label htmlFor={`${id}-paid-on`}>Ngày nộp</label>
            <DatePicker
              id={`${id}-paid-on`}
              style={{ width: 150 }}
              format={dateFormats}
              value={value.paidOn}
              status={at('paid_on')}
              disabledDate={(d) => d.isAfter(dayjs(), 'day')}
              onChange={(paidOn) => onChange({ paidOn })}
            />
          </Space>
          <Space size={6}>
            <label htmlFor={`${id}-channel`}>Hình thức</label>
            <Select
              id={`${id}-channel`}
              style={{ width: 240, maxWidth: '100%' }}
              value={value.channel}
              status={at('channel')}
              options={channelOptions}
              onChange={(channel: DuesChannel) => onChange({ channel })}
            />
          </Space>
        </>
      ) : (
        <Typography.Text type="secondary">
          Nộp ngày {value.paidOn ? value.paidOn.format(dateFormat) : '—'}, {lowerFirst(channelLabel[value.channel])}{' '}
          <Button type="link" size="small" onClick={() => onChange({ open: true })} style={{ padding: 0 }}>
            Sửa
          </Button>
        </Typography.Text>
      )}
      {error && (
        <Typography.Text type="danger" role="alert" data-testid={`${id}-error`} className="dv-dues-line-error-text">
          {error.message}
        </Typography.Text>
      )}
    </div>
  );
}
