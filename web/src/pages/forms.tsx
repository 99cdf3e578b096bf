import { message, type FormInstance } from 'antd';
import type { Dayjs } from 'dayjs';
import { ApiError } from '../api';

// Shows the server's refusal next to the field it names, or as a message when it names none.
// `fields` are the form's field names; `fieldMap` maps the API's field names to them.
export function fieldErrors(form: FormInstance, e: unknown, fields: string[], fieldMap: Record<string, string> = {}) {
  if (e instanceof ApiError) {
    const field = fieldMap[e.field] ?? e.field;
    if (field && fields.includes(field)) {
      form.setFields([{ name: field, errors: [atField(e.message)] }]);
      return;
    }
    message.error(e.message);
    return;
  }
  message.error('Không kết nối được máy chủ.');
}

// Under the field itself, the server's "Trường «date»: " (the API's name of the field) says nothing
// more to the user.
export function atField(text: string): string {
  const rest = text.replace(/^Trường «[^»]*»:\s*/, '');
  return rest.charAt(0).toLocaleUpperCase('vi') + rest.slice(1);
}

export function iso(d: Dayjs | null | undefined): string {
  return d ? d.format('YYYY-MM-DD') : '';
}

export const dateFormat = 'DD/MM/YYYY';
// What a date field accepts as typed: dd/mm/yyyy, and the short and dashed forms people type
// (30/6/2023, 30-06-2023, 30.06.2023, 30062023); it always shows dd/mm/yyyy.
export const dateFormats = ['DD/MM/YYYY', 'D/M/YYYY', 'DD-MM-YYYY', 'D-M-YYYY', 'DD.MM.YYYY', 'D.M.YYYY', 'DDMMYYYY'];
