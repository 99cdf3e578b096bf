// The text size the user chose, kept in this browser (localStorage) so it stays across visits.
// Sizes are antd's base font size in px; the default is larger than antd's 14 for elderly eyes.
import { useEffect, useState } from 'react';

export const textSizes = [
  { value: 16, label: 'Vừa' },
  { value: 18, label: 'Lớn' },
  { value: 20, label: 'Rất lớn' },
] as const;
const key = 'dangvu.textSize';
const listeners = new Set<(n: number) => void>();

function stored(): number {
  const n = Number(window.localStorage.getItem(key));
  return textSizes.some((s) => s.value === n) ? n : textSizes[0].value;
}

export function setTextSize(n: number) {
  window.localStorage.setItem(key, String(n));
  for (const l of listeners) l(n);
}

export function useTextSize(): number {
  const [size, setSize] = useState(stored);
  useEffect(() => {
    listeners.add(setSize);
    return () => {
      listeners.delete(setSize);
    };
  }, []);
  return size;
}
