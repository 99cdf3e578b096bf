// Search in pickers as member search does on the server: without diacritics and case, "đ" as
// "d" — "dung" finds "Dũng", "dang uy" finds "Đảng ủy".
export function fold(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

type Option = { label?: unknown; title?: unknown } | undefined;

export function matchFolded(input: string, option: Option): boolean {
  const text = typeof option?.label === 'string' ? option.label : typeof option?.title === 'string' ? option.title : '';
  return fold(text).includes(fold(input));
}

// Spread on an antd Select: <Select {...searchable} options={…} />.
export const searchable = { showSearch: true, filterOption: matchFolded } as const;
