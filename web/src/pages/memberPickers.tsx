// Picking members in the work forms: a branch's members on a date, and a search by name.
import { useEffect, useState } from 'react';
import {} from 'antd';
import { Select } from '../controls';
import type { Dayjs } from 'dayjs';

import { iso } from './forms';
import { $api } from '../client';

// The members a branch expects at its meeting on a date: its probationary and full members then
// (candidates and former members are not expected), in the server's Vietnamese order.
export function useBranchMembers(org: string | undefined, date: Dayjs | undefined) {
  const at = iso(date);
  const list = $api.useQuery(
    'get',
    '/api/v1/members',
    { params: { query: { org, at: at || undefined, status: 'all', limit: 5000 } } },
    { enabled: !!org },
  );
  const rows = org ? (list.data?.rows ?? []).filter((m) => expectedStatus.has(m.status)) : [];
  return rows.map((m) => ({ value: m.code, label: `${m.full_name} (${m.code})` }));
}
const expectedStatus = new Set(['probationary', 'official']);

// A member of the conducting organization's subtree, found by name (with or without diacritics)
// or by code; `anywhere`: of every org the account holds (no org to choose first). `status` narrows
// the search (a sponsor is an official member); `shown` is how a value already held reads.
export function MemberSearch({
  org,
  date,
  value,
  onChange,
  id,
  label = 'Đảng viên được kiểm tra, giám sát',
  anywhere = false,
  status,
  shown,
  placeholder = 'Gõ họ tên (có thể không dấu) hoặc mã đảng viên',
}: {
  org: string | undefined;
  date?: Dayjs;
  value?: string;
  onChange?: (v: string) => void;
  id?: string;
  label?: string;
  anywhere?: boolean;
  status?: 'official';
  shown?: string;
  placeholder?: string;
}) {
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  const at = iso(date);
  const ready = anywhere || !!org;
  // A request once the typing pauses, not per keystroke.
  useEffect(() => {
    const t = setTimeout(() => setQ(typed.trim()), 250);
    return () => clearTimeout(t);
  }, [typed]);
  const found = $api.useQuery(
    'get',
    '/api/v1/members',
    { params: { query: { org, at: at || undefined, q, status, limit: 30 } } },
    { enabled: ready && q.length >= 2 },
  );
  const options =
    ready && q.length >= 2
      ? (found.data?.rows ?? []).map((m) => ({
          value: m.code,
          label: `${m.full_name} (${m.code}) – ${m.org}`,
        }))
      : [];
  // The value held, until a search lists it (a record being corrected).
  if (value && shown && !options.some((o) => o.value === value)) options.unshift({ value, label: shown });
  return (
    <Select
      id={id}
      aria-label={label}
      showSearch
      allowClear
      value={value}
      onChange={onChange}
      filterOption={false}
      onSearch={setTyped}
      options={options}
      placeholder={ready ? placeholder : 'Chọn tổ chức tiến hành trước'}
      notFoundContent={
        typed.trim().length < 2 ? 'Gõ ít nhất 2 ký tự' : found.isFetching ? 'Đang tìm…' : 'Không tìm thấy'
      }
    />
  );
}
