// Creating a conference (with its sites), and what the forms of a conference share: the options of
// its organizations, the fields of a site, its period. The forms on a conference's page are in
// ConferenceDialogs.tsx.
import { useState } from 'react';
import { Button, DatePicker, Form, Input, Modal, Space, Typography, message } from 'antd';
import { Select } from '../controls';
import type { Dayjs } from 'dayjs';
import { type TreeNode } from '../api';
import { client, data } from '../client';
import { conferencePeriodKind, label, options } from '../labels';
import { fieldErrors, iso, dateFormats } from './forms';
import { MemberSearch } from './memberPickers';
import { PeriodPicker, latestEndedPeriod, periodCode, periodEnd, type PeriodValue } from './period';
import { searchable } from '../search';

export const orgOptions = (list: TreeNode[]) =>
  list.map((o) => ({ value: o.code, label: `${o.name} [${o.code}] – ${label('org_kinds', o.kind)}` }));

export interface SiteValues {
  mode: 'in_person' | 'online';
  name: string;
  address?: string;
  link?: string;
  host?: string;
}

export const siteBody = (s: SiteValues) => ({
  mode: s.mode,
  name: s.name,
  address: s.mode === 'in_person' ? (s.address ?? '') : '',
  link: s.mode === 'online' ? (s.link ?? '') : '',
  host: s.host ?? '',
});

// The fields of one site, inside a Form.List (`prefix` is the list item's name) or alone.
export function SiteFields({ prefix, orgs, mode }: { prefix: (string | number)[]; orgs: TreeNode[]; mode: string }) {
  return (
    <>
      <Space wrap align="baseline">
        <Form.Item name={[...prefix, 'mode']} label="Hình thức" initialValue="in_person">
          <Select style={{ width: 150 }} aria-label="Hình thức điểm cầu" options={options('site_modes')} />
        </Form.Item>
        <Form.Item
          name={[...prefix, 'name']}
          label="Tên điểm cầu"
          rules={[{ required: true, message: 'Nhập tên điểm cầu.' }]}
        >
          <Input style={{ width: 260 }} placeholder="Điểm cầu Hà Nội" aria-label="Tên điểm cầu" />
        </Form.Item>
      </Space>
      {mode === 'online' ? (
        <Form.Item
          name={[...prefix, 'link']}
          label="Đường dẫn phòng họp trực tuyến"
          rules={[{ required: true, message: 'Nhập đường dẫn (https://…).' }]}
        >
          <Input placeholder="https://…" aria-label="Đường dẫn" />
        </Form.Item>
      ) : (
        <Form.Item name={[...prefix, 'address']} label="Địa chỉ" rules={[{ required: true, message: 'Nhập địa chỉ.' }]}>
          <Input aria-label="Địa chỉ điểm cầu" />
        </Form.Item>
      )}
      <Form.Item name={[...prefix, 'host']} label="Đơn vị chủ trì điểm cầu">
        <Select allowClear {...searchable} options={orgOptions(orgs)} aria-label="Đơn vị chủ trì điểm cầu" />
      </Form.Item>
    </>
  );
}

// Creates a conference, then its sites one by one; a site the server refuses is left for the
// conference's page (the conference itself is recorded), with the server's words.
const reviewKinds = new Set(['quarterly_review', 'half_year_review', 'year_review']);

// A review held before its period has ended (a half-year review in November of that half) is most
// likely a wrong choice of period or date: asks before creating it.
function heldAfterThePeriod(kind: string, date: Dayjs, period: PeriodValue): Promise<boolean> {
  const end = periodEnd(period);
  if (!reviewKinds.has(kind) || !date.isBefore(end, 'day')) return Promise.resolve(true);
  return new Promise((resolve) =>
    Modal.confirm({
      title: 'Kỳ của hội nghị chưa kết thúc',
      content: `Ngày họp ${date.format('DD/MM/YYYY')} trước ngày kết thúc của kỳ (${end.format('DD/MM/YYYY')}); số liệu của kỳ khi ấy chưa đủ. Vẫn tạo hội nghị?`,
      okText: 'Vẫn tạo',
      cancelText: 'Xem lại',
      onOk: () => resolve(true),
      onCancel: () => resolve(false),
    }),
  );
}

