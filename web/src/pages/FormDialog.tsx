// One dialog that records one thing: the form's fields inside, "Ghi" sends it, a refusal is shown
// at the field it names (or as a message), success closes it with a sentence of what was recorded.
import { useState, type ReactNode } from 'react';
import { Form, Modal, message, type FormInstance } from 'antd';
import { fieldErrors, type FieldMap } from './forms';

export interface FormDialogProps<V> {
  title: string;
  initialValues?: Partial<V>;
  // The form's field names, and the API's field names mapped to them (a refusal's `field`).
  fields: string[];
  fieldMap?: FieldMap;
  // Sends the values; returns the sentence to show, or nothing.
  send: (values: V) => Promise<string | void>;
  // Before sending: a sentence when there is nothing to send (the dialog stays open with it).
  check?: (values: V) => string | void;
  onClose: (changed: boolean) => void;
  children: (form: FormInstance<V>) => ReactNode;
  width?: number;
  // The button that sends («Ghi» unless said otherwise); red when the action cannot be undone.
  okText?: string;
  okDanger?: boolean;
  // Whether a click beside the dialog closes it (a long form keeps what was typed instead).
  maskClosable?: boolean;
  // The form's name, which prefixes its fields' ids: a dialog opened over a page that has a form
  // with the same field names (the member page's «Ghi sự kiện») must not repeat their ids, or a
  // label would name the page's field instead of the dialog's.
  name?: string;
}

export function FormDialog<V>({
  title,
  initialValues,
  fields,
  fieldMap,
  send,
  onClose,
  children,
  width = 680,
  okText = 'Ghi',
  okDanger = false,
  maskClosable = true,
  check,
  name,
}: FormDialogProps<V>) {
  const [form] = Form.useForm<V>();
  const [saving, setSaving] = useState(false);
  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    const nothing = check?.(v);
    if (nothing) {
      message.warning(nothing);
      return;
    }
    setSaving(true);
    try {
      const done = await send(v);
      if (done) message.success(done);
      onClose(true);
    } catch (e) {
      fieldErrors(form, e, fields, fieldMap);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      open
      title={title}
      okText={okText}
      okButtonProps={{ danger: okDanger }}
      cancelText={okDanger ? 'Không hủy' : 'Hủy'}
      confirmLoading={saving}
      onOk={submit}
      onCancel={() => onClose(false)}
      width={width}
      maskClosable={maskClosable}
    >
      <Form form={form} name={name} layout="vertical" initialValues={initialValues}>
        {children(form)}
      </Form>
    </Modal>
  );
}
