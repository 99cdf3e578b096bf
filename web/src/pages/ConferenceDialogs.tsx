// The forms on a conference's page, one component each: add a site, invite, record attendance,
// attach the report, add a contribution or speech, the conclusion, a decision, a task and a task's
// status. Each sends one request (one transaction on the server).
import { useState } from 'react';
import { Button, Checkbox, DatePicker, Form, Input, Radio, Space, Typography, Upload, message } from 'antd';
import type { UploadFile } from 'antd';
import dayjs from 'dayjs';
import { type Conference, type FollowUpTask, type Participant, type TreeNode } from '../api';
import { client, data } from '../client';
import { itemFileAccept, itemFileMaxBytes, sendItemFile } from './ItemFile';
import { Select } from '../controls';
import { searchable } from '../search';
import { options } from '../labels';
import { FormDialog } from './FormDialog';
import { iso, dateFormats } from './forms';
import { MemberSearch } from './memberPickers';
import { PeriodPicker, periodCode, type PeriodValue } from './period';
import { orgOptions, periodValueOf, siteBody, SiteFields, type SiteValues } from './ConferenceForms';

export type ConferenceForm =
  | { which: 'site' }
  | { which: 'invite' }
  | { which: 'attend'; participant: Participant }
  | { which: 'attend-many' }
  | { which: 'report' }
  | { which: 'item' }
  | { which: 'conclusion' }
  | { which: 'decision' }
  | { which: 'task' }
  | { which: 'task-status'; task: FollowUpTask; status: 'done' | 'cancelled' | 'reopened' };

interface Props {
  conference: Conference;
  orgs: TreeNode[]; // the conference org's subtree on its date
  onClose: (changed: boolean) => void;
}

const id = (c: Conference) => ({ path: { id: c.id } });

export function ConferenceDialog({ form, ...props }: Props & { form: ConferenceForm }) {
  switch (form.which) {
    case 'site':
      return <SiteDialog {...props} />;
    case 'invite':
      return <InviteDialog {...props} />;
    case 'attend':
      return <AttendDialog {...props} participant={form.participant} />;
    case 'attend-many':
      return <AttendManyDialog {...props} />;
    case 'report':
      return <ReportDialog {...props} />;
    case 'item':
      return <ItemDialog {...props} />;
    case 'conclusion':
      return <ConclusionDialog {...props} />;
    case 'decision':
      return <DecisionDialog {...props} />;
    case 'task':
      return <TaskDialog {...props} />;
    case 'task-status':
      return <TaskStatusDialog {...props} task={form.task} status={form.status} />;
  }
}

function SiteDialog({ conference: c, orgs, onClose }: Props) {
  return (
    <FormDialog<SiteValues>
      title="Thêm điểm cầu"
      initialValues={{ mode: 'in_person' }}
      fields={['mode', 'name', 'address', 'link', 'host']}
      send={async (v) => {
        await client.POST('/api/v1/conferences/{id}/sites', { params: id(c), body: siteBody(v) });
      }}
      onClose={onClose}
    >
      {(form) => <SiteModeFields form={form} orgs={orgs} />}
    </FormDialog>
  );
}

function SiteModeFields({ form, orgs }: { form: Parameters<typeof Form.useWatch>[1]; orgs: TreeNode[] }) {
  const mode: string | undefined = Form.useWatch('mode', form);
  return <SiteFields prefix={[]} orgs={orgs} mode={mode ?? 'in_person'} />;
}

interface Guest {
  name: string;
  title?: string;
  organization?: string;
}

