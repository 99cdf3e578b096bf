// The year a page of yearly results is about (the quality rating of members, the orgs' results):
// from the address (a bookmark, the back button, a link), else the round being held.
import { useEffect, useRef, useState } from 'react';
import dayjs from 'dayjs';
import { hashParams, replaceHashParams } from '../route';

// The year rated by default: last year's round until December, when this year's is held.
export function defaultYear(): number {
  const today = dayjs();
  return today.month() < 11 ? today.year() - 1 : today.year();
}

function yearAsked(): number | null {
  const asked = hashParams().get('year');
  return asked && /^\d{4}$/.test(asked) ? Number(asked) : null;
}

// The year from the address, followed when the address changes (a link, the back button), and
// kept in it: the year chosen, and after another organization is picked (`org`, a new route that
// names no year).
export function useYearInAddress(org: string): [number, (year: number) => void] {
  const [year, setYear] = useState(() => yearAsked() ?? defaultYear());
  useEffect(() => {
    const follow = () => {
      const asked = yearAsked();
      if (asked) setYear(asked);
    };
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, []);
  // The year last written. A new route may render before the listener above has read its year
  // (the app's own listener runs first): the address's year is not overwritten with the old one.
  const written = useRef(year);
  useEffect(() => {
    const asked = yearAsked();
    if (asked !== null && asked !== year && written.current === year) return;
    written.current = year;
    replaceHashParams({ year });
  }, [org, year]);
  return [year, setYear];
}

// This year and the five before (and `ahead` years after: titles are registered for next year
// late in this one), and the year from the address when another; latest first.
export function yearOptions(asked: number, ahead = 0): number[] {
  const now = dayjs().year();
  const years = Array.from({ length: 6 + ahead }, (_, i) => now + ahead - i);
  if (!years.includes(asked)) years.push(asked);
  return years.sort((a, b) => b - a);
}
