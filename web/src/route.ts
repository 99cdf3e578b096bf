// Hash routes (#/tree, #/org/TU, #/members/DB001?q=dung&page=2, #/member/QC01, #/conference/3):
// bookmarkable, no server routing needed. What follows "?" is the page's own state (a search, a
// page number), kept in the address so the back button returns to it.
import { useEffect, useState } from 'react';
import { query } from './api';

function hashParts(): { path: string[]; params: URLSearchParams } {
  const hash = window.location.hash.replace(/^#\/?/, '');
  const [path, search = ''] = hash.split('?', 2);
  return { path: path.split('/').map(decodeURIComponent), params: new URLSearchParams(search) };
}

export function useRoute(): string[] {
  const [parts, setParts] = useState(() => hashParts().path);
  useEffect(() => {
    const onChange = () => {
      const next = hashParts().path;
      // A change of the page's own state (replaceHashParams) keeps the same route.
      setParts((prev) => (prev.join('/') === next.join('/') ? prev : next));
    };
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return parts;
}

export function go(...parts: string[]) {
  window.location.hash = '#/' + parts.map(encodeURIComponent).join('/');
}

// The page's state as read from the address when the page opens.
export function hashParams(): URLSearchParams {
  return hashParts().params;
}

// Writes the page's state into the address without a new history entry (typing a search does not
// fill the back button's history); empty values are left out.
export function replaceHashParams(params: Record<string, string | number | undefined>) {
  const { path } = hashParts();
  const hash = '#/' + path.map(encodeURIComponent).join('/') + query(params);
  if (hash !== window.location.hash) window.history.replaceState(null, '', hash);
}