function InviteDialog({ conference: c, orgs, onClose }: Props) {
  return (
    <FormDialog<{ orgs?: string[]; member?: string; guests?: Guest[] }>
      title="Mời đại biểu"
      initialValues={{ orgs: [] }}
      fields={['orgs', 'member', 'guests_note']}
      fieldMap={{ members: 'member', guests: 'guests_note' }}
      send={async (v) => {
        await client.POST('/api/v1/conferences/{id}/invitations', {
          params: id(c),
          body: {
            orgs: v.orgs ?? [],
            members: v.member ? [v.member] : [],
            guests: (v.guests ?? []).map((g) => ({
              name: g.name,
              title: g.title ?? '',
              organization: g.organization ?? '',
            })),
          },
        });
      }}
      onClose={onClose}
    >
      {() => (
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
    </FormDialog>
  );
}

type Attendance = 'present' | 'late' | 'absent';
const attendanceOptions = () => options('attendances', ['present', 'late', 'absent']);

export function siteOptions(c: Conference) {
  return c.sites.map((s) => ({ value: s.number, label: `${s.number}. ${s.name} (${s.mode_vi})` }));
}

function AttendDialog({ conference: c, onClose, participant: p }: Props & { participant: Participant }) {
  return (
    <FormDialog<{ site: number; status: Attendance; reason?: string }>
      title={`Điểm danh: ${p.name}`}
      initialValues={{
        site: p.site ?? c.sites[0]?.number,
        status: p.attendance !== 'invited' ? (p.attendance as Attendance) : 'present',
        reason: p.reason,
      }}
      fields={['site', 'status', 'reason']}
      fieldMap={{ participant: 'status', member: 'status' }}
      send={async (v) => {
        await client.POST('/api/v1/conferences/{id}/attendance', {
          params: id(c),
          body: {
            member: p.kind === 'member' ? p.member : '',
            participant: p.kind === 'guest' ? p.id : 0,
            site: v.site,
            status: v.status,
            reason: v.status === 'absent' ? (v.reason ?? '') : '',
          },
        });
      }}
      onClose={onClose}
    >
      {(form) => <AttendFields form={form} conference={c} />}
    </FormDialog>
  );
}

function AttendFields({ form, conference: c }: { form: Parameters<typeof Form.useWatch>[1]; conference: Conference }) {
  const status: string | undefined = Form.useWatch('status', form);
  return (
    <>
      <Form.Item name="site" label="Điểm cầu" rules={[{ required: true, message: 'Chọn điểm cầu.' }]}>
        <Select
          aria-label="Điểm cầu dự họp"
          options={siteOptions(c)}
          notFoundContent="Hội nghị chưa có điểm cầu: thêm điểm cầu trước."
        />
      </Form.Item>
      <Form.Item name="status" label="Tình trạng">
        <Radio.Group options={attendanceOptions()} />
      </Form.Item>
      {status === 'absent' && (
        <Form.Item name="reason" label="Lý do vắng" rules={[{ required: true, message: 'Nhập lý do vắng.' }]}>
          <Input aria-label="Lý do vắng" />
        </Form.Item>
      )}
    </>
  );
}

// The site last chosen for a conference, kept in this browser: a roll call is taken at one site.
const siteKey = (c: Conference) => `dangvu.site.${c.id}`;

interface ManyValues {
  site: number;
  all_unrecorded: boolean;
  entries?: { who: string; status: Attendance; reason?: string }[];
}

// The roll call of a site in one action: everyone not yet recorded present, then the exceptions
// (absent with a reason, late). One request, one transaction.
function AttendManyDialog({ conference: c, onClose }: Props) {
  const remembered = Number(window.localStorage.getItem(siteKey(c)));
  const site = c.sites.some((s) => s.number === remembered) ? remembered : c.sites[0]?.number;
  const unrecorded = c.participants.filter((p) => p.kind === 'member' && p.attendance === 'invited').length;
  const people = c.participants.map((p) => ({
    value: p.kind === 'member' ? `m:${p.member}` : `p:${p.id}`,
    label: p.kind === 'member' ? `${p.name} (${p.member})` : `${p.name} (khách mời)`,
  }));
  return (
    <FormDialog<ManyValues>
      title="Điểm danh nhiều người"
      initialValues={{ site, all_unrecorded: unrecorded > 0 }}
      fields={['site', 'all_unrecorded', 'entries_note']}
      fieldMap={{ entries: 'entries_note' }}
      send={async (v) => {
        window.localStorage.setItem(siteKey(c), String(v.site));
        const entries = (v.entries ?? []).map((e) => ({
          ...(e.who.startsWith('m:') ? { member: e.who.slice(2) } : { participant: Number(e.who.slice(2)) }),
          status: e.status,
          reason: e.status === 'absent' ? (e.reason ?? '') : '',
        }));
        await client.POST('/api/v1/conferences/{id}/attendance/bulk', {
          params: id(c),
          body: { site: v.site, all_unrecorded: v.all_unrecorded, entries },
        });
        const others = v.all_unrecorded ? unrecorded - entries.filter((e) => 'member' in e).length : 0;
        return `Đã điểm danh: ${Math.max(0, others)} người có mặt, ${entries.length} trường hợp ghi riêng.`;
      }}
      onClose={onClose}
    >
      {() => (
        <>
          <Form.Item name="site" label="Điểm cầu" rules={[{ required: true, message: 'Chọn điểm cầu.' }]}>
            <Select aria-label="Điểm cầu điểm danh" options={siteOptions(c)} />
          </Form.Item>
          <Form.Item name="all_unrecorded" valuePropName="checked">
            <Checkbox>Có mặt tất cả đảng viên chưa điểm danh ({unrecorded} người)</Checkbox>
          </Form.Item>
          <Typography.Text strong>Những trường hợp khác (vắng mặt, đến muộn)</Typography.Text>
          <Form.List name="entries">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f) => (
                  <div key={f.key} style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'baseline' }}>
                    <Form.Item
                      name={[f.name, 'who']}
                      rules={[{ required: true, message: 'Chọn người.' }]}
                      style={{ flex: '1 1 220px', minWidth: 0, marginBottom: 8 }}
                    >
                      <Select
                        {...searchable}
                        options={people}
                        aria-label="Người được điểm danh"
                        placeholder="Chọn người (gõ tên)"
                      />
                    </Form.Item>
                    <Form.Item name={[f.name, 'status']} initialValue="absent" style={{ marginBottom: 8 }}>
                      <Radio.Group options={attendanceOptions().slice(1)} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'reason']} style={{ flex: '1 1 180px', minWidth: 0, marginBottom: 8 }}>
                      <Input placeholder="Lý do vắng" aria-label="Lý do vắng" />
                    </Form.Item>
                    <Button onClick={() => remove(f.name)}>Bỏ</Button>
                  </div>
                ))}
                <Button onClick={() => add()} data-testid="add-exception">
                  Thêm trường hợp
                </Button>
              </>
            )}
          </Form.List>
          <Form.Item name="entries_note">
            <Input type="hidden" />
          </Form.Item>
        </>
      )}
    </FormDialog>
  );
}

