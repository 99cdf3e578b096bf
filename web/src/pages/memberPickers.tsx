// Picking members in the work forms: a branch's members on a date, and a search by name.
import { useEffect, useState } from 'react';
import {} from 'antd';
import { Select } from '../controls';
import type { Dayjs } from 'dayjs';
import { api, query, type MemberRow } from '../api';
import { iso } from './forms';

// The members a branch expects at its meeting on a date: its probationary and full members then
// (candidates and former members are not expected), in the server's Vietnamese order.
export function useBranchMembers(org: string | undefined, date: Dayjs | undefined) {
  const [rows, setRows] = useState<MemberRow[]>([]);
  const at = iso(date);
  useEffect(() => {
    if (!org) return setRows([]);
    let current = true;
    api
      .get<{ rows: MemberRow[] }>(`/api/v1/members${query({ org, at, status: 'all', limit: 5000 })}`)
      .then((d) => current && setRows(d.rows.filter((m) => expectedStatus.has(m.status))))
      .catch(() => current && setRows([]));
    return () => {
      current = false;
    };
  }, [org, at]);
  return rows.map((m) => ({ value: m.code, label: `${m.full_name} (${m.code})` }));
}
const expectedStatus = new Set(['probationary', 'official']);

// A member of the conducting organization's subtree, found by name (with or without diacritics)
// or by code.
export function MemberSearch({
  org,
  date,
  value,
  onChange,
  label = 'Đảng viên được kiểm tra, giám sát',
}: {
  org: string | undefined;
  date: Dayjs | undefined;
  value?: string;
  onChange?: (v: string) => void;
  label?: string;
}) {
  const [options, setOptions] = useState<{ value: string; label: string }[]>([]);
  const [q, setQ] = useState('');
  const at = iso(date);
  useEffect(() => {
    if (!org || q.trim().length < 2) return setOptions([]);
    let current = true;
    const timer = setTimeout(() => {
      api
        .get<{ rows: MemberRow[] }>(`/api/v1/members${query({ org, at, q: q.trim(), limit: 30 })}`)
        .then(
          (d) =>
            current &&
            setOptions(d.rows.map((m) => ({ value: m.code, label: `${m.full_name} (${m.code}) – ${m.org}` }))),
        )
        .catch(() => current && setOptions([]));
    }, 250);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [org, at, q]);
  return (
    <Select
      aria-label={label}
      showSearch
      allowClear
      value={value}
      onChange={onChange}
      filterOption={false}
      onSearch={setQ}
      options={options}
      placeholder={org ? 'Gõ họ tên (có thể không dấu) hoặc mã đảng viên' : 'Chọn tổ chức tiến hành trước'}
      notFoundContent={q.trim().length < 2 ? 'Gõ ít nhất 2 ký tự' : 'Không tìm thấy'}
    />
  );
}
