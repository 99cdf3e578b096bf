import type { KeyboardEvent } from 'react';
import { message, type FormInstance } from 'antd';
import type { Dayjs } from 'dayjs';
import { ApiError } from '../api';

// The API's field names mapped to the form's: a table, or a function for names that depend on
// what was sent (`changes[2].value` → the form field of the third change).
export type FieldMap = Record<string, string> | ((apiField: string) => string | undefined);

// Shows the server's refusal next to the field it names (scrolled into view: a long form may
// have it below), or as a message when it names none. `fields` are the form's field names.
export function fieldErrors(form: FormInstance, e: unknown, fields: string[], fieldMap: FieldMap = {}) {
  if (e instanceof ApiError) {
    const field = (typeof fieldMap === 'function' ? fieldMap(e.field) : fieldMap[e.field]) ?? e.field;
    if (field && fields.includes(field)) {
      form.setFields([{ name: field, errors: [atField(e.message)] }]);
      form.scrollToField(field, { block: 'center' });
      return;
    }
    message.error(e.message);
    return;
  }
  message.error('Không kết nối được máy chủ.');
}

// Under the field itself, the server's "Trường «date»: " or "Trường «to» (giảm đến tháng): " (the
// API's name of the field, and the field's own label) says nothing more to the user.
export function atField(text: string): string {
  const rest = text.replace(/^Trường «[^»]*»(?:\s*\([^()]*\))?:\s*/, '');
  return rest.charAt(0).toLocaleUpperCase('vi') + rest.slice(1);
}

// The item of a list sent whose part a refusal names: `changes[2].value` → [2, 'value'].
export function listItemField(apiField: string, list: string): [number, string] | undefined {
  const m = apiField.match(/^([a-z_]+)\[(\d+)\](?:\.([a-z_]+))?$/);
  return m && m[1] === list ? [Number(m[2]), m[3] ?? ''] : undefined;
}

export function iso(d: Dayjs | null | undefined): string {
  return d ? d.format('YYYY-MM-DD') : '';
}

export const dateFormat = 'DD/MM/YYYY';
// What a date field accepts as typed: dd/mm/yyyy, and the short and dashed forms people type
// (30/6/2023, 30-06-2023, 30.06.2023, 30062023); it always shows dd/mm/yyyy.
export const dateFormats = ['DD/MM/YYYY', 'D/M/YYYY', 'DD-MM-YYYY', 'D-M-YYYY', 'DD.MM.YYYY', 'D.M.YYYY', 'DDMMYYYY'];

// On a form with a submit button, Enter in a text box sends the form; in a date box it only means
// «this date» (typed dates are confirmed with Enter), so there it must not send a half-filled form.
export function enterConfirmsDates(e: KeyboardEvent<HTMLFormElement>) {
  if (e.key === 'Enter' && e.target instanceof HTMLElement && e.target.closest('.ant-picker')) e.preventDefault();
}
