// The forms that record work: a branch meeting, an inspection or supervision, a study session, a
// document in the register. Each sends one request; a refusal is shown at the field it names.
import { useEffect, useState } from 'react';
import { Button, DatePicker, Form, Input, Modal, message } from 'antd';
import { Select } from '../controls';
import dayjs, { type Dayjs } from 'dayjs';
import { type PartyDocument, type TreeNode } from '../api';
import { vnDate, label, options } from '../labels';
import { fieldErrors, iso, dateFormats } from './forms';
import { MemberSearch, useBranchMembers } from './memberPickers';
import { flatten } from './Tree';
import { searchable, matchFolded } from '../search';
import { $api, client, data } from '../client';

export type WorkForm = 'meeting' | 'oversight' | 'study' | 'document';

const branchKinds = new Set(['grassroots_branch', 'sub_branch']);

// A branch holds one regular meeting a month; the same kind on the same day is most likely the same
// meeting recorded twice. Asks before recording it again.
async function meetingNotRecordedYet(org: string, date: string, kind: string): Promise<boolean> {
  const existing = await client
    .GET('/api/v1/orgs/{code}/activities', {
      params: { path: { code: org }, query: { from: date, to: date, limit: 50 } },
    })
    .then((r) => data(r).meetings.filter((m) => m.org === org && m.kind === kind && !m.cancelled))
    .catch(() => []);
  if (existing.length === 0) return true;
  return new Promise((resolve) =>
    Modal.confirm({
      title: 'Buổi sinh hoạt này có thể đã được ghi',
      content: `Chi bộ đã có ${existing.length} buổi sinh hoạt ${kind === 'regular' ? 'định kỳ' : 'chuyên đề'} ghi ngày ${vnDate(date)}. Vẫn ghi thêm một buổi nữa?`,
      okText: 'Vẫn ghi',
      cancelText: 'Không ghi',
      onOk: () => resolve(true),
      onCancel: () => resolve(false),
    }),
  );
}

// What the user sees after "Ghi": what was recorded, in a sentence.
function recordedMessage(which: WorkForm, v: Record<string, unknown>, branchMembers: number): string {
  const day = vnDate(iso(v.date as Dayjs | undefined));
  if (which === 'meeting') {
    const absent = ((v.absent as unknown[]) ?? []).length;
    return branchMembers > 0
      ? `Đã ghi buổi sinh hoạt ngày ${day}: ${branchMembers - absent}/${branchMembers} có mặt.`
      : `Đã ghi buổi sinh hoạt ngày ${day}.`;
  }
  if (which === 'oversight') return `Đã ghi cuộc ${v.kind === 'supervision' ? 'giám sát' : 'kiểm tra'} ngày ${day}.`;
  if (which === 'study')
    return `Đã ghi buổi học tập ngày ${day}: ${((v.attendees as unknown[]) ?? []).length} đảng viên tham dự.`;
  return `Đã ghi văn bản ${String(v.number ?? '')} vào sổ.`;
}

