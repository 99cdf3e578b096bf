// The fields of a member's dossier as the pages show and edit them: the server names them, orders
// them and says what each value is (GET /api/v1/labels' `dossier_fields`); this file groups them
// for reading and gives each kind its control and its conversion to and from the API's strings.
import { Checkbox, DatePicker, Input } from 'antd';
import dayjs from 'dayjs';
import { Select } from '../controls';
import { catalogOptions, dossierFields, type DossierFieldInfo } from '../labels';
import { searchable } from '../search';
import { dateFormats, iso } from './forms';
import { MemberSearch } from './memberPickers';

// The admission file (hồ sơ kết nạp, core/admission.h): what a candidate needs before the branch
// votes. A candidate's page shows it in a card of its own, with what it still lacks
// (AdmissionFile.tsx); a member's dossier keeps it as a group, once it holds something.
export const admissionFileTitle = 'Hồ sơ kết nạp';
export const admissionFileCodes = ['party_course', 'background_check', 'youth_union_introduction', 'sponsor'];

// What a record's date means, where «Từ ngày» would not say it: the day a certificate was issued,
// a check concluded, since when a sponsor has worked with the candidate. The label in a form, and
// the words before the date where a value is read.
const dateMeaning: Record<string, { label: string; words: string }> = {
  party_course: { label: 'Ngày cấp', words: 'cấp ngày' },
  background_check: { label: 'Ngày kết luận', words: 'kết luận ngày' },
  youth_union_introduction: { label: 'Ngày giới thiệu', words: 'ngày' },
  sponsor: { label: 'Cùng công tác từ ngày', words: 'cùng công tác từ' },
};
export const dateLabel = (f: DossierFieldInfo) => dateMeaning[f.value]?.label;
export const dateWords = (f: DossierFieldInfo) => dateMeaning[f.value]?.words;

// Fields read together, by their codes (core/dossier.cpp). A group without a title is one field,
// headed by its own label; a field the list does not name (added later on the server) is shown
// alone, in the server's order.
const groupsByCode: { title?: string; codes: string[] }[] = [
  {
    title: 'Nơi sinh, quê quán, nơi ở',
    codes: ['place_of_birth', 'hometown', 'permanent_residence', 'current_residence'],
  },
  { title: 'Định danh, liên hệ', codes: ['citizen_id', 'phone'] },
  { title: 'Dân tộc, tôn giáo', codes: ['ethnicity', 'religion'] },
  { title: 'Nghề nghiệp, công tác', codes: ['occupation', 'work_unit', 'position'] },
  {
    title: 'Trình độ',
    codes: [
      'general_education',
      'professional_qualification',
      'professional_field',
      'degree',
      'academic_title',
      'political_theory',
      'foreign_language',
      'it_skill',
    ],
  },
  { title: 'Vào Đoàn, nhập ngũ, xuất ngũ', codes: ['youth_union_joined', 'enlisted', 'discharged'] },
  { title: admissionFileTitle, codes: admissionFileCodes },
];

export interface FieldGroup {
  key: string;
  title: string;
  fields: DossierFieldInfo[];
}

// The fields `shown` allows, grouped, each group where its first field stands in the server's order.
export function groupedFields(shown: (f: DossierFieldInfo) => boolean): FieldGroup[] {
  const groups: FieldGroup[] = [];
  const byKey = new Map<string, FieldGroup>();
  for (const f of dossierFields().filter(shown)) {
    const known = groupsByCode.find((g) => g.codes.includes(f.value));
    const key = known?.title ?? f.value;
    let group = byKey.get(key);
    if (!group) {
      group = { key, title: known?.title ?? f.label, fields: [] };
      byKey.set(key, group);
      groups.push(group);
    }
    group.fields.push(f);
  }
  return groups;
}

// The sensitive fields named inside a sentence: «số định danh cá nhân, dân tộc, …».
export function sensitiveNames(): string {
  return dossierFields()
    .filter((f) => f.sensitive)
    .map((f) => lowerFirst(f.label))
    .join(', ');
}

export function lowerFirst(s: string): string {
  return s ? s.charAt(0).toLocaleLowerCase('vi') + s.slice(1) : s;
}

// What a form holds for a field: text, a catalog code, a date, or a tick.
export type FormValue = string | dayjs.Dayjs | boolean | null | undefined;

export function toForm(f: DossierFieldInfo, value: string | undefined): FormValue {
  if (f.kind === 'date') return value ? dayjs(value) : null;
  if (f.kind === 'flag') return value === 'yes';
  if (f.kind === 'catalog' || f.kind === 'member') return value || undefined;
  return value ?? '';
}

export function fromForm(f: DossierFieldInfo, v: FormValue): string {
  if (f.kind === 'date') return dayjs.isDayjs(v) ? iso(v) : '';
  if (f.kind === 'flag') return v === true ? 'yes' : '';
  return typeof v === 'string' ? v.trim() : '';
}

// The control for a field's value, inside a Form.Item (which passes value and onChange). A member
// (a sponsor) is found by name among the official members the account holds; `shown` is how the
// value held reads (a record corrected: «Họ tên (mã)»).
export function ValueInput({
  field,
  shown,
  ...rest
}: { field: DossierFieldInfo; shown?: string } & Record<string, unknown>) {
  switch (field.kind) {
    case 'member':
      return (
        <MemberSearch
          {...rest}
          org={undefined}
          anywhere
          status="official"
          label={field.label}
          shown={shown}
          placeholder="Gõ họ tên đảng viên chính thức (có thể không dấu) hoặc mã"
        />
      );
    case 'catalog':
      return (
        <Select
          {...rest}
          {...searchable}
          allowClear
          placeholder="Gõ để tìm"
          style={{ width: '100%' }}
          options={catalogOptions(field.catalog ?? '')}
        />
      );
    case 'date':
      return <DatePicker {...rest} format={dateFormats} style={{ width: '100%' }} />;
    case 'flag':
      return <Checkbox {...rest}>Có</Checkbox>;
    case 'citizen_id':
      return <Input {...rest} inputMode="numeric" autoComplete="off" placeholder="12 chữ số" />;
    case 'phone':
      return <Input {...rest} inputMode="tel" autoComplete="off" />;
    default:
      return <Input {...rest} maxLength={500} />;
  }
}
