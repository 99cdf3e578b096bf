// The forms of a review conference: create it (with its sites), add a site, invite, record one
// participant's attendance, attach the report, add a contribution or speech, the conclusion, a
// decision, a task and a task's status. Each sends its requests; a refusal is shown at the field
// it names.
import { useState } from 'react';
import { Button, DatePicker, Form, Input, Modal, Radio, Space, Typography, message } from 'antd';
import { Select } from '../controls';
import dayjs, { type Dayjs } from 'dayjs';
import { api, type Conference, type FollowUpTask, type Participant, type TreeNode } from '../api';
import { conferenceKindLabel, conferencePeriodKind, kindLabel } from '../labels';
import { dateFormat, fieldErrors, iso } from './forms';
import { MemberSearch } from './memberPickers';
import { PeriodPicker, latestEndedPeriod, periodCode, periodEnd, type PeriodValue } from './period';
import { searchable } from '../search';

export const orgOptions = (list: TreeNode[]) =>
  list.map((o) => ({ value: o.code, label: `${o.name} [${o.code}] – ${kindLabel[o.kind] ?? o.kind}` }));

interface SiteValues {
  mode: 'in_person' | 'online';
  name: string;
  address?: string;
  link?: string;
  host?: string;
}

const siteBody = (s: SiteValues) => ({
  mode: s.mode,
  name: s.name,
  address: s.mode === 'in_person' ? (s.address ?? '') : '',
  link: s.mode === 'online' ? (s.link ?? '') : '',
  host: s.host ?? '',
});