export function WorkFormDialog({
  form: which,
  orgs,
  onClose,
}: {
  form: WorkForm;
  orgs: TreeNode[];
  onClose: (changed: boolean) => void;
}) {
  const [form] = Form.useForm();
  const [saving, setSaving] = useState(false);
  const org: string | undefined = Form.useWatch('org', form);
  const date: Dayjs | undefined = Form.useWatch('date', form);
  const members = useBranchMembers(which === 'meeting' || which === 'study' ? org : undefined, date);
  const register = $api.useQuery(
    'get',
    '/api/v1/documents',
    { params: { query: { limit: 500 } } },
    { enabled: which === 'study' },
  );
  const documents: PartyDocument[] = register.data?.documents ?? [];
  // A study session lists everyone by default; the office unticks who was not there.
  useEffect(() => {
    if (which === 'study')
      form.setFieldValue(
        'attendees',
        members.map((m) => m.value),
      );
  }, [which, members.map((m) => m.value).join()]); // eslint-disable-line react-hooks/exhaustive-deps

  const branches = orgs.filter((o) => branchKinds.has(o.kind));
  // Inspected or supervised: an organization below the one that conducts it.
  const below = flatten(orgs.find((o) => o.code === org)).slice(1);
  // With one branch to choose (the page of a branch), it is chosen already.
  const initialOrg = which === 'oversight' ? orgs[0]?.code : branches.length === 1 ? branches[0].code : undefined;
  // The tree may arrive after the dialog opened.
  useEffect(() => {
    if (initialOrg && !form.getFieldValue('org')) form.setFieldValue('org', initialOrg);
  }, [initialOrg]); // eslint-disable-line react-hooks/exhaustive-deps
  const orgOptions = (list: TreeNode[]) =>
    list.map((o) => ({ value: o.code, label: `${o.name} [${o.code}] – ${label('org_kinds', o.kind)}` }));
  const titles: Record<WorkForm, string> = {
    meeting: 'Ghi buổi sinh hoạt chi bộ',
    oversight: 'Ghi cuộc kiểm tra, giám sát',
    study: 'Ghi buổi học tập, quán triệt nghị quyết',
    document: 'Ghi văn bản vào sổ',
  };

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setSaving(true);
    try {
      const params = { path: { code: v.org ?? '' } };
      if (which === 'meeting') {
        if (!(await meetingNotRecordedYet(v.org, iso(v.date), v.kind))) return;
        await client.POST('/api/v1/orgs/{code}/meetings', {
          params,
          body: {
            date: iso(v.date),
            kind: v.kind,
            topic: v.topic ?? '',
            quality: v.quality,
            absent: (v.absent ?? []).map((a: { member: string; reason: string }) => ({
              member: a.member,
              reason: a.reason ?? '',
            })),
          },
        });
      } else if (which === 'oversight') {
        await client.POST('/api/v1/orgs/{code}/oversights', {
          params,
          body: {
            kind: v.kind,
            basis: v.basis,
            date: iso(v.date),
            subject_org: v.subject_type === 'org' ? v.subject_org : '',
            subject_member: v.subject_type === 'member' ? v.subject_member : '',
            conclusion: v.conclusion ?? '',
          },
        });
      } else if (which === 'study') {
        await client.POST('/api/v1/orgs/{code}/study-sessions', {
          params,
          body: {
            date: iso(v.date),
            document: v.document,
            attendees: v.attendees ?? [],
          },
        });
      } else {
        await client.POST('/api/v1/documents', {
          body: {
            number: v.number,
            issued_on: iso(v.issued_on),
            title: v.title,
            issuing_body: v.issuing_body,
          },
        });
      }
      message.success(recordedMessage(which, v, members.length));
      onClose(true);
    } catch (e) {
      fieldErrors(
        form,
        e,
        [
          'org',
          'date',
          'kind',
          'topic',
          'quality',
          'absent_note',
          'subject_org',
          'subject_member',
          'conclusion',
          'document',
          'attendees',
          'number',
          'issued_on',
          'title',
          'issuing_body',
        ],
        {
          absent: 'absent_note',
          'absent.reason': 'absent_note',
          subject: form.getFieldValue('subject_type') === 'member' ? 'subject_member' : 'subject_org',
        },
      );
    } finally {
      setSaving(false);
    }
  };

  const subjectType = Form.useWatch('subject_type', form);
  const attendees: string[] | undefined = Form.useWatch('attendees', form);
  return (
    <Modal
      open
      title={titles[which]}
      okText="Ghi"
      cancelText="Hủy"
      confirmLoading={saving}
      onOk={submit}
      onCancel={() => onClose(false)}
      width={680}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          date: dayjs(),
          kind: which === 'oversight' ? 'inspection' : 'regular',
          basis: 'planned',
          subject_type: 'org',
        }}
      >
        {which !== 'document' && (
          <Form.Item
            name="org"
            label={which === 'oversight' ? 'Tổ chức tiến hành' : 'Chi bộ'}
            rules={[{ required: true, message: 'Chọn tổ chức.' }]}
          >
            <Select {...searchable} options={orgOptions(which === 'oversight' ? orgs : branches)} />
          </Form.Item>
        )}
        {which !== 'document' && (
          <Form.Item name="date" label="Ngày" rules={[{ required: true, message: 'Chọn ngày.' }]}>
            <DatePicker format={dateFormats} />
          </Form.Item>
        )}
        {which === 'meeting' && (
          <>
            <Form.Item name="kind" label="Loại buổi sinh hoạt">
              <Select options={options('meeting_kinds')} />
            </Form.Item>
            <Form.Item name="topic" label="Chủ đề (bắt buộc với sinh hoạt chuyên đề)">
              <Input maxLength={500} />
            </Form.Item>
            <Form.Item
              name="quality"
              label="Đánh giá chất lượng"
              rules={[{ required: true, message: 'Chọn đánh giá.' }]}
            >
              <Select placeholder="Chi bộ tự đánh giá buổi sinh hoạt" options={options('meeting_qualities')} />
            </Form.Item>
            <Form.Item label="Đảng viên vắng mặt (mỗi người vắng cần có lý do)">
              <Form.List name="absent">
                {(fields, { add, remove }) => (
                  <>
                    {fields.map((f) => (
                      // One absentee per row on a wide screen; on a phone the name, the reason
                      // and "Bỏ" wrap onto lines of their own, never past the screen's edge.
                      <div key={f.key} style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'baseline' }}>
                        <Form.Item
                          name={[f.name, 'member']}
                          rules={[{ required: true, message: 'Chọn người.' }]}
                          style={{ flex: '1 1 240px', minWidth: 0, marginBottom: 8 }}
                        >
                          <Select
                            {...searchable}
                            options={members}
                            aria-label="Người vắng"
                            placeholder="Chọn người vắng (gõ tên)"
                          />
                        </Form.Item>
                        <Form.Item
                          name={[f.name, 'reason']}
                          rules={[{ required: true, message: 'Nhập lý do.' }]}
                          style={{ flex: '1 1 200px', minWidth: 0, marginBottom: 8 }}
                        >
                          <Input placeholder="Lý do (ốm, đi công tác…)" aria-label="Lý do vắng" />
                        </Form.Item>
                        <Button onClick={() => remove(f.name)}>Bỏ</Button>
                      </div>
                    ))}
                    <Button onClick={() => add()} data-testid="add-absent">
                      Thêm người vắng
                    </Button>
                  </>
                )}
              </Form.List>
            </Form.Item>
            {/* Where the server's refusal of an absent member is shown. */}
            <Form.Item name="absent_note">
              <Input type="hidden" />
            </Form.Item>
          </>
        )}
        {which === 'oversight' && (
          <>
            <Form.Item name="kind" label="Hình thức">
              <Select options={options('oversight_kinds')} />
            </Form.Item>
            <Form.Item name="basis" label="Căn cứ">
              <Select options={options('oversight_bases')} />
            </Form.Item>
            <Form.Item name="subject_type" label="Đối tượng">
              <Select
                options={[
                  { value: 'org', label: 'Tổ chức đảng' },
                  { value: 'member', label: 'Đảng viên' },
                ]}
              />
            </Form.Item>
            {subjectType === 'member' ? (
              <Form.Item
                name="subject_member"
                label="Đảng viên được kiểm tra, giám sát"
                rules={[{ required: true, message: 'Chọn đảng viên.' }]}
              >
                <MemberSearch org={org} date={date} />
              </Form.Item>
            ) : (
              <Form.Item
                name="subject_org"
                label="Tổ chức được kiểm tra, giám sát"
                rules={[{ required: true, message: 'Chọn tổ chức.' }]}
              >
                <Select
                  {...searchable}
                  options={orgOptions(below)}
                  notFoundContent="Chọn tổ chức tiến hành có tổ chức cấp dưới"
                />
              </Form.Item>
            )}
            <Form.Item name="conclusion" label="Kết luận" rules={[{ required: true, message: 'Nhập kết luận.' }]}>
              <Input.TextArea rows={3} maxLength={4000} />
            </Form.Item>
          </>
        )}
        {which === 'study' && (
          <>
            <Form.Item
              name="document"
              label="Văn bản học tập, quán triệt"
              rules={[{ required: true, message: 'Chọn văn bản.' }]}
            >
              <Select
                {...searchable}
                options={documents.map((d) => ({ value: d.number, label: `${d.number} – ${d.title}` }))}
              />
            </Form.Item>
            <Form.Item
              name="attendees"
              label="Đảng viên tham dự"
              extra={`Đã chọn ${attendees?.length ?? 0}/${members.length} đảng viên của chi bộ.`}
            >
              <Select mode="multiple" options={members} filterOption={matchFolded} maxTagCount={12} />
            </Form.Item>
          </>
        )}
        {which === 'document' && (
          <>
            <Form.Item
              name="number"
              label="Số văn bản (ví dụ 15-NQ/TU)"
              rules={[{ required: true, message: 'Nhập số văn bản.' }]}
            >
              <Input />
            </Form.Item>
            <Form.Item name="issued_on" label="Ngày ban hành" rules={[{ required: true, message: 'Chọn ngày.' }]}>
              <DatePicker format={dateFormats} />
            </Form.Item>
            <Form.Item name="title" label="Trích yếu" rules={[{ required: true, message: 'Nhập trích yếu.' }]}>
              <Input.TextArea rows={2} maxLength={500} />
            </Form.Item>
            <Form.Item
              name="issuing_body"
              label="Cơ quan ban hành"
              rules={[{ required: true, message: 'Nhập cơ quan ban hành.' }]}
            >
              <Input maxLength={200} />
            </Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}
