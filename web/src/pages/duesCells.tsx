// What the party dues pages share: money and months as the offices write them («100.000 đ»,
// «03/2026»), the channels of payment, and one month of a member in a word or two («✓ 50.000»,
// «Chưa ghi mức», «—») with the whole sentence as its title. Every amount is the server's.
import type { CSSProperties } from 'react';
import dayjs from 'dayjs';
import type { DuesMonth } from '../api';
import { duesRules, vnDate, vnNumber } from '../labels';

export type DuesChannel = 'cash' | 'portal';

// The API's channels (not among the labels the server sends).
export const channelLabel: Record<DuesChannel, string> = {
  cash: 'Tiền mặt tại chi bộ',
  portal: 'Cổng Dịch vụ công quốc gia',
};
export const channelOptions = (Object.keys(channelLabel) as DuesChannel[]).map((value) => ({
  value,
  label: channelLabel[value],
}));

export function money(n: number): string {
  return `${vnNumber(n)} đ`;
}

// An amount field: whole đồng with the dots the offices write (100.000); whatever is typed besides
// digits is dropped. The digits go back as text: an empty field is then no amount, not 0 (the
// input parses the text itself).
export const formatMoney = (v: number | string | undefined) =>
  v === undefined || v === null || v === '' ? '' : vnNumber(Number(v));
export const parseMoney = (s: string | undefined) => (s ?? '').replace(/\D/g, '') as unknown as number;

// «2026-03» → «03/2026».
export function vnMonth(month: string): string {
  const [y, m] = month.split('-');
  return `${m}/${y}`;
}

// «2026-03» → 3.
export function monthNumber(month: string): number {
  return Number(month.slice(5, 7));
}

// This month in Việt Nam, as the API writes it (2026-12).
export function thisMonth(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date()).slice(0, 7);
}

export function thisYear(): number {
  return Number(thisMonth().slice(0, 4));
}

// The years offered: next year (dues paid ahead) back to six years ago.
export function yearOptions(): { value: number; label: string }[] {
  const y = thisYear();
  return Array.from({ length: 8 }, (_, i) => y + 1 - i).map((v) => ({ value: v, label: `Năm ${v}` }));
}

export function parseYear(s: string | null): number | undefined {
  const y = Number(s);
  return Number.isInteger(y) && y >= 1930 && y <= 2200 ? y : undefined;
}

// Readable on white and on the flagged row's pale red (4.5:1 and more).
const tones: Record<string, CSSProperties> = {
  paid: { color: '#1e5e0b' },
  late: { color: '#a8071a', fontWeight: 600 },
  open: {},
  ahead: { color: 'rgba(0, 0, 0, 0.64)' },
  missing: { color: '#873800' },
  none: { color: 'rgba(0, 0, 0, 0.64)' },
};

export interface MonthShown {
  text: string;
  title: string;
  tone: keyof typeof tones;
}

// One month of a member. `book`: the month is read in an org's book (in_book: in this org's
// book), else in the member's own dues (in_book: a member that month).
export function monthShown(m: DuesMonth, book: boolean): MonthShown {
  const at = `Tháng ${vnMonth(m.month)}`;
  if (!m.in_book) {
    return {
      text: '—',
      tone: 'none',
      title: `${at}: ${book ? 'không thuộc sổ chi bộ tháng này' : 'không là đảng viên trong tháng này'}.`,
    };
  }
  if (m.payment) {
    const p = m.payment;
    return {
      text: `✓\u2009${vnNumber(p.amount)}`,
      tone: 'paid',
      title: `${at}: đã nộp ${money(p.amount)} ngày ${vnDate(p.paid_on)} (${channelLabel[p.channel]}).`,
    };
  }
  if (m.owed && m.owed.amount === 0) {
    const why =
      m.owed.why === 'party_age'
        ? `từ đủ ${duesRules().exempt_party_age_years} năm tuổi Đảng`
        : 'theo quyết định miễn đảng phí';
    return { text: 'Miễn', tone: 'none', title: `${at}: được miễn đảng phí (${why}).` };
  }
  if (m.owed) {
    const now = thisMonth();
    const reduced = m.owed.why === 'reduction' ? ` (đã giảm, mức đủ là ${money(m.owed.full)})` : '';
    return {
      text: vnNumber(m.owed.amount),
      tone: m.month < now ? 'late' : m.month === now ? 'open' : 'ahead',
      title: `${at}: chưa nộp, phải nộp ${money(m.owed.amount)}${reduced}.`,
    };
  }
  return {
    text: 'Chưa ghi mức',
    tone: 'missing',
    title: `${at}: ${
      m.missing === 'base' ? 'chưa ghi mức tiền làm căn cứ đóng đảng phí' : 'chưa ghi đối tượng đóng đảng phí'
    }, chưa tính được số phải nộp.`,
  };
}

export function MonthCell({ month, book, testid }: { month: DuesMonth; book: boolean; testid?: string }) {
  const s = monthShown(month, book);
  return (
    <span title={s.title} data-testid={testid} style={{ ...tones[s.tone], whiteSpace: 'nowrap' }}>
      {s.text}
    </span>
  );
}

// What the marks in the months mean, said once above them.
export function MonthLegend({ book }: { book: boolean }) {
  return (
    <span>
      <span style={tones.paid}>✓ 50.000</span>: đã nộp (đồng) · <span style={tones.late}>50.000</span>: chưa nộp, số
      phải nộp · <span style={tones.missing}>Chưa ghi mức</span>: chưa ghi mức đóng · Miễn: được miễn · —:{' '}
      {book ? 'không thuộc sổ chi bộ tháng này' : 'không là đảng viên'}
    </span>
  );
}

// A month as a Dayjs (the first day), for the month pickers.
export function monthDay(month: string): dayjs.Dayjs {
  return dayjs(`${month}-01`);
}