// The fields of one site, inside a Form.List (`prefix` is the list item's name) or alone.
function SiteFields({ prefix, orgs, mode }: { prefix: (string | number)[]; orgs: TreeNode[]; mode: string }) {
  return (
    <>
      <Space wrap align="baseline">
        <Form.Item name={[...prefix, 'mode']} label="Hình thức" initialValue="in_person">
          <Select
            style={{ width: 150 }}
            aria-label="Hình thức điểm cầu"
            options={[
              { value: 'in_person', label: 'Trực tiếp' },
              { value: 'online', label: 'Trực tuyến' },
            ]}
          />
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
      const r = await api.post<{ id: number }>(`/api/v1/orgs/${encodeURIComponent(v.org)}/conferences`, {
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
      });
      created = r.id;
      for (const s of (v.sites ?? []) as SiteValues[]) {
        await api.post(`/api/v1/conferences/${created}/sites`, siteBody(s));
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
            <Select
              style={{ width: 220 }}
              aria-label="Loại hội nghị"
              options={Object.entries(conferenceKindLabel).map(([value, label]) => ({ value, label }))}
            />
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
            <DatePicker format={dateFormat} aria-label="Ngày họp" />
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

export type ConferenceForm =
  | { which: 'site' }
  | { which: 'invite' }
  | { which: 'attend'; participant: Participant }
  | { which: 'report' }
  | { which: 'item' }
  | { which: 'conclusion' }
  | { which: 'decision' }
  | { which: 'task' }
  | { which: 'task-status'; task: FollowUpTask; status: 'done' | 'cancelled' | 'reopened' };

const titles: Record<ConferenceForm['which'], string> = {
  site: 'Thêm điểm cầu',
  invite: 'Mời đại biểu',
  attend: 'Điểm danh',
  report: 'Gắn báo cáo của kỳ',
  item: 'Thêm tham luận, phát biểu',
  conclusion: 'Ghi kết luận hội nghị',
  decision: 'Ghi quyết nghị',
  task: 'Giao nhiệm vụ trọng tâm',
  'task-status': 'Cập nhật nhiệm vụ',
};

const taskStatusTitle = { done: 'Hoàn thành', cancelled: 'Hủy', reopened: 'Mở lại' };

export function ConferenceDialog({
  form: spec,
  conference: c,
  orgs,
  onClose,
}: {
  form: ConferenceForm;
  conference: Conference;
  orgs: TreeNode[]; // the conference org's subtree on its date
  onClose: (changed: boolean) => void;
}) {
  const [form] = Form.useForm();
  const [saving, setSaving] = useState(false);
  const [period, setPeriod] = useState<PeriodValue>(() => periodValueOf(c.period));
  const mode: string | undefined = Form.useWatch('mode', form);
  const status: string | undefined = Form.useWatch('status', form);
  const kind: string | undefined = Form.useWatch('kind', form);
  const at = `/api/v1/conferences/${c.id}`;
  const which = spec.which;
  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setSaving(true);
    try {
      if (which === 'site') {
        await api.post(`${at}/sites`, siteBody(v as SiteValues));
      } else if (which === 'invite') {
        await api.post(`${at}/invitations`, {
          orgs: v.orgs ?? [],
          members: v.member ? [v.member] : [],
          guests: (v.guests ?? []).map((g: { name: string; title?: string; organization?: string }) => ({
            name: g.name,
            title: g.title ?? '',
            organization: g.organization ?? '',
          })),
        });
      } else if (which === 'attend' && spec.which === 'attend') {
        const p = spec.participant;
        await api.post(`${at}/attendance`, {
          member: p.kind === 'member' ? p.member : '',
          participant: p.kind === 'guest' ? p.id : 0,
          site: v.site,
          status: v.status,
          reason: v.status === 'absent' ? (v.reason ?? '') : '',
        });
      } else if (which === 'report') {
        await api.post(`${at}/report`, { org: v.org ?? '', period: periodCode(period) });
      } else if (which === 'item') {
        await api.post(`${at}/items`, {
          kind: v.kind,
          speaker: v.speaker ?? '',
          speaker_name: v.speaker ? '' : (v.speaker_name ?? ''),
          speaker_title: v.speaker_title ?? '',
          speaker_org: v.speaker_org ?? '',
          title: v.title ?? '',
          file: v.file ?? '',
          summary: v.summary ?? '',
        });
      } else if (which === 'conclusion') {
        await api.post(`${at}/conclusion`, { text: v.text });
      } else if (which === 'decision') {
        await api.post(`${at}/decisions`, {
          text: v.text ?? '',
          leading: v.leading ?? '',
          deputy: v.deputy ?? '',
        });
      } else if (which === 'task') {
        await api.post(`${at}/tasks`, { owner: v.owner, title: v.title, due: iso(v.due) });
      } else if (spec.which === 'task-status') {
        await api.post(`/api/v1/tasks/${spec.task.id}/status`, {
          status: spec.status,
          date: iso(v.date),
          note: v.note ?? '',
        });
      }
      onClose(true);
    } catch (e) {
      fieldErrors(
        form,
        e,
        [
          'mode',
          'name',
          'address',
          'link',
          'host',
          'orgs',
          'member',
          'guests',
          'site',
          'status',
          'reason',
          'org',
          'kind',
          'speaker',
          'speaker_name',
          'speaker_title',
          'speaker_org',
          'title',
          'file',
          'summary',
          'text',
          'leading',
          'deputy',
          'owner',
          'due',
          'date',
          'note',
          'guests_note',
          'period_note',
        ],
        { members: 'member', participant: 'status', period: 'period_note', guests: 'guests_note', cluster: 'leading' },
      );
    } finally {
      setSaving(false);
    }
  };
  const title =
    spec.which === 'attend'
      ? `Điểm danh: ${spec.participant.name}`
      : spec.which === 'task-status'
        ? `${taskStatusTitle[spec.status]} nhiệm vụ: ${spec.task.title}`
        : titles[which];
  const cluster = orgs[0]?.kind === 'cluster';
  const initial: Record<string, unknown> = {
    mode: 'in_person',
    kind: 'contribution',
    site: spec.which === 'attend' ? (spec.participant.site ?? c.sites[0]?.number) : undefined,
    status:
      spec.which === 'attend' && spec.participant.attendance !== 'invited' ? spec.participant.attendance : 'present',
    reason: spec.which === 'attend' ? spec.participant.reason : undefined,
    org: c.report?.org ?? c.org,
    text: which === 'conclusion' ? c.conclusion : undefined,
    date: dayjs(),
    orgs: [],
  };
  return (
    <Modal
      open
      title={title}
      okText="Ghi"
      cancelText="Hủy"
      confirmLoading={saving}
      onOk={submit}
      onCancel={() => onClose(false)}
      width={680}
    >
      <Form form={form} layout="vertical" initialValues={initial}>
        {which === 'site' && <SiteFields prefix={[]} orgs={orgs} mode={mode ?? 'in_person'} />}
        {which === 'invite' && (
          <>
            <Form.Item name="orgs" label="Toàn thể đảng viên của các tổ chức (tính đến ngày họp)">
              <Select mode="multiple" {...searchable} options={orgOptions(orgs)} aria-label="Tổ chức được mời" />
            </Form.Item>
            <Form.Item name="member" label="Thêm một đảng viên">
              <MemberSearch org={c.org} date={dayjs(c.date)} label="Đảng viên được mời" />
            </Form.Item>
            <Typography.Text strong>Khách mời (đại biểu cấp trên…)</Typography.Text>
            <Form.List name="guests">
              {(fields, { add, remove }) => (
                <>
                  {fields.map((f) => (
                    <Space key={f.key} align="baseline" wrap>
                      <Form.Item name={[f.name, 'name']} rules={[{ required: true, message: 'Nhập họ tên.' }]}>
                        <Input placeholder="Họ và tên" aria-label="Họ tên khách mời" />
                      </Form.Item>
                      <Form.Item name={[f.name, 'title']}>
                        <Input placeholder="Chức vụ" aria-label="Chức vụ khách mời" />
                      </Form.Item>
                      <Form.Item name={[f.name, 'organization']}>
                        <Input placeholder="Cơ quan, đơn vị" aria-label="Đơn vị khách mời" />
                      </Form.Item>
                      <Button onClick={() => remove(f.name)}>Bỏ</Button>
                    </Space>
                  ))}
                  <div>
                    <Button onClick={() => add()} data-testid="add-guest">
                      Thêm khách mời
                    </Button>
                  </div>
                </>
              )}
            </Form.List>
            <Form.Item name="guests_note">
              <Input type="hidden" />
            </Form.Item>
          </>
        )}
        {which === 'attend' && (
          <>
            <Form.Item name="site" label="Điểm cầu" rules={[{ required: true, message: 'Chọn điểm cầu.' }]}>
              <Select
                aria-label="Điểm cầu dự họp"
                options={c.sites.map((s) => ({ value: s.number, label: `${s.number}. ${s.name} (${s.mode_vi})` }))}
                notFoundContent="Hội nghị chưa có điểm cầu: thêm điểm cầu trước."
              />
            </Form.Item>
            <Form.Item name="status" label="Tình trạng">
              <Radio.Group
                options={[
                  { value: 'present', label: 'Có mặt' },
                  { value: 'late', label: 'Đến muộn' },
                  { value: 'absent', label: 'Vắng mặt' },
                ]}
              />
            </Form.Item>
            {status === 'absent' && (
              <Form.Item name="reason" label="Lý do vắng" rules={[{ required: true, message: 'Nhập lý do vắng.' }]}>
                <Input aria-label="Lý do vắng" />
              </Form.Item>
            )}
          </>
        )}
        {which === 'report' && (
          <>
            <Form.Item name="org" label="Báo cáo của tổ chức">
              <Select {...searchable} options={orgOptions(orgs)} aria-label="Tổ chức của báo cáo" />
            </Form.Item>
            <Form.Item label="Kỳ báo cáo">
              <PeriodPicker value={period} onChange={setPeriod} />
            </Form.Item>
            <Form.Item name="period_note">
              <Input type="hidden" />
            </Form.Item>
            <Typography.Paragraph type="secondary">
              Báo cáo không được sao chép: biên bản và tin bài luôn tính lại số liệu từ dữ liệu đã ghi.
            </Typography.Paragraph>
          </>
        )}
        {which === 'item' && (
          <>
            <Form.Item name="kind" label="Loại">
              <Select
                aria-label="Loại nội dung"
                options={[
                  { value: 'contribution', label: 'Tham luận' },
                  { value: 'directing_speech', label: 'Phát biểu chỉ đạo' },
                  { value: 'agenda', label: 'Nội dung chương trình' },
                ]}
              />
            </Form.Item>
            {kind !== 'agenda' && (
              <>
                <Form.Item name="speaker" label="Người trình bày (đảng viên)">
                  <MemberSearch org={c.org} date={dayjs(c.date)} label="Người trình bày" />
                </Form.Item>
                <Space wrap align="start">
                  <Form.Item name="speaker_name" label="hoặc họ tên">
                    <Input aria-label="Họ tên người trình bày" />
                  </Form.Item>
                  <Form.Item name="speaker_title" label="Chức vụ">
                    <Input aria-label="Chức vụ người trình bày" />
                  </Form.Item>
                  <Form.Item name="speaker_org" label="Cơ quan, đơn vị">
                    <Input aria-label="Đơn vị người trình bày" />
                  </Form.Item>
                </Space>
              </>
            )}
            <Form.Item
              name="title"
              label={kind === 'directing_speech' ? 'Chủ đề (không bắt buộc)' : 'Tên tham luận, nội dung'}
              rules={kind === 'directing_speech' ? [] : [{ required: true, message: 'Nhập tên.' }]}
            >
              <Input aria-label="Tên tham luận" />
            </Form.Item>
            {kind === 'contribution' && (
              <Form.Item name="file" label="Tên tệp tham luận">
                <Input placeholder="tham-luan.docx" aria-label="Tên tệp" />
              </Form.Item>
            )}
            <Form.Item name="summary" label="Tóm tắt nội dung (thư ký ghi)">
              <Input.TextArea rows={3} aria-label="Tóm tắt" />
            </Form.Item>
          </>
        )}
        {which === 'conclusion' && (
          <Form.Item
            name="text"
            label="Kết luận của chủ trì hội nghị"
            rules={[{ required: true, message: 'Nhập kết luận.' }]}
          >
            <Input.TextArea rows={6} aria-label="Kết luận" />
          </Form.Item>
        )}
        {which === 'decision' && (
          <>
            <Form.Item name="text" label="Nội dung quyết nghị">
              <Input.TextArea rows={3} aria-label="Nội dung quyết nghị" />
            </Form.Item>
            {cluster && (
              <Space wrap align="start">
                <Form.Item name="leading" label="Cụm trưởng kỳ tới">
                  <Select allowClear style={{ width: 280 }} {...searchable} options={orgOptions(orgs.slice(1))} />
                </Form.Item>
                <Form.Item name="deputy" label="Cụm phó kỳ tới">
                  <Select allowClear style={{ width: 280 }} {...searchable} options={orgOptions(orgs.slice(1))} />
                </Form.Item>
              </Space>
            )}
          </>
        )}
        {which === 'task' && (
          <>
            <Form.Item name="title" label="Nhiệm vụ" rules={[{ required: true, message: 'Nhập nhiệm vụ.' }]}>
              <Input.TextArea rows={2} aria-label="Nhiệm vụ" />
            </Form.Item>
            <Form.Item name="owner" label="Đơn vị thực hiện" rules={[{ required: true, message: 'Chọn đơn vị.' }]}>
              <Select {...searchable} options={orgOptions(orgs)} aria-label="Đơn vị thực hiện" />
            </Form.Item>
            <Form.Item name="due" label="Thời hạn" rules={[{ required: true, message: 'Chọn thời hạn.' }]}>
              <DatePicker format={dateFormat} aria-label="Thời hạn" />
            </Form.Item>
          </>
        )}
        {which === 'task-status' && (
          <>
            <Form.Item name="date" label="Ngày" rules={[{ required: true, message: 'Chọn ngày.' }]}>
              <DatePicker format={dateFormat} aria-label="Ngày cập nhật" />
            </Form.Item>
            <Form.Item name="note" label="Ghi chú (lý do khi hủy)">
              <Input aria-label="Ghi chú" />
            </Form.Item>
          </>
        )}
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