function ReportDialog({ conference: c, orgs, onClose }: Props) {
  const [period, setPeriod] = useState<PeriodValue>(() => periodValueOf(c.period));
  return (
    <FormDialog<{ org?: string }>
      title="Gắn báo cáo của kỳ"
      initialValues={{ org: c.report?.org ?? c.org }}
      fields={['org', 'period_note']}
      fieldMap={{ period: 'period_note' }}
      send={async (v) => {
        await client.POST('/api/v1/conferences/{id}/report', {
          params: id(c),
          body: { org: v.org ?? '', period: periodCode(period) },
        });
      }}
      onClose={onClose}
    >
      {() => (
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
    </FormDialog>
  );
}

interface ItemValues {
  kind: 'contribution' | 'directing_speech' | 'agenda';
  speaker?: string;
  speaker_name?: string;
  speaker_title?: string;
  speaker_org?: string;
  title?: string;
  upload?: UploadFile[];
  summary?: string;
}

function ItemDialog({ conference: c, onClose }: Props) {
  return (
    <FormDialog<ItemValues>
      title="Thêm tham luận, phát biểu"
      initialValues={{ kind: 'contribution' }}
      fields={['kind', 'speaker', 'speaker_name', 'speaker_title', 'speaker_org', 'title', 'upload', 'summary']}
      fieldMap={{ file: 'upload' }}
      send={async (v) => {
        const chosen = v.upload?.[0]?.originFileObj;
        const added = await client.POST('/api/v1/conferences/{id}/items', {
          params: id(c),
          body: {
            kind: v.kind,
            speaker: v.speaker ?? '',
            speaker_name: v.speaker ? '' : (v.speaker_name ?? ''),
            speaker_title: v.speaker_title ?? '',
            speaker_org: v.speaker_org ?? '',
            title: v.title ?? '',
            file: chosen?.name ?? '',
            summary: v.summary ?? '',
          },
        });
        if (!chosen) return;
        // The item is recorded; a file the server refuses is said, and can be sent again from the
        // item's row (sending it from here again would record the item twice).
        const seq = data(added).seq;
        try {
          await sendItemFile(c.id, seq, chosen);
          return `Đã ghi nội dung số ${seq} và gửi tệp «${chosen.name}».`;
        } catch (e) {
          message.error(`Đã ghi nội dung số ${seq}, nhưng chưa gửi được tệp: ${(e as Error).message}`);
        }
      }}
      onClose={onClose}
    >
      {(form) => <ItemFields form={form} conference={c} />}
    </FormDialog>
  );
}

function ItemFields({ form, conference: c }: { form: Parameters<typeof Form.useWatch>[1]; conference: Conference }) {
  const kind: string | undefined = Form.useWatch('kind', form);
  return (
    <>
      <Form.Item name="kind" label="Loại">
        <Select
          aria-label="Loại nội dung"
          options={options('item_kinds', ['contribution', 'directing_speech', 'agenda'])}
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
        <Form.Item
          name="upload"
          label="Tệp tham luận (PDF, Word; không bắt buộc)"
          valuePropName="fileList"
          getValueFromEvent={(e: { fileList: UploadFile[] }) => e.fileList.slice(-1)}
          rules={[
            {
              validator: (_, list?: UploadFile[]) =>
                (list?.[0]?.size ?? 0) > itemFileMaxBytes
                  ? Promise.reject(new Error('Tệp quá lớn: tệp tham luận tối đa 10 MB.'))
                  : Promise.resolve(),
            },
          ]}
        >
          <Upload accept={itemFileAccept} maxCount={1} beforeUpload={() => false}>
            <Button data-testid="choose-item-file">Chọn tệp…</Button>
          </Upload>
        </Form.Item>
      )}
      <Form.Item name="summary" label="Tóm tắt nội dung (thư ký ghi)">
        <Input.TextArea rows={3} aria-label="Tóm tắt" />
      </Form.Item>
    </>
  );
}

