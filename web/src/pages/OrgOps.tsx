// Organization operations, each with an effective date and a preview of what will change before
// it is confirmed. The server checks everything again; its refusal shows next to the field.
import { useState } from 'react';
import { Alert, DatePicker, Form, Input, Modal, Typography } from 'antd';
import { Select } from '../controls';
import dayjs from 'dayjs';
import { type TreeNode } from '../api';
import { client } from '../client';
import { vnNumber, label } from '../labels';
import { dateFormat, fieldErrors, iso, dateFormats } from './forms';
import { searchable } from '../search';

type Op = 'rename' | 'move' | 'dissolve' | 'split';
const opTitle: Record<Op, string> = {
  rename: 'Đổi tên tổ chức',
  move: 'Chuyển tổ chức sang tổ chức cấp trên khác',
  dissolve: 'Giải thể tổ chức',
  split: 'Chia tách tổ chức',
};

function orgOptions(orgs: TreeNode[], except: string[] = []) {
  return orgs
    .filter((o) => !except.includes(o.code))
    .map((o) => ({ value: o.code, label: `${o.name} [${o.code}] — ${label('org_kinds', o.kind)}` }));
}

// A two-step dialog: the form, then the preview, then the call.
function TwoStep<T>(props: {
  title: string;
  fields: string[];
  children: React.ReactNode;
  describe: (v: T) => React.ReactNode;
  send: (v: T) => Promise<unknown>;
  onClose: (changed: boolean) => void;
  fieldMap?: Record<string, string>;
}) {
  const [form] = Form.useForm();
  const [preview, setPreview] = useState<T | null>(null);
  const [busy, setBusy] = useState(false);
  const confirm = async () => {
    if (!preview) return;
    setBusy(true);
    try {
      await props.send(preview);
      props.onClose(true);
    } catch (e) {
      setPreview(null);
      fieldErrors(form, e, props.fields, props.fieldMap);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      title={props.title}
      okText={preview ? 'Xác nhận' : 'Xem trước thay đổi'}
      cancelText={preview ? 'Quay lại' : 'Hủy'}
      confirmLoading={busy}
      onOk={() => (preview ? confirm() : form.validateFields().then((v) => setPreview(v as T)))}
      onCancel={() => (preview ? setPreview(null) : props.onClose(false))}
      width={640}
    >
      <div style={{ display: preview ? 'none' : 'block' }}>
        <Form form={form} layout="vertical" initialValues={{ date: dayjs() }}>
          {props.children}
          <Form.Item label="Ngày có hiệu lực" name="date" rules={[{ required: true, message: 'Bắt buộc' }]}>
            <DatePicker format={dateFormats} />
          </Form.Item>
        </Form>
      </div>
      {preview && (
        <Alert
          type="warning"
          data-testid="preview"
          message="Những gì sẽ thay đổi"
          description={props.describe(preview)}
        />
      )}
    </Modal>
  );
}

interface MergeValues {
  from: string[];
  into: string;
  date: dayjs.Dayjs;
}

export function MergeDialog({ orgs, onClose }: { orgs: TreeNode[]; onClose: (changed: boolean) => void }) {
  const byCode = new Map(orgs.map((o) => [o.code, o]));
  return (
    <TwoStep<MergeValues>
      title="Hợp nhất tổ chức"
      fields={['from', 'into', 'date']}
      onClose={onClose}
      describe={(v) => {
        const target = byCode.get(v.into);
        const moving = v.from.reduce((n, c) => n + (byCode.get(c)?.counts.members ?? 0), 0);
        return (
          <>
            <p>
              Từ ngày {v.date.format(dateFormat)}: {v.from.map((c) => byCode.get(c)?.name ?? c).join(', ')} hợp nhất vào{' '}
              <b>{target?.name ?? v.into}</b> và chấm dứt hoạt động.
            </p>
            <p>
              {vnNumber(moving)} đảng viên chuyển sinh hoạt sang {target?.name ?? v.into}; các tổ chức trực thuộc chuyển
              về tổ chức này. Trước ngày đó, cây tổ chức vẫn như cũ.
            </p>
          </>
        );
      }}
      send={(v) => client.POST('/api/v1/orgs/merge', { body: { from: v.from, into: v.into, date: iso(v.date) } })}
    >
      <Form.Item
        label="Các tổ chức được hợp nhất"
        name="from"
        rules={[{ required: true, message: 'Chọn ít nhất một tổ chức' }]}
      >
        <Select mode="multiple" options={orgOptions(orgs)} {...searchable} />
      </Form.Item>
      <Form.Item label="Hợp nhất vào (tổ chức đã có)" name="into" rules={[{ required: true, message: 'Bắt buộc' }]}>
        <Select options={orgOptions(orgs)} {...searchable} />
      </Form.Item>
    </TwoStep>
  );
}

interface OpValues {
  name?: string;
  parent?: string;
  part1_code?: string;
  part1_name?: string;
  part2_code?: string;
  part2_name?: string;
  date: dayjs.Dayjs;
}

export function OrgOpDialog({
  op,
  org,
  orgs,
  onClose,
}: {
  op: Op;
  org: TreeNode;
  orgs: TreeNode[];
  onClose: (changed: boolean) => void;
}) {
  const send = (v: OpValues) => {
    const date = iso(v.date);
    const params = { path: { code: org.code } };
    if (op === 'rename')
      return client.POST('/api/v1/orgs/{code}/rename', { params, body: { name: v.name ?? '', date } });
    if (op === 'move')
      return client.POST('/api/v1/orgs/{code}/move', { params, body: { parent: v.parent ?? '', date } });
    if (op === 'dissolve') return client.POST('/api/v1/orgs/{code}/dissolve', { params, body: { date } });
    return client.POST('/api/v1/orgs/{code}/split', {
      params,
      body: {
        date,
        parts: [
          { code: v.part1_code ?? '', name: v.part1_name ?? '' },
          { code: v.part2_code ?? '', name: v.part2_name ?? '' },
        ],
      },
    });
  };
  const describe = (v: OpValues) => {
    const when = `Từ ngày ${v.date.format(dateFormat)}`;
    if (op === 'rename') return `${when}: «${org.name}» mang tên «${v.name}». Trước ngày đó vẫn hiển thị tên cũ.`;
    if (op === 'move') {
      const p = orgs.find((o) => o.code === v.parent);
      return `${when}: «${org.name}» (cùng ${vnNumber(org.counts.members)} đảng viên) trực thuộc «${p?.name ?? v.parent}».`;
    }
    if (op === 'dissolve')
      return `${when}: «${org.name}» chấm dứt hoạt động (chỉ được khi không còn tổ chức con và đảng viên).`;
    return `${when}: «${org.name}» chia thành «${v.part1_name}» và «${v.part2_name}»; ${vnNumber(
      org.counts.members,
    )} đảng viên và các tổ chức con chuyển sang «${v.part1_name}».`;
  };
  return (
    <TwoStep<OpValues>
      title={`${opTitle[op]}: ${org.name}`}
      fields={['name', 'parent', 'part1_code', 'part1_name', 'part2_code', 'date']}
      fieldMap={{ org: 'date', into: 'part1_code' }}
      onClose={onClose}
      describe={describe}
      send={send}
    >
      {op === 'rename' && (
        <Form.Item label="Tên mới" name="name" rules={[{ required: true, message: 'Bắt buộc' }]}>
          <Input />
        </Form.Item>
      )}
      {op === 'move' && (
        <Form.Item label="Tổ chức cấp trên mới" name="parent" rules={[{ required: true, message: 'Bắt buộc' }]}>
          <Select options={orgOptions(orgs, [org.code])} {...searchable} />
        </Form.Item>
      )}
      {op === 'split' && (
        <>
          <Form.Item
            label="Mã tổ chức mới thứ nhất"
            name="part1_code"
            rules={[{ required: true, message: 'Bắt buộc' }]}
          >
            <Input />
          </Form.Item>
          <Form.Item
            label="Tên tổ chức mới thứ nhất"
            name="part1_name"
            rules={[{ required: true, message: 'Bắt buộc' }]}
          >
            <Input />
          </Form.Item>
          <Form.Item label="Mã tổ chức mới thứ hai" name="part2_code" rules={[{ required: true, message: 'Bắt buộc' }]}>
            <Input />
          </Form.Item>
          <Form.Item
            label="Tên tổ chức mới thứ hai"
            name="part2_name"
            rules={[{ required: true, message: 'Bắt buộc' }]}
          >
            <Input />
          </Form.Item>
        </>
      )}
      {op === 'dissolve' && (
        <Typography.Paragraph>Tổ chức phải không còn tổ chức con và đảng viên.</Typography.Paragraph>
      )}
    </TwoStep>
  );
}
