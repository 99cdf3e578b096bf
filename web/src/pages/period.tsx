// Reporting periods as the server names them (2026-03, 2026-Q1, 2026-H1, 2026, 2020-2025) and a
// picker that offers them in Vietnamese.
import { InputNumber, Space } from 'antd';
import dayjs from 'dayjs';
import { Select } from '../controls';

export type PeriodKind = 'month' | 'quarter' | 'half' | 'year' | 'term';

export interface PeriodValue {
  kind: PeriodKind;
  year: number;
  part: number; // month 1–12, quarter 1–4, half 1–2; term: its length in years
}

export function periodCode(p: PeriodValue): string {
  switch (p.kind) {
    case 'month':
      return `${p.year}-${String(p.part).padStart(2, '0')}`;
    case 'quarter':
      return `${p.year}-Q${p.part}`;
    case 'half':
      return `${p.year}-H${p.part}`;
    case 'year':
      return `${p.year}`;
    case 'term':
      return `${p.year}-${p.year + 5}`;
  }
}

// A period from its code as the server names it (periodCode's inverse; a page's address keeps
// it); null for anything else.
export function parsePeriod(code: string | null | undefined): PeriodValue | null {
  const m = /^(\d{4})(?:-(\d{2})|-Q([1-4])|-H([12])|-(\d{4}))?$/.exec(code ?? '');
  if (!m) return null;
  const year = Number(m[1]);
  if (m[2]) {
    const month = Number(m[2]);
    return month >= 1 && month <= 12 ? { kind: 'month', year, part: month } : null;
  }
  if (m[3]) return { kind: 'quarter', year, part: Number(m[3]) };
  if (m[4]) return { kind: 'half', year, part: Number(m[4]) };
  if (m[5]) return Number(m[5]) === year + 5 ? { kind: 'term', year, part: 1 } : null;
  return { kind: 'year', year, part: 1 };
}

// The last day of a period (a term: its last year's 31 December).
export function periodEnd(p: PeriodValue): dayjs.Dayjs {
  const y = dayjs(`${p.year}-01-01`);
  switch (p.kind) {
    case 'month':
      return y.month(p.part - 1).endOf('month');
    case 'quarter':
      return y.month(p.part * 3 - 1).endOf('month');
    case 'half':
      return y.month(p.part * 6 - 1).endOf('month');
    case 'year':
      return y.endOf('year');
    case 'term':
      return y.add(p.part, 'year').endOf('year');
  }
}

// The latest period of a kind that has ended by `today` (a review looks back on a finished one).
export function latestEndedPeriod(kind: PeriodKind, today = dayjs()): PeriodValue {
  const months = { month: 1, quarter: 3, half: 6, year: 12, term: 12 }[kind];
  // The start of the current period, then one period back.
  const index = Math.floor(today.month() / months);
  const start = today
    .startOf('year')
    .add(index * months, 'month')
    .subtract(months, 'month');
  return {
    kind,
    year: start.year(),
    part: kind === 'year' || kind === 'term' ? 1 : Math.floor(start.month() / months) + 1,
  };
}

// The report an office is most likely writing today: the year's review in December and January
// (tổng kết năm), the first half's in July (sơ kết 6 tháng, often held just after 30 June), and
// otherwise the half-year under way.
export function defaultPeriod(today = dayjs()): PeriodValue {
  const month = today.month() + 1;
  const year = today.year();
  if (month === 12) return { kind: 'year', year, part: 1 };
  if (month === 1) return { kind: 'year', year: year - 1, part: 1 };
  if (month === 7) return { kind: 'half', year, part: 1 };
  return { kind: 'half', year, part: month <= 6 ? 1 : 2 };
}

// Congress terms run five years from a year ending in 0 or 5 (2020–2025, 2025–2030).
function currentTermStart(year: number): number {
  return year - (year % 5);
}

// When the kind changes, the period offered is the one that contains today (the current term).
function switchKind(value: PeriodValue, kind: PeriodKind): PeriodValue {
  const now = new Date();
  const month = now.getMonth() + 1;
  const year = value.kind === 'term' ? now.getFullYear() : value.year;
  switch (kind) {
    case 'month':
      return { kind, year, part: month };
    case 'quarter':
      return { kind, year, part: Math.ceil(month / 3) };
    case 'half':
      return { kind, year, part: month <= 6 ? 1 : 2 };
    case 'year':
      return { kind, year, part: 1 };
    case 'term':
      return { kind, year: currentTermStart(now.getFullYear()), part: 1 };
  }
}

const roman = ['I', 'II', 'III', 'IV'];
// The current term and the three before it.
const terms = [0, 5, 10, 15].map((back) => currentTermStart(new Date().getFullYear()) - back);

const kindOptions: { value: PeriodKind; label: string }[] = [
  { value: 'month', label: 'Tháng' },
  { value: 'quarter', label: 'Quý' },
  { value: 'half', label: '6 tháng' },
  { value: 'year', label: 'Năm' },
  { value: 'term', label: 'Nhiệm kỳ' },
];

// `kinds`: the kinds a page offers (every kind when not given).
export function PeriodPicker({
  value,
  onChange,
  kinds,
}: {
  value: PeriodValue;
  onChange: (p: PeriodValue) => void;
  kinds?: readonly PeriodKind[];
}) {
  const parts: { value: number; label: string }[] =
    value.kind === 'month'
      ? Array.from({ length: 12 }, (_, i) => ({ value: i + 1, label: `Tháng ${i + 1}` }))
      : value.kind === 'quarter'
        ? roman.map((r, i) => ({ value: i + 1, label: `Quý ${r}` }))
        : value.kind === 'half'
          ? [
              { value: 1, label: '6 tháng đầu năm' },
              { value: 2, label: '6 tháng cuối năm' },
            ]
          : [];
  return (
    <Space wrap>
      <Select
        aria-label="Loại kỳ"
        data-testid="period-kind"
        value={value.kind}
        style={{ width: 120 }}
        onChange={(kind: PeriodKind) => onChange(switchKind(value, kind))}
        options={kinds ? kindOptions.filter((k) => kinds.includes(k.value)) : kindOptions}
      />
      {parts.length > 0 && (
        <Select
          aria-label="Kỳ"
          data-testid="period-part"
          value={value.part}
          style={{ width: 170 }}
          onChange={(part: number) => onChange({ ...value, part })}
          options={parts}
        />
      )}
      {value.kind === 'term' ? (
        <Select
          aria-label="Nhiệm kỳ"
          data-testid="period-term"
          value={value.year}
          style={{ width: 170 }}
          onChange={(year: number) => onChange({ ...value, year })}
          options={terms.map((y) => ({ value: y, label: `Nhiệm kỳ ${y}–${y + 5}` }))}
        />
      ) : (
        <InputNumber
          aria-label="Năm"
          data-testid="period-year"
          value={value.year}
          min={1990}
          max={2100}
          onChange={(y) => y && onChange({ ...value, year: y })}
          addonBefore="Năm"
        />
      )}
    </Space>
  );
}
