// Hash routes (#/tree, #/org/TU, #/members, #/member/QC01, #/conferences/TU, #/conference/3,
// #/audit): bookmarkable, no server
// routing needed.
import { useEffect, useState } from 'react';

export function useRoute(): string[] {
  const read = () => window.location.hash.replace(/^#\/?/, '').split('/').map(decodeURIComponent);
  const [parts, setParts] = useState(read);
  useEffect(() => {
    const onChange = () => setParts(read());
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return parts;
}

export function go(...parts: string[]) {
  window.location.hash = '#/' + parts.map(encodeURIComponent).join('/');
}
