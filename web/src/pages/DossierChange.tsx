// One record of a member's dossier: a new entry of a listed field («Thêm khen thưởng…»), a new
// value of any other (the admission file's «Ghi thẩm tra lý lịch…»), or the correction of a record made by mistake («Sửa bản ghi nhầm…»: its right value and date, or the
// record voided). Nothing is edited: the server appends a record that replaces the wrong one.
import { Alert, DatePicker, Form, Input, Radio, type FormInstance } from 'antd';
import dayjs from 'dayjs';
import type { DossierRecord } from '../api';
import { client } from '../client';
import { vnDate, type DossierFieldInfo } from '../labels';
import { FormDialog } from './FormDialog';
import { dateFormats, iso, listItemField } from './forms';
import { dateLabel, fromForm, lowerFirst, toForm, ValueInput, type FormValue } from './dossierFields';

export interface ChangeTarget {
  field: DossierFieldInfo;
  // The record corrected; none for a new entry.
  replaces: DossierRecord | null;
}

type Values = { action: 'fix' | 'void'; value: FormValue; from: dayjs.Dayjs; note?: string };

export function DossierChangeDialog({
  code,
  target,
  onClose,
}: {
  code: string;
  target: ChangeTarget;
  onClose: (changed: boolean) => void;
}) {
  const { field, replaces } = target;
  const what = lowerFirst(field.label);
  const send = async (v: Values) => {
    const voiding = replaces !== null && v.action === 'void';
    await client.POST('/api/v1/members/{code}/dossier', {
      params: { path: { code } },
      body: {
        changes: [
          {
            field: field.value,
            value: voiding ? '' : fromForm(field, v.value),
            from: iso(v.from),
            note: v.note?.trim() || undefined,
            replaces: replaces?.id,
          },
        ],
      },
    });
    if (!replaces) return field.listed ? `Đã thêm ${what}.` : `Đã ghi ${what}.`;
    return voiding ? `Đã hủy bản ghi nhầm của ${what}.` : `Đã sửa bản ghi của ${what}.`;
  };
  const fieldMap = (apiField: string) => {
    const part = listItemField(apiField, 'changes')?.[1];
    return part === 'from' || part === 'note' ? part : part !== undefined ? 'value' : undefined;
  };
  return (
    <FormDialog<Values>
      title={replaces ? `Sửa bản ghi nhầm: ${field.label}` : field.listed ? `Thêm ${what}` : `Ghi ${what}`}
      initialValues={{
        action: 'fix',
        // A new flag is recorded to say it holds (the background check concluded).
        value: toForm(field, replaces ? replaces.value : field.kind === 'flag' ? 'yes' : undefined),
        // Since when a sponsor has worked with the candidate is never today: it is asked, not guessed.
        from: replaces ? dayjs(replaces.from) : field.kind === 'member' ? undefined : dayjs(),
      }}
      fields={['value', 'from', 'note']}
      fieldMap={fieldMap}
      send={send}
      onClose={onClose}
      width={560}
    >
      {(form) => <ChangeFields form={form} target={target} />}
    </FormDialog>
  );
}

function ChangeFields({ form, target }: { form: FormInstance<Values>; target: ChangeTarget }) {
  const { field, replaces } = target;
  const action = Form.useWatch('action', form);
  const valueRequired = [{ required: true, message: `Hãy ghi ${lowerFirst(field.label)}.` }];
  return (
    <>
      {replaces && (
        <>
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            message={`Bản ghi nhầm: «${replaces.value_label || 'trống'}» từ ${vnDate(replaces.from)}.`}
            description="Bản ghi cũ không bị xóa: nó vẫn trong quá trình thay đổi, gạch ngang, kèm bản ghi sửa."
          />
          <Form.Item name="action" label="Cách sửa">
            <Radio.Group>
              <Radio value="fix">Ghi lại giá trị và ngày đúng</Radio>
              <Radio value="void">Hủy bản ghi này (ghi nhầm hoàn toàn)</Radio>
            </Radio.Group>
          </Form.Item>
        </>
      )}
      {action !== 'void' && (
        <Form.Item
          name="value"
          label={replaces ? `${field.label} (đúng)` : field.label}
          valuePropName={field.kind === 'flag' ? 'checked' : 'value'}
          rules={field.kind === 'flag' ? [] : valueRequired}
        >
          <ValueInput field={field} shown={replaces?.value_label} />
        </Form.Item>
      )}
      <Form.Item
        name="from"
        label={`${dateLabel(field) ?? 'Từ ngày'}${replaces ? ' (đúng)' : ''}`}
        rules={[{ required: true, message: 'Chọn ngày.' }]}
      >
        <DatePicker format={dateFormats} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item
        name="note"
        label={replaces ? 'Lý do sửa, căn cứ' : 'Căn cứ (số quyết định, giấy tờ)'}
        rules={replaces ? [{ required: true, whitespace: true, message: 'Hãy ghi lý do sửa.' }] : []}
      >
        <Input maxLength={500} />
      </Form.Item>
    </>
  );
}
