// A document as the server renders it to HTML (a report, the member statistics): fetched as a
// fragment and shown as a printed Party document. The server escapes every text; the markup is
// its own.

// How the preview looks: a printed Party document.
const documentCss = `
.dv-report{font-family:'Times New Roman','Liberation Serif',serif;font-size:15px;line-height:1.5;max-width:820px;margin:auto;color:#000}
.dv-report .letterhead,.dv-report .signature{display:flex;justify-content:space-between;text-align:center;gap:24px}
.dv-report .strong{font-weight:bold}.dv-report .italic{font-style:italic}.dv-report .underline{text-decoration:underline}
.dv-report h2{text-align:center;font-size:18px;margin:16px 0 0}.dv-report .title{text-align:center;font-weight:bold;text-indent:0}.dv-report .centered{text-align:center;text-indent:0}
.dv-report h3,.dv-report h4{font-size:15px;font-weight:bold;margin:10px 0 4px}
.dv-report p{text-align:justify;text-indent:2em;margin:4px 0}.dv-report p.bullet{text-indent:2em}
.dv-report table{border-collapse:collapse;width:100%;font-size:13px;margin:6px 0}
.dv-report th,.dv-report td{border:1px solid #000;padding:2px 6px}.dv-report td.num{text-align:right}
.dv-report tr.total{font-weight:bold}.dv-report mark.draft{background:#fff59d}
.dv-report figcaption{text-align:center;font-weight:bold}.dv-report .space{height:48px}
.dv-report .recipients{text-align:left;font-size:13px}.dv-report .annex{border-top:1px dashed #999;margin-top:24px}`;

// The document as an HTML fragment, or why there is none (the server's own message when it gives
// one).
export async function previewOf(url: string, signal: AbortSignal): Promise<[string, string]> {
  try {
    const res = await fetch(url, { credentials: 'same-origin', signal });
    if (res.ok) return [await res.text(), ''];
    const body = await res.json().catch(() => ({}));
    return ['', body?.error?.message ?? `Máy chủ trả lời lỗi ${res.status}.`];
  } catch (e) {
    if (signal.aborted) throw e;
    return ['', 'Không kết nối được máy chủ.'];
  }
}

// The fragment itself; it scrolls sideways on a phone, and is focusable so the keyboard can scroll
// it too.
export function DocumentHtml({ html, label }: { html: string; label: string }) {
  return (
    <>
      <style>{documentCss}</style>
      <div
        style={{ overflowX: 'auto' }}
        tabIndex={0}
        role="region"
        aria-label={label}
        dangerouslySetInnerHTML={{ __html: html }}
      />
    </>
  );
}
