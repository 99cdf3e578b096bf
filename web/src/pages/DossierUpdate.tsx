// «Cập nhật hồ sơ…»: every field of the dossier (but the listed ones, which add entries of their
// own) prefilled with its value today; what the user changed is sent as one request, each change
// holding from the date chosen and resting on the note. A refusal is shown at the field it names.
import { useRef } from 'react';
import { Col, Divider, Form, Input, Row, DatePicker } from 'antd';
import dayjs from 'dayjs';
import { can, type Dossier, type DossierChange, type Viewer } from '../api';
import { client } from '../client';
import type { DossierFieldInfo } from '../labels';
import { FormDialog } from './FormDialog';
import { dateFormats, iso, listItemField } from './forms';
import { fromForm, groupedFields, toForm, ValueInput, type FormValue } from './dossierFields';

type Values = { from: dayjs.Dayjs; note?: string } & Record<string, FormValue>;

// A field's name in the form (apart from the form's own «from» and «note»).
const nameOf = (f: DossierFieldInfo) => `f_${f.value}`;

export function DossierUpdateDialog({
  code,
  dossier,
  account,
  onClose,
}: {
  code: string;
  dossier: Dossier;
  account: Viewer;
  onClose: () => void;
}) {
  const sensitive = dossier.sensitive_shown && can.readSensitive(account);
  const groups = groupedFields((f) => !f.listed && (sensitive || !f.sensitive)).filter((g) => g.fields.length);
  const fields = groups.flatMap((g) => g.fields);
  const current = new Map(dossier.facts.map((f) => [f.field, f.current?.value ?? '']));
  const initialValues: Partial<Values> = { from: dayjs() };
  for (const f of fields) initialValues[nameOf(f)] = toForm(f, current.get(f.value));
  // The form field of each change sent, so that a refusal naming `changes[2].value` finds it.
  const sent = useRef<string[]>([]);
  const fieldMap = (apiField: string) => {
    const item = listItemField(apiField, 'changes');
    if (!item) return undefined;
    const [index, part] = item;
    return part === 'from' || part === 'note' ? part : sent.current[index];
  };

  // The fields whose value differs from the one held today, as changes from the date chosen.
  const changesOf = (v: Values) => {
    const note = v.note?.trim() || undefined;
    return fields
      .map((f) => ({ f, value: fromForm(f, v[nameOf(f)]) }))
      .filter(({ f, value }) => value !== (current.get(f.value) ?? ''))
      .map(({ f, value }) => ({ name: nameOf(f), change: { field: f.value, value, from: iso(v.from), note } }));
  };
  const send = async (v: Values) => {
    const made = changesOf(v);
    sent.current = made.map((m) => m.name);
    const changes: DossierChange[] = made.map((m) => m.change);
    await client.POST('/api/v1/members/{code}/dossier', { params: { path: { code } }, body: { changes } });
    return `Đã cập nhật hồ sơ: ${changes.length} thông tin.`;
  };

  return (
    <FormDialog<Values>
      title="Cập nhật hồ sơ đảng viên"
      initialValues={initialValues}
      fields={['from', 'note', ...fields.map(nameOf)]}
      fieldMap={fieldMap}
      send={send}
      check={(v) => (changesOf(v).length ? undefined : 'Chưa có thông tin nào thay đổi.')}
      onClose={onClose}
      width={760}
      maskClosable={false}
    >
      {() => (
        <>
          <Row gutter={16}>
            <Col xs={24} md={8}>
              <Form.Item
                name="from"
                label="Áp dụng từ ngày"
                rules={[{ required: true, message: 'Chọn ngày thông tin mới bắt đầu có hiệu lực.' }]}
              >
                <DatePicker format={dateFormats} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={24} md={16}>
              <Form.Item name="note" label="Căn cứ (số quyết định, giấy tờ)">
                <Input maxLength={500} />
              </Form.Item>
            </Col>
          </Row>
          {groups.map((g) => (
            <div key={g.key}>
              <Divider orientation="left" plain style={{ marginTop: 0 }}>
                {g.title}
              </Divider>
              <Row gutter={16}>
                {g.fields.map((f) => (
                  <Col xs={24} md={12} key={f.value}>
                    <Form.Item name={nameOf(f)} label={f.label} valuePropName={f.kind === 'flag' ? 'checked' : 'value'}>
                      <ValueInput field={f} />
                    </Form.Item>
                  </Col>
                ))}
              </Row>
            </div>
          ))}
        </>
      )}
    </FormDialog>
  );
}