function ConclusionDialog({ conference: c, onClose }: Props) {
  return (
    <FormDialog<{ text: string }>
      title="Ghi kết luận hội nghị"
      initialValues={{ text: c.conclusion }}
      fields={['text']}
      send={async (v) => {
        await client.POST('/api/v1/conferences/{id}/conclusion', { params: id(c), body: { text: v.text } });
      }}
      onClose={onClose}
    >
      {() => (
        <Form.Item
          name="text"
          label="Kết luận của chủ trì hội nghị"
          rules={[{ required: true, message: 'Nhập kết luận.' }]}
        >
          <Input.TextArea rows={6} aria-label="Kết luận" />
        </Form.Item>
      )}
    </FormDialog>
  );
}

function DecisionDialog({ conference: c, orgs, onClose }: Props) {
  const cluster = orgs[0]?.kind === 'cluster';
  return (
    <FormDialog<{ text?: string; leading?: string; deputy?: string }>
      title="Ghi quyết nghị"
      fields={['text', 'leading', 'deputy']}
      fieldMap={{ cluster: 'leading' }}
      send={async (v) => {
        await client.POST('/api/v1/conferences/{id}/decisions', {
          params: id(c),
          body: { text: v.text ?? '', leading: v.leading ?? '', deputy: v.deputy ?? '' },
        });
      }}
      onClose={onClose}
    >
      {() => (
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
    </FormDialog>
  );
}

function TaskDialog({ conference: c, orgs, onClose }: Props) {
  return (
    <FormDialog<{ title: string; owner: string; due: dayjs.Dayjs }>
      title="Giao nhiệm vụ trọng tâm"
      fields={['title', 'owner', 'due']}
      send={async (v) => {
        await client.POST('/api/v1/conferences/{id}/tasks', {
          params: id(c),
          body: { owner: v.owner, title: v.title, due: iso(v.due) },
        });
      }}
      onClose={onClose}
    >
      {() => (
        <>
          <Form.Item name="title" label="Nhiệm vụ" rules={[{ required: true, message: 'Nhập nhiệm vụ.' }]}>
            <Input.TextArea rows={2} aria-label="Nhiệm vụ" />
          </Form.Item>
          <Form.Item name="owner" label="Đơn vị thực hiện" rules={[{ required: true, message: 'Chọn đơn vị.' }]}>
            <Select {...searchable} options={orgOptions(orgs)} aria-label="Đơn vị thực hiện" />
          </Form.Item>
          <Form.Item name="due" label="Thời hạn" rules={[{ required: true, message: 'Chọn thời hạn.' }]}>
            <DatePicker format={dateFormats} aria-label="Thời hạn" />
          </Form.Item>
        </>
      )}
    </FormDialog>
  );
}

const taskStatusTitle = { done: 'Hoàn thành', cancelled: 'Hủy', reopened: 'Mở lại' };

function TaskStatusDialog({
  onClose,
  task,
  status,
}: Props & { task: FollowUpTask; status: 'done' | 'cancelled' | 'reopened' }) {
  return (
    <FormDialog<{ date: dayjs.Dayjs; note?: string }>
      title={`${taskStatusTitle[status]} nhiệm vụ: ${task.title}`}
      initialValues={{ date: dayjs() }}
      fields={['date', 'note']}
      send={async (v) => {
        await client.POST('/api/v1/tasks/{id}/status', {
          params: { path: { id: task.id } },
          body: { status, date: iso(v.date), note: v.note ?? '' },
        });
      }}
      onClose={onClose}
    >
      {() => (
        <>
          <Form.Item name="date" label="Ngày" rules={[{ required: true, message: 'Chọn ngày.' }]}>
            <DatePicker format={dateFormats} aria-label="Ngày cập nhật" />
          </Form.Item>
          <Form.Item name="note" label="Ghi chú (lý do khi hủy)">
            <Input aria-label="Ghi chú" />
          </Form.Item>
        </>
      )}
    </FormDialog>
  );
}