export function CreateConferenceDialog({ orgs, onClose }: { orgs: TreeNode[]; onClose: (created?: number) => void }) {
  const [form] = Form.useForm();
  const [saving, setSaving] = useState(false);
  // Nothing is chosen for the user but the organization: the kind first, then the period offered
  // is the latest one of that kind that has ended, and the day of the meeting is typed.
  const [period, setPeriod] = useState<PeriodValue>(latestEndedPeriod('half'));
  const org: string | undefined = Form.useWatch('org', form);
  const kind: string | undefined = Form.useWatch('kind', form);
  const date: Dayjs | undefined = Form.useWatch('date', form);
  const sites: SiteValues[] | undefined = Form.useWatch('sites', form);
  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    if (!(await heldAfterThePeriod(v.kind, v.date, period))) return;
    setSaving(true);
    let created = 0;
    try {
      const r = await client.POST('/api/v1/orgs/{code}/conferences', {
        params: { path: { code: v.org } },
        body: {
          kind: v.kind,
          period: periodCode(period),
          date: iso(v.date),
          start_time: v.start_time ?? '',
          title: v.title ?? '',
          chair: v.chair ?? '',
          chair_name: v.chair ? '' : (v.chair_name ?? ''),
          secretary: v.secretary ?? '',
          secretary_name: v.secretary ? '' : (v.secretary_name ?? ''),
          agenda: String(v.agenda ?? '')
            .split('\n')
            .map((a) => a.trim())
            .filter((a) => a),
        },
      });
      created = data(r).id;
      for (const s of (v.sites ?? []) as SiteValues[]) {
        await client.POST('/api/v1/conferences/{id}/sites', { params: { path: { id: created } }, body: siteBody(s) });
      }
      onClose(created);
    } catch (e) {
      if (created) {
        // The conference exists: its page shows it, and the site can be added there.
        message.error(`Đã tạo hội nghị, nhưng chưa thêm được điểm cầu: ${(e as Error).message}`);
        onClose(created);
        return;
      }
      fieldErrors(
        form,
        e,
        ['org', 'kind', 'period_note', 'date', 'start_time', 'title', 'chair', 'secretary', 'agenda'],
        {
          chair_name: 'chair',
          secretary_name: 'secretary',
          period: 'period_note',
        },
      );
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      open
      title="Tạo hội nghị"
      okText="Tạo"
      cancelText="Hủy"
      confirmLoading={saving}
      onOk={submit}
      onCancel={() => onClose()}
      width={760}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ org: orgs[0]?.code, sites: [] }}
        onValuesChange={(changed) => {
          if (changed.kind) setPeriod(latestEndedPeriod(conferencePeriodKind[changed.kind] ?? 'half'));
        }}
      >
        <Form.Item name="org" label="Tổ chức hội nghị" rules={[{ required: true, message: 'Chọn tổ chức.' }]}>
          <Select {...searchable} options={orgOptions(orgs)} aria-label="Tổ chức hội nghị" />
        </Form.Item>
        <Space wrap align="start">
          <Form.Item name="kind" label="Loại hội nghị" rules={[{ required: true, message: 'Chọn loại hội nghị.' }]}>
            <Select style={{ width: 220 }} aria-label="Loại hội nghị" options={options('conference_kinds')} />
          </Form.Item>
          {kind && (
            <Form.Item label="Kỳ">
              <PeriodPicker value={period} onChange={setPeriod} />
            </Form.Item>
          )}
        </Space>
        {/* Where the server's refusal of the period is shown. */}
        <Form.Item name="period_note">
          <Input type="hidden" />
        </Form.Item>
        <Space wrap align="start">
          <Form.Item name="date" label="Ngày họp" rules={[{ required: true, message: 'Chọn ngày.' }]}>
            <DatePicker format={dateFormats} aria-label="Ngày họp" />
          </Form.Item>
          <Form.Item name="start_time" label="Giờ bắt đầu">
            <Input style={{ width: 120 }} placeholder="08:00" aria-label="Giờ bắt đầu" />
          </Form.Item>
        </Space>
        <Form.Item
          name="title"
          label="Tên hội nghị"
          extra="Để trống: tên theo loại và kỳ (ví dụ «Hội nghị sơ kết công tác xây dựng Đảng 6 tháng đầu năm 2026»)."
        >
          <Input maxLength={500} aria-label="Tên hội nghị" />
        </Form.Item>
        <Space wrap align="start">
          <Form.Item name="chair" label="Chủ trì (đảng viên)" style={{ width: 320 }}>
            <MemberSearch org={org} date={date} label="Chủ trì" />
          </Form.Item>
          <Form.Item name="chair_name" label="hoặc họ tên chủ trì">
            <Input style={{ width: 260 }} aria-label="Họ tên chủ trì" />
          </Form.Item>
        </Space>
        <Space wrap align="start">
          <Form.Item name="secretary" label="Thư ký (đảng viên)" style={{ width: 320 }}>
            <MemberSearch org={org} date={date} label="Thư ký" />
          </Form.Item>
          <Form.Item name="secretary_name" label="hoặc họ tên thư ký">
            <Input style={{ width: 260 }} aria-label="Họ tên thư ký" />
          </Form.Item>
        </Space>
        <Form.Item name="agenda" label="Chương trình (mỗi dòng một nội dung)">
          <Input.TextArea rows={3} aria-label="Chương trình" />
        </Form.Item>
        <Typography.Text strong>Điểm cầu</Typography.Text>
        <Form.List name="sites">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f, i) => (
                <div
                  key={f.key}
                  style={{ border: '1px solid #eee', padding: 12, margin: '8px 0' }}
                  data-testid={`site-${i + 1}`}
                >
                  <Space style={{ justifyContent: 'space-between', width: '100%' }}>
                    <Typography.Text>Điểm cầu {i + 1}</Typography.Text>
                    <Button size="small" onClick={() => remove(f.name)}>
                      Bỏ
                    </Button>
                  </Space>
                  <SiteFields prefix={[f.name]} orgs={orgs} mode={sites?.[i]?.mode ?? 'in_person'} />
                </div>
              ))}
              <div>
                <Button onClick={() => add({ mode: 'in_person' })} data-testid="add-site">
                  Thêm điểm cầu
                </Button>
              </div>
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}

// "2026-H1" → the picker's value.
export function periodValueOf(code: string): PeriodValue {
  const y = Number(code.slice(0, 4));
  if (/^\d{4}-Q[1-4]$/.test(code)) return { kind: 'quarter', year: y, part: Number(code[6]) };
  if (/^\d{4}-H[12]$/.test(code)) return { kind: 'half', year: y, part: Number(code[6]) };
  if (/^\d{4}-\d{2}$/.test(code)) return { kind: 'month', year: y, part: Number(code.slice(5)) };
  if (/^\d{4}-\d{4}$/.test(code)) return { kind: 'term', year: y, part: 1 };
  return { kind: 'year', year: y, part: 1 };
}
