// Browser tests at an office's desktop: Debian's chromium driven by playwright-core against a real
// `dangvu serve` over a fresh demo database (tests/harness.mjs). Usage:
// node browser.test.mjs DANGVU_BINARY WEB_DIST OUTPUT_DIR
import { readFileSync } from 'node:fs';
import { inflateRawSync } from 'node:zlib';
import { join } from 'node:path';
import {
  base,
  out,
  passwords,
  test,
  login,
  choose,
  chooseBySearch,
  pickDate,
  showPreview,
  chooseOne,
  chooseFirst,
  choosePeriod,
  chooseIn,
  vnDay,
  apiOf,
  phone,
  finish,
} from './harness.mjs';

// Completes a candidate's admission file through the API where the server says it lacks something
// (the demo leaves one candidate in eight waiting for a piece): a course certificate, the
// background check concluded, official members of the candidate's branch as sponsors who have
// worked with the candidate for two years.
async function completeAdmissionFile(page, code) {
  const { get, post } = await apiOf(page);
  const dossier = await get(`api/v1/members/${code}/dossier`);
  if (!dossier.admission_gaps) throw new Error(`${code} is not a candidate`);
  const lacks = new Set(dossier.admission_gaps.map((g) => g.field));
  const changes = [];
  if (lacks.has('party_course')) changes.push({ field: 'party_course', value: '101/GCN-TTCT', from: vnDay(-60).iso });
  if (lacks.has('background_check')) changes.push({ field: 'background_check', value: 'yes', from: vnDay(-30).iso });
  if (lacks.has('sponsor')) {
    const member = await get(`api/v1/members/${code}`);
    const held = new Set(dossier.facts.find((f) => f.field === 'sponsor')?.history.map((e) => e.value));
    const { rows } = await get(`api/v1/members?org=${member.org}&status=official&limit=50`);
    for (const r of rows.filter((r) => !held.has(r.code)).slice(0, 2))
      changes.push({ field: 'sponsor', value: r.code, from: vnDay(-730).iso });
  }
  if (changes.length) await post(`api/v1/members/${code}/dossier`, { changes });
  const after = await get(`api/v1/members/${code}/dossier`);
  if (after.admission_gaps.length) throw new Error(`${code} still lacks: ${JSON.stringify(after.admission_gaps)}`);
}

await test('login shows the tree of the own org', async (page) => {
  await page.goto(base);
  await page.getByLabel('Tên đăng nhập').fill('vanphong');
  await page.getByLabel('Mật khẩu').fill('mat-khau-sai-123');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByTestId('login-error').getByText('không đúng').waitFor();
  await login(page, 'vanphong');
  await page.getByTestId('node-DBCQD').waitFor();
  if (await page.getByTestId('node-DBUB').count()) throw new Error('another committee is visible');
});

await test('search without diacritics finds Dam Van Chinh', async (page) => {
  await login(page, 'vanphong');
  await page.goto(`${base}#/members`);
  await page.getByLabel('Tìm theo họ tên').fill('dam van chinh');
  await page.getByRole('cell', { name: 'Đàm Văn Chính' }).waitFor();
  // The row names the organization, not its code.
  const found = await (await page.request.get(`${base}api/v1/members?q=dam%20van%20chinh`)).json();
  const chinh = found.rows.find((r) => r.full_name === 'Đàm Văn Chính');
  if (!chinh.org_name) throw new Error('no org name');
  await page
    .getByRole('row', { name: /Đàm Văn Chính/ })
    .getByRole('cell', { name: chinh.org_name })
    .waitFor();
});

// The candidate's file is made complete first; the branch voted the same day as the decision.
await test('record an admission, then an early recognition is refused at the date', async (page) => {
  await login(page, 'vanphong');
  await completeAdmissionFile(page, 'QC0000001');
  await page.goto(`${base}#/member/QC0000001`);
  await page.getByText('Quần chúng ưu tú').first().waitFor();
  await page.getByTestId('admission-complete').getByText('Hồ sơ kết nạp đã đủ để chi bộ xét.').waitFor();
  await choose(page, 'Sự kiện', 'Kết nạp');
  await chooseOne(page, 'Chi bộ', 'DB001.01', '[DB001.01]');
  await pickDate(page, 'Ngày chi bộ xét, biểu quyết', vnDay().vn);
  await page.getByLabel('Số quyết định').fill('125-QĐ/ĐU');
  const sent = page.waitForRequest((r) => r.method() === 'POST' && r.url().endsWith('/members/QC0000001/events'));
  await page.getByRole('button', { name: 'Ghi sự kiện' }).click();
  // The vote's date goes with the admission (the member's events do not show it).
  const vote = (await sent).postDataJSON().vote_date;
  if (vote !== vnDay().iso) throw new Error(`the admission's vote date: ${vote}`);
  await page.getByText('Đã ghi: Kết nạp.').waitFor();
  await page.getByText('Đảng viên dự bị').first().waitFor();
  // A member's file is part of the dossier, no longer a card of its own.
  if (await page.getByTestId('admission-file').count()) throw new Error('an admitted member has the candidate card');
  await choose(page, 'Sự kiện', 'Công nhận đảng viên chính thức');
  await page.getByRole('button', { name: 'Ghi sự kiện' }).click();
  await page.locator('.ant-form-item-explain-error', { hasText: 'tháng dự bị' }).waitFor();
});

// A member's dossier: the administrator sets the ethnicity (found without diacritics), the
// political theory and the citizen ID; an ID of 11 digits is refused at its field and nothing is
// recorded; with 12 it is, and the card shows them. A viewer is shown neither the ID nor the
// ethnicity, and is told which kinds of information are hidden.
await test('a dossier update refused at the citizen ID, then saved; a viewer sees no sensitive field', async (page) => {
  await login(page, 'quantri');
  const get = async (path) => (await page.request.get(`${base}${path}`)).json();
  const labels = await get('api/v1/labels');
  const field = (code) => labels.dossier_fields.find((f) => f.value === code);
  // A member the viewer (scope DBUB) may read, not of the Tày group yet.
  const { rows } = await get('api/v1/members?org=DBUB&status=official&limit=20');
  let member;
  let before;
  for (const r of rows) {
    before = await get(`api/v1/members/${r.code}/dossier`);
    if (!before.facts.some((f) => f.field === 'ethnicity' && f.current?.value_label === 'Tày')) {
      member = r;
      break;
    }
  }
  if (!before.sensitive_shown) throw new Error('the administrator is not shown the sensitive fields');
  const theoryNow = before.facts.find((f) => f.field === 'political_theory')?.current?.value;
  const theory = labels.catalogs.political_theory.find((c) => c.value !== theoryNow).label;
  await page.goto(`${base}#/member/${member.code}`);
  await page.getByTestId('dossier-update').click();
  await chooseOne(page, field('ethnicity').label, 'tay', 'Tày');
  await chooseOne(page, field('political_theory').label, theory);
  const id = page.getByLabel(field('citizen_id').label, { exact: true });
  await id.fill('09908099900');
  // The dialog's primary button (after a refusal antd may keep a faded «loading» icon in its name).
  const save = page.locator('.ant-modal-footer .ant-btn-primary', { hasText: 'Ghi' });
  await save.click();
  await page
    .locator('.ant-form-item', { has: id })
    .locator('.ant-form-item-explain-error', { hasText: '12 chữ số' })
    .waitFor();
  if (JSON.stringify(await get(`api/v1/members/${member.code}/dossier`)) !== JSON.stringify(before))
    throw new Error('a refused update changed the dossier');
  await id.fill('099080999001');
  await save.click();
  await page.locator('.ant-modal').waitFor({ state: 'hidden' });
  const row = (code) => page.getByTestId('dossier').locator('tr', { hasText: field(code).label });
  await row('ethnicity').getByText('Tày').waitFor();
  await row('political_theory').getByText(theory).waitFor();
  await row('citizen_id').getByText('099080999001').waitFor();

  await page.context().clearCookies();
  await login(page, 'xem');
  await page.goto(`${base}#/member/${member.code}`);
  const hidden = labels.dossier_fields
    .filter((f) => f.sensitive)
    .map((f) => f.label.charAt(0).toLocaleLowerCase('vi') + f.label.slice(1));
  await page
    .getByTestId('dossier-sensitive-hidden')
    .getByText(`Một số thông tin nhạy cảm (${hidden.join(', ')}) không hiển thị với tài khoản của bạn.`)
    .waitFor();
  await row('political_theory').getByText(theory).waitFor();
  const card = await page.getByTestId('dossier').innerText();
  if (card.includes('099080999001') || card.includes('Tày')) throw new Error('a sensitive field shown to a viewer');
});

await test('merge two branches and see the tree before and after the date', async (page) => {
  await login(page, 'quantri');
  await page.getByTestId('node-CB030').waitFor();
  await page.getByRole('button', { name: 'Hợp nhất tổ chức…' }).click();
  await chooseBySearch(page, 'Các tổ chức được hợp nhất', '[CB030]');
  await chooseBySearch(page, 'Các tổ chức được hợp nhất', '[CB031]');
  await chooseBySearch(page, 'Hợp nhất vào (tổ chức đã có)', '[CB032]');
  await pickDate(page, 'Ngày có hiệu lực', '01/11/2026');
  await showPreview(page, 'hợp nhất vào');
  await page.getByRole('button', { name: 'Xác nhận' }).click();
  await page.getByTestId('node-CB032').waitFor();
  await page.getByTestId('node-CB030').waitFor({ state: 'detached' });
  await pickDate(page, 'Tính đến ngày', '31/10/2026');
  await page.getByTestId('node-CB030').waitFor();
  await page.getByTestId('node-CB031').waitFor();
});

await test('a branch secretary cannot see another branch', async (page) => {
  await login(page, 'bithu');
  await page.getByTestId('node-DB001.01').waitFor();
  if (await page.getByTestId('node-DB001.02').count()) throw new Error('a sibling branch is visible');
  await page.goto(`${base}#/org/DB001.02`);
  await page.getByText('không có tổ chức mã').first().waitFor();
  if (await page.getByRole('button', { name: 'Hợp nhất tổ chức…' }).count()) throw new Error('merge offered');
});

await test('a one-time password must be changed before anything else', async (page) => {
  await login(page, 'lan.nguyen').catch(() => {});
  await page.getByText('mật khẩu dùng một lần').waitFor();
  await page.getByLabel('Mật khẩu hiện tại').fill(passwords['lan.nguyen']);
  await page.getByLabel('Mật khẩu mới (ít nhất 10 ký tự, có chữ và số hoặc ký hiệu)').fill('ngan');
  await page.getByLabel('Nhập lại mật khẩu mới').fill('ngan');
  await page.getByRole('button', { name: 'Đổi mật khẩu' }).click();
  await page.locator('.ant-form-item-explain-error', { hasText: '10 ký tự' }).waitFor();
  await page.getByLabel('Mật khẩu mới (ít nhất 10 ký tự, có chữ và số hoặc ký hiệu)').fill('Mat-khau-moi-2026');
  await page.getByLabel('Nhập lại mật khẩu mới').fill('Mat-khau-moi-2026');
  await page.getByRole('button', { name: 'Đổi mật khẩu' }).click();
  await page.getByTestId('node-DBUB').waitFor();
  // A viewer is offered no change.
  if (await page.getByRole('button', { name: 'Hợp nhất tổ chức…' }).count())
    throw new Error('merge offered to a viewer');
  await page.goto(`${base}#/org/DBUB`);
  await page.getByText('Tổng số đảng viên').waitFor();
  if (await page.getByRole('button', { name: 'Đổi tên' }).count()) throw new Error('rename offered to a viewer');
  if (await page.getByText('Nhật ký thao tác').count()) throw new Error('audit offered to a viewer');
});

await test('the administrator reads the audit log by user', async (page) => {
  await login(page, 'quantri');
  await page.goto(`${base}#/audit`);
  await page.getByLabel('Người thực hiện').fill('vanphong');
  // In Vietnamese, at Vietnam's time, each field as its label and value: as the API records it.
  const log = await (await page.request.get(`${base}api/v1/audit?user=vanphong&limit=500`)).json();
  const admission = log.entries.find((e) => e.action === 'member.event.admission');
  const p = Object.fromEntries(
    new Intl.DateTimeFormat('vi-VN', {
      timeZone: 'Asia/Ho_Chi_Minh',
      day: '2-digit',
      month: '2-digit',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hour12: false,
    })
      .formatToParts(new Date(admission.at))
      .map((x) => [x.type, x.value]),
  );
  const row = page
    .locator('tr', { has: page.getByRole('cell', { name: admission.action_label, exact: true }) })
    .first();
  await row.waitFor();
  const text = await row.innerText();
  for (const expected of [`${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute}`, 'QC0000001', 'vanphong']) {
    if (!text.includes(expected)) throw new Error(`the audit row «${text}» lacks «${expected}»`);
  }
  if (/member\.event|T\d{2}:\d{2}|[{}]/.test(text)) throw new Error(`the audit row shows codes or JSON: «${text}»`);
});

await test('an organization page shows its statistics and charts', async (page) => {
  await login(page, 'kiemtra');
  await page.goto(`${base}#/org/DBCQD`);
  await page.getByText('Tổng số đảng viên').waitFor();
  await page.getByRole('img', { name: 'Biểu đồ đảng viên theo tình trạng' }).locator('canvas').waitFor();
  // The chart's canvas has drawn bars: some pixels differ from the background. Five statistics (one
  // per year) come first, slow when the machine is busy: a long wait, polled on a timer.
  await page.waitForFunction(
    () => {
      const c = document.querySelector('[aria-label="Biểu đồ kết nạp và công nhận theo năm"] canvas');
      if (!c || c.width === 0) return false;
      const data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
      for (let i = 3; i < data.length; i += 4) if (data[i] !== 0) return true;
      return false;
    },
    null,
    { polling: 250, timeout: 90000 },
  );
  await page.getByRole('cell', { name: 'Cụm thi đua số 1 – Đảng bộ các cơ quan Đảng tỉnh' }).waitFor();
  // Recent events: the admission recorded by an earlier test is in this committee's subtree.
  await page.getByRole('link', { name: 'Đàm Văn Chính' }).waitFor();
});

await test('a committee office records a meeting with an absent member and sees it listed', async (page) => {
  await login(page, 'vanphong');
  await page.goto(`${base}#/work/DBCQD`);
  await page.getByTestId('new-meeting').click();
  await chooseOne(page, 'Chi bộ', '[DB001.01]');
  await choose(page, 'Đánh giá chất lượng', 'Tốt');
  await page.getByTestId('add-absent').click();
  await chooseFirst(page, 'Người vắng');
  await page.getByLabel('Lý do vắng').fill('Đi công tác');
  await page.getByRole('button', { name: 'Ghi', exact: true }).click();
  await page.locator('.ant-modal').waitFor({ state: 'hidden' });
  // Today's meeting, the newest: the demo's end in October.
  const now = new Date();
  const topic = `Sinh hoạt chi bộ định kỳ tháng ${now.getMonth() + 1}/${now.getFullYear()}`;
  const row = page.getByTestId('meetings').locator('tr', { hasText: topic }).first();
  await row.waitFor();
  // The cells after the one that opens the row: date, branch (with its parent), kind, topic, present.
  const attendance = await row.locator('td').nth(5).innerText();
  const [present, expected] = attendance.split('/').map(Number);
  if (!(expected > 0 && present === expected - 1)) throw new Error(`attendance ${attendance}`);
  const listed = await (await page.request.get(`${base}api/v1/orgs/DB001.01/activities?limit=1`)).json();
  const parent = listed.meetings[0].org_parent_name;
  if (!parent) throw new Error('no parent name');
  await row.getByText(parent).waitFor();
});

await test('a meeting dated in the future is refused at the date field', async (page) => {
  await login(page, 'vanphong');
  await page.goto(`${base}#/work/DBCQD`);
  await page.getByTestId('new-meeting').click();
  await chooseOne(page, 'Chi bộ', '[DB001.01]');
  await choose(page, 'Đánh giá chất lượng', 'Khá');
  await pickDate(page, 'Ngày', '01/12/2099');
  await page.getByRole('button', { name: 'Ghi', exact: true }).click();
  await page.locator('.ant-form-item-explain-error', { hasText: 'chưa đến' }).waitFor();
});

await test('a year target is saved and shown with the progress', async (page) => {
  await login(page, 'vanphong');
  await page.goto(`${base}#/plan/DBCQD`);
  await page.getByTestId('plan').waitFor();
  await page.getByTestId('target-inspected_orgs').fill('7');
  await page.getByTestId('save-inspected_orgs').click();
  await page.getByText('Đã lưu chỉ tiêu.').waitFor();
  await page.reload();
  await page.getByTestId('plan').waitFor();
  await page.waitForFunction(() => document.querySelector('input[data-testid="target-inspected_orgs"]')?.value === '7');
  // The year's progress arrives after the targets (the server computes it over the subtree).
  // Each number named, and equal to the figures engine's.
  await page.getByTestId('progress-inspected_orgs').getByText('Đã thực hiện').waitFor();
  const progress = await page.getByTestId('progress-inspected_orgs').innerText();
  const year = new Date().getFullYear();
  const ind = await (await page.request.get(`${base}api/v1/orgs/DBCQD/indicators?period=${year}`)).json();
  const row = ind.indicators.find((i) => i.id === 'inspected_orgs');
  const pct = row.plan_pct.toLocaleString('vi-VN', { maximumFractionDigits: 1 });
  const expected = `Đã thực hiện ${row.year_done.toLocaleString('vi-VN')} · Kế hoạch ${row.target.toLocaleString('vi-VN')} tổ chức · Đạt ${pct}%`;
  if (progress !== expected) throw new Error(`progress «${progress}», not «${expected}»`);
});

await test('the report page shows the same figures as its preview and gives the Word file', async (page) => {
  await login(page, 'kiemtra');
  await page.goto(`${base}#/report/TU`);
  await choosePeriod(page, '6 tháng', '6 tháng đầu năm', 2026);
  await page.getByText('6 tháng đầu năm 2026').first().waitFor();
  const preview = page.getByTestId('report-preview');
  await preview.getByText('BÁO CÁO', { exact: true }).waitFor();
  const members = (await page.getByTestId('ind-members').innerText()).split(' ')[0];
  // Thousands grouped Vietnamese style, by the server (2.465).
  if (!/^\d{1,3}(\.\d{3})+$/.test(members)) throw new Error(`members «${members}»`);
  if (!(await preview.innerText()).includes(`tổng số đảng viên là ${members} đồng chí`)) {
    throw new Error(`the preview does not say ${members} members`);
  }
  const inspected = await page.getByTestId('plan-inspected_orgs').innerText();
  const m = inspected.match(/^(\d+\/\d+) \((đạt [\d,]+% kế hoạch năm)\)$/);
  if (!m) throw new Error(`inspected «${inspected}»`);
  if (!(await preview.innerText()).includes(`kiểm tra được ${m[1]} tổ chức (${m[2]})`)) {
    throw new Error(`the preview does not say ${inspected}`);
  }
  const href = await page.getByTestId('download-docx').getAttribute('href');
  const docx = await page.request.get(`${base.replace(/\/$/, '')}${href}`);
  if (docx.status() !== 200) throw new Error(`docx ${docx.status()}`);
  if (!docx.headers()['content-type'].includes('wordprocessingml')) throw new Error('not a Word file');
  const bytes = await docx.body();
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) throw new Error('not a zip');
  const xlsx = await page.request.get(
    `${base.replace(/\/$/, '')}${await page.getByTestId('download-xlsx').getAttribute('href')}`,
  );
  if (xlsx.status() !== 200 || !xlsx.headers()['content-type'].includes('spreadsheetml')) {
    throw new Error(`xlsx ${xlsx.status()} ${xlsx.headers()['content-type']}`);
  }
  // Another period: the whole year, with the figures and the preview for it.
  await choosePeriod(page, 'Năm', null, 2026);
  await page.getByText('(từ 01/01/2026 đến 31/12/2026').waitFor();
  await preview.getByText('Tổng kết công tác xây dựng Đảng năm 2026', { exact: false }).first().waitFor();
});

// The member statistics of a committee for the demo's year, opened from its page: the analysis'
// total (biểu 3) is the members at the end (D of biểu 1), on the page and in the API; the checks
// shown are the API's; the print preview and the Excel file are given.
await test('the member statistics agree with the API and give the Excel file', async (page) => {
  await login(page, 'vanphong');
  await page.goto(`${base}#/org/DBCQD`);
  await page.getByTestId('org-statistics').click();
  await page.getByRole('heading', { level: 1, name: 'Thống kê đảng viên' }).waitFor();
  await choosePeriod(page, 'Năm', null, 2026);
  await page.waitForFunction(() => window.location.hash === '#/statistics/DBCQD?period=2026');
  await page.getByTestId('statistics-period').getByText('năm 2026').waitFor();
  // A line's «Kỳ này» as the page shows it, in the table titled «Biểu N.».
  const shown = async (table, label) => {
    const card = page.locator('.ant-card', { has: page.locator('.ant-card-head-title', { hasText: table }) });
    const row = card.getByRole('row').filter({ has: page.getByRole('cell', { name: label, exact: true }) });
    return (await row.getByRole('cell').nth(1).innerText()).trim();
  };
  await page.getByRole('cell', { name: 'D. Đảng viên cuối kỳ', exact: true }).waitFor();
  const total = await shown('Biểu 3.', 'Tổng số');
  const d = await shown('Biểu 1.', 'D. Đảng viên cuối kỳ');
  if (!/^\d{1,3}(\.\d{3})*$/.test(total)) throw new Error(`total «${total}»`);
  if (total !== d) throw new Error(`biểu 3 total «${total}», biểu 1 D «${d}»`);
  const api = await (await page.request.get(`${base}api/v1/orgs/DBCQD/statistics?period=2026`)).json();
  const line = (table, id) => api.tables.find((t) => t.id === table).lines.find((l) => l.id === id);
  const apiTotal = line('all_members', 'total');
  if (apiTotal.shown !== total || apiTotal.value !== line('increase_decrease', 'd').value)
    throw new Error(`the API's total ${apiTotal.value} («${apiTotal.shown}»), the page's «${total}»`);
  // Every check the API says fails is listed; when none fails, the page says the figures agree.
  const failing = api.checks.filter((c) => !c.holds);
  if (failing.length === 0) await page.getByTestId('statistics-checks-ok').waitFor();
  for (const c of failing) await page.getByTestId('statistics-checks').getByText(c.message).waitFor();
  await page.getByRole('button', { name: 'Xem bản in' }).click();
  await page.getByTestId('statistics-preview').getByText('BIỂU THỐNG KÊ', { exact: true }).waitFor();
  const href = await page.getByTestId('statistics-xlsx').getAttribute('href');
  const xlsx = await page.request.get(`${base.replace(/\/$/, '')}${href}`);
  if (xlsx.status() !== 200 || !xlsx.headers()['content-type'].includes('spreadsheetml'))
    throw new Error(`xlsx ${xlsx.status()} ${xlsx.headers()['content-type']}`);
  if (!xlsx.headers()['content-disposition']?.includes('thong-ke-dang-vien-DBCQD-2026.xlsx'))
    throw new Error(`xlsx named «${xlsx.headers()['content-disposition']}»`);
});

await test('an office registers a document and records its study with every member present', async (page) => {
  await login(page, 'vanphong');
  await page.goto(`${base}#/work/DBCQD`);
  await page.getByTestId('new-document').click();
  await page.getByLabel('Số văn bản (ví dụ 15-NQ/TU)').fill('15-NQ/ĐU');
  await pickDate(page, 'Ngày ban hành', '02/03/2026');
  await page.getByLabel('Trích yếu').fill('Nghị quyết về nâng cao chất lượng sinh hoạt chi bộ');
  await page.getByLabel('Cơ quan ban hành').fill('Ban Chấp hành Đảng bộ các cơ quan Đảng tỉnh');
  await page.getByRole('button', { name: 'Ghi', exact: true }).click();
  await page.locator('.ant-modal').waitFor({ state: 'hidden' });
  // The same number again is refused at the number.
  await page.getByTestId('new-document').click();
  await page.getByLabel('Số văn bản (ví dụ 15-NQ/TU)').fill('15-NQ/ĐU');
  await pickDate(page, 'Ngày ban hành', '02/03/2026');
  await page.getByLabel('Trích yếu').fill('Bản trùng số');
  await page.getByLabel('Cơ quan ban hành').fill('Ban Chấp hành Đảng bộ các cơ quan Đảng tỉnh');
  await page.getByRole('button', { name: 'Ghi', exact: true }).click();
  await page
    .locator('.ant-form-item', { has: page.getByLabel('Số văn bản (ví dụ 15-NQ/TU)') })
    .locator('.ant-form-item-explain-error')
    .waitFor();
  await page.getByRole('button', { name: 'Hủy' }).click();
  await page.locator('.ant-modal').waitFor({ state: 'hidden' });

  await page.getByTestId('new-study').click();
  await chooseOne(page, 'Chi bộ', '[DB001.02]');
  await chooseOne(page, 'Văn bản học tập, quán triệt', '15-NQ/ĐU');
  // Everyone is ticked by default, once the branch's members have loaded.
  await page
    .locator('.ant-form-item', { has: page.getByLabel('Đảng viên tham dự') })
    .locator('.ant-select-selection-item')
    .first()
    .waitFor();
  await page.getByRole('button', { name: 'Ghi', exact: true }).click();
  await page.locator('.ant-modal').waitFor({ state: 'hidden' });
  await page.getByRole('tab', { name: /Học tập nghị quyết/ }).click();
  const row = page.getByTestId('study').locator('tr', { hasText: '15-NQ/ĐU' }).first();
  await row.waitFor();
  const [present, expected] = (await row.locator('td').nth(4).innerText()).split('/').map(Number);
  if (!(expected > 0 && present === expected)) throw new Error(`attendance ${present}/${expected}`);
});

await test('the inspection committee records a supervision of a member found by name', async (page) => {
  await login(page, 'kiemtra');
  // A member of a branch below, by name (the page has no other way to know one).
  const name = await page.evaluate(async () => {
    const r = await fetch('/api/v1/members?org=DB001.01&status=official&limit=1');
    return (await r.json()).rows[0].full_name;
  });
  await page.goto(`${base}#/work/TU`);
  await page.getByTestId('new-oversight').click();
  await choose(page, 'Hình thức', 'Giám sát');
  await choose(page, 'Đối tượng', 'Đảng viên');
  await chooseOne(page, 'Đảng viên được kiểm tra, giám sát', name);
  await page.getByLabel('Kết luận').fill('Đồng chí thực hiện tốt nhiệm vụ đảng viên.');
  await page.getByRole('button', { name: 'Ghi', exact: true }).click();
  await page.locator('.ant-modal').waitFor({ state: 'hidden' });
  await page.getByRole('tab', { name: /Kiểm tra, giám sát/ }).click();
  await page
    .getByTestId('oversights')
    .locator('tr', { hasText: 'Đồng chí thực hiện tốt nhiệm vụ đảng viên.' })
    .waitFor();
});

// A screenshot in the middle of a test (each test also saves one at its end).
async function shot(page, name) {
  await page.screenshot({ path: join(out, `${name}.png`), fullPage: true });
}

// Import from a file: the file is made here, chosen in the page's file input (never uploaded by
// itself), checked (a dry run) and then imported.
async function chooseFile(page, name, buffer) {
  await page.locator('input[type=file]').setInputFiles({
    name,
    mimeType: name.endsWith('.csv') ? 'text/csv' : 'application/octet-stream',
    buffer,
  });
  await page.getByText(name).first().waitFor();
}
// A Select in a table row (the column mapping), by its aria-label: typed to search, chosen with
// Enter (the list of fields is long; a click on an option below the fold can miss). Checks the
// choice shows.
async function chooseInTable(page, label, title) {
  const input = page.getByRole('combobox', { name: label, exact: true });
  const select = page.locator('.ant-select', { has: input });
  const chosen = select.locator(`.ant-select-selection-item[title="${title}"]`);
  for (let attempt = 0; attempt < 3 && !(await chosen.count()); attempt++) {
    await select.locator('.ant-select-selector').click();
    await input.fill(title);
    const list = await input.getAttribute('aria-controls');
    await page
      .locator(`.ant-select-dropdown:has([id="${list}"]) .ant-select-item-option-active[title="${title}"]`)
      .waitFor({ timeout: 5000 })
      .catch(() => {});
    await page.keyboard.press('Enter');
    await chosen.waitFor({ timeout: 5000 }).catch(() => {});
  }
  await chosen.waitFor({ timeout: 1000 });
}
// The members of a branch the list shows (its default filter: active members as of today).
async function listedMembers(page, org) {
  return page.evaluate(async (o) => {
    const r = await fetch(`/api/v1/members?org=${o}&status=active&limit=1`);
    return (await r.json()).total;
  }, org);
}

await test('an import with a bad row is checked, writes nothing, then imports the valid rows', async (page) => {
  await login(page, 'vanphong');
  await page.goto(`${base}#/members/DB001.01`);
  await page.locator('.ant-table-row').first().waitFor();
  const shownTotal = async () =>
    Number((await page.locator('.ant-pagination-total-text').innerText()).replace(/\D/g, ''));
  const before = await shownTotal();
  if (before !== (await listedMembers(page, 'DB001.01'))) throw new Error('the list and the API disagree');

  await page.getByRole('menuitem', { name: 'Nhập từ Excel' }).click();
  // Semicolons, as Excel saves CSV in a Vietnamese locale; row 3 has a 31st of February. The card
  // number column's header is not one the importer knows: it is left out until mapped. Admitted
  // after the demo's reorganization of 01/07/2025, when DB001.01 came under this office's committee.
  const csv = [
    'Họ và tên;Ngày sinh;Giới tính;Chi bộ;Ngày vào Đảng;Ngày chính thức;Số hiệu thẻ',
    'Phạm Thị Thu Trang;08/04/1992;Nữ;DB001.01;15/08/2025;20/08/2026;990000000101',
    'Hoàng Minh Khôi;31/02/1991;Nam;DB001.01;20/09/2025;;990000000102',
    'Vũ Ngọc Ánh;17/09/1989;Nữ;DB001.01;11/10/2025;;990000000103',
  ].join('\r\n');
  await chooseFile(page, 'chi-bo-van-phong.csv', Buffer.from(csv + '\r\n', 'utf8'));
  await page.getByTestId('import-check').click();
  const problem = page.getByTestId('import-problems').locator('tr', { hasText: '31/02/1991' });
  await problem.waitFor();
  const [, row, column, , severity] = await problem.locator('td').allInnerTexts();
  if (row !== '3' || column !== 'B' || severity !== 'Lỗi') throw new Error(`problem at ${row} ${column} ${severity}`);
  await page.getByTestId('import-counts').getByText('Sẽ thêm mới').waitFor();
  if (!(await page.getByTestId('import-all').isDisabled())) throw new Error('import of all rows offered with an error');
  const preview = page.getByTestId('import-preview');
  await preview.locator('tr', { hasText: 'Hoàng' }).getByText('Lỗi').waitFor();
  await preview.locator('tr', { hasText: 'Phạm' }).getByText('Mới').waitFor();
  await preview.getByText('08/04/1992').waitFor();
  if (await preview.getByText('990000000101').count()) throw new Error('an unmapped column in the preview');
  if ((await listedMembers(page, 'DB001.01')) !== before) throw new Error('the check wrote members');
  await shot(page, 'import-check-with-a-bad-row');

  // The user maps the card number column; the check runs again with it.
  await chooseInTable(page, 'Trường của cột G', 'Số thẻ đảng viên');
  await page.getByTestId('import-columns').locator('tr', { hasText: 'Số hiệu thẻ' }).getByText('do bạn chọn').waitFor();
  await preview.getByText('990000000101').first().waitFor();
  await page.getByTestId('import-valid').click();
  await page.getByTestId('import-result').getByText('Đã ghi: 2 mới, 0 cập nhật, 0 không đổi.').waitFor();
  await page.getByTestId('import-result').getByText('1 dòng có lỗi không được ghi').waitFor();
  await shot(page, 'import-valid-rows-written');

  await page.getByRole('button', { name: 'Xem danh sách đảng viên' }).click();
  await page.getByLabel('Mã tổ chức').fill('DB001.01');
  await page.getByText(`${(before + 2).toLocaleString('vi-VN')} người`).waitFor();
  await page.getByLabel('Tìm theo họ tên').fill('pham thi thu trang');
  await page.locator('.ant-pagination-total-text', { hasText: /^1 người$/ }).waitFor();
  await page.getByRole('cell', { name: '990000000101' }).first().waitFor();
});

// TCVN3 (.VnTime): one byte per Vietnamese letter, tone included (src/io/legacy.cpp has the tables).
const tcvn3 = {
  Ă: 0xa1,
  Â: 0xa2,
  Ê: 0xa3,
  Ô: 0xa4,
  Ơ: 0xa5,
  Ư: 0xa6,
  Đ: 0xa7,
  ă: 0xa8,
  â: 0xa9,
  ê: 0xaa,
  ô: 0xab,
  ơ: 0xac,
  ư: 0xad,
  đ: 0xae,
  à: 0xb5,
  á: 0xb8,
  ả: 0xb6,
  ã: 0xb7,
  ạ: 0xb9,
  ằ: 0xbb,
  ắ: 0xbe,
  ẳ: 0xbc,
  ẵ: 0xbd,
  ặ: 0xc6,
  ầ: 0xc7,
  ấ: 0xca,
  ẩ: 0xc8,
  ẫ: 0xc9,
  ậ: 0xcb,
  è: 0xcc,
  é: 0xd0,
  ẻ: 0xce,
  ẽ: 0xcf,
  ẹ: 0xd1,
  ề: 0xd2,
  ế: 0xd5,
  ể: 0xd3,
  ễ: 0xd4,
  ệ: 0xd6,
  ì: 0xd7,
  í: 0xdd,
  ỉ: 0xd8,
  ĩ: 0xdc,
  ị: 0xde,
  ò: 0xdf,
  ó: 0xe3,
  ỏ: 0xe1,
  õ: 0xe2,
  ọ: 0xe4,
  ồ: 0xe5,
  ố: 0xe8,
  ổ: 0xe6,
  ỗ: 0xe7,
  ộ: 0xe9,
  ờ: 0xea,
  ớ: 0xed,
  ở: 0xeb,
  ỡ: 0xec,
  ợ: 0xee,
  ù: 0xef,
  ú: 0xf3,
  ủ: 0xf1,
  ũ: 0xf2,
  ụ: 0xf4,
  ừ: 0xf5,
  ứ: 0xf8,
  ử: 0xf6,
  ữ: 0xf7,
  ự: 0xf9,
  ỳ: 0xfa,
  ý: 0xfd,
  ỷ: 0xfb,
  ỹ: 0xfc,
  ỵ: 0xfe,
};
function toTcvn3(text) {
  return Buffer.from(
    [...text.normalize('NFC')].map((c) => {
      if (c.charCodeAt(0) < 0x80) return c.charCodeAt(0);
      if (!(c in tcvn3)) throw new Error(`no TCVN3 byte for ${c}`);
      return tcvn3[c];
    }),
  );
}

await test('a CSV typed in TCVN3 is shown converted to Unicode and imported', async (page) => {
  await login(page, 'vanphong');
  await page.goto(`${base}#/import`);
  // The whole file in TCVN3 bytes ("ANSI"), headers included: "Hä vµ tªn", "NguyÔn V¨n An". The
  // branch is written by name, as offices write it, and a total and a signature end the sheet.
  const lines = [
    'Họ và tên,Ngày sinh,Phái,Đơn vị,Ngày vào Đảng,Ngày chính thức',
    'Nguyễn Văn An,12/03/1985,Nam,Chi bộ Văn phòng,19/08/2025,24/08/2026',
    'Trần Thị Thúy Hằng,25/11/1990,Nữ,Chi bộ Văn phòng,23/09/2025,',
    'Lê Đức Thắng,14/07/1988,Nam,Chi bộ Văn phòng,02/10/2025,',
    'Tổng cộng: 3 đồng chí,,,,,',
    ',,,Người lập biểu,,',
  ];
  const bytes = Buffer.concat(lines.map((l) => Buffer.concat([toTcvn3(l), Buffer.from('\r\n')])));
  if (bytes.indexOf(Buffer.from([0x4e, 0x67, 0x75, 0x79, 0xd4, 0x6e, 0x20, 0x56, 0xa8, 0x6e])) < 0) {
    throw new Error('not the TCVN3 bytes of «Nguyễn Văn»');
  }
  await chooseFile(page, 'danh-sach-tcvn3.csv', bytes);
  await page.getByTestId('import-check').click();
  // Every committee of this office has a «Chi bộ Văn phòng»: the rows wait for the committee.
  await page.getByTestId('import-ambiguous').getByText('«Chi bộ Văn phòng»:', { exact: false }).waitFor();
  await chooseOne(page, 'Tìm chi bộ trong', 'DB001', '[DB001]');
  await page.getByTestId('import-check').click();
  await page.getByTestId('import-skipped').getByText('2 dòng dưới danh sách').waitFor();
  const encoding = page.getByTestId('encoding-A');
  await encoding.waitFor();
  const text = await encoding.innerText();
  if (!text.includes('TCVN3') || !text.includes('«NguyÔn V¨n An» → «Nguyễn Văn An»'))
    throw new Error(`encoding «${text}»`);
  await page.getByTestId('import-columns').getByRole('cell', { name: 'Họ và tên', exact: true }).waitFor();
  const preview = page.getByTestId('import-preview');
  await preview.getByRole('cell', { name: 'Nguyễn', exact: true }).waitFor();
  await preview.getByRole('cell', { name: 'Thị Thúy', exact: true }).waitFor();
  await preview.getByRole('cell', { name: 'Thắng', exact: true }).waitFor();
  await shot(page, 'import-check-tcvn3');
  await page.getByTestId('import-all').click();
  await page.getByTestId('import-result').getByText('Đã ghi: 3 mới, 0 cập nhật, 0 không đổi.').waitFor();
  await page.goto(`${base}#/members`);
  await page.getByLabel('Tìm theo họ tên').fill('tran thi thuy hang');
  await page.getByRole('cell', { name: 'Trần Thị Thúy Hằng' }).first().waitFor();
});

await test('the member list and the org tree export as Excel files', async (page) => {
  // The inspection committee reads and exports, but imports nothing.
  await login(page, 'kiemtra');
  if (await page.getByRole('menuitem', { name: 'Nhập từ Excel' }).count())
    throw new Error('import offered to inspection');
  await page.goto(`${base}#/members/DB001.01`);
  await page.locator('.ant-table-row').first().waitFor();
  const origin = base.replace(/\/$/, '');
  const href = await page.getByTestId('export-members-xlsx').getAttribute('href');
  if (!href.includes('org=DB001.01') || !href.includes('format=xlsx')) throw new Error(`export link ${href}`);
  // Clicking the link saves the file (Content-Disposition: attachment) and leaves the page as it was.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('export-members-xlsx').click(),
  ]);
  if (!download.suggestedFilename().endsWith('.xlsx')) throw new Error(`file name ${download.suggestedFilename()}`);
  await page.locator('.ant-table-row').first().waitFor();
  const xlsx = await page.request.get(`${origin}${href}`);
  if (xlsx.status() !== 200 || !xlsx.headers()['content-type'].includes('spreadsheetml')) {
    throw new Error(`xlsx ${xlsx.status()} ${xlsx.headers()['content-type']}`);
  }
  const bytes = await xlsx.body();
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) throw new Error('not a zip');
  const csv = await page.request.get(`${origin}${await page.getByTestId('export-members-csv').getAttribute('href')}`);
  if (csv.status() !== 200 || !csv.headers()['content-type'].includes('csv')) throw new Error(`csv ${csv.status()}`);
  const header = (await csv.text()).split('\n')[0];
  if (!header.includes('Tên đệm') || !header.includes('Ngày vào Đảng')) throw new Error(`the CSV's header «${header}»`);

  await page.goto(`${base}#/org/DBCQD`);
  const tree = await page.request.get(`${origin}${await page.getByTestId('export-tree').getAttribute('href')}`);
  if (tree.status() !== 200 || !tree.headers()['content-type'].includes('spreadsheetml')) {
    throw new Error(`tree ${tree.status()} ${tree.headers()['content-type']}`);
  }
  const treeBytes = await tree.body();
  if (treeBytes[0] !== 0x50 || treeBytes[1] !== 0x4b) throw new Error('the tree is not a zip');
});

// The text of a part of a zip package (a .docx): found by the central directory, inflated.
function zipEntry(bytes, name) {
  let eocd = bytes.length - 22;
  while (eocd >= 0 && bytes.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  if (eocd < 0) throw new Error('not a zip');
  const entries = bytes.readUInt16LE(eocd + 10);
  let at = bytes.readUInt32LE(eocd + 16);
  for (let i = 0; i < entries; i++) {
    const method = bytes.readUInt16LE(at + 10);
    const size = bytes.readUInt32LE(at + 20);
    const nameLength = bytes.readUInt16LE(at + 28);
    const extra = bytes.readUInt16LE(at + 30);
    const comment = bytes.readUInt16LE(at + 32);
    const local = bytes.readUInt32LE(at + 42);
    if (bytes.toString('utf8', at + 46, at + 46 + nameLength) === name) {
      const start = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
      const data = bytes.subarray(start, start + size);
      return (method === 8 ? inflateRawSync(data) : data).toString('utf8');
    }
    at += 46 + nameLength + extra + comment;
  }
  throw new Error(`no ${name} in the package`);
}
// What a reader of a .docx reads: the text runs, paragraphs on their own lines.
function docxText(bytes) {
  return zipEntry(bytes, 'word/document.xml')
    .replace(/<\/w:p>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
}

// The issue's main path: a half-year review of a grassroots committee at two sites, attendance,
// the report attached, a conclusion with three tasks; the minutes (Word) say it, and the news
// item's figures are the report's.
await test('a half-year review with two sites gives minutes and a news item with the report figures', async (page) => {
  await login(page, 'vanphong');
  const origin = base.replace(/\/$/, '');
  const chair = await page.evaluate(async () => {
    const r = await fetch('/api/v1/members?org=DB023.01&status=official&limit=1');
    return (await r.json()).rows[0].full_name;
  });
  await page.goto(`${base}#/conferences/DB023`);
  await page.getByTestId('new-conference').click();
  await page.locator('.ant-modal').getByText('Tạo hội nghị').waitFor();
  // Nothing is chosen beforehand: the kind, then the period offered for it.
  await choose(page, 'Loại hội nghị', 'Sơ kết 6 tháng');
  await choosePeriod(page, '6 tháng', '6 tháng đầu năm', 2026);
  await pickDate(page, 'Ngày họp', '06/07/2026');
  await page.getByLabel('Giờ bắt đầu').fill('08:00');
  await chooseOne(page, 'Chủ trì', chair);
  await page.getByLabel('Họ tên thư ký').fill('Trần Thị Thu');
  await page.getByLabel('Chương trình').fill('Báo cáo sơ kết 6 tháng đầu năm 2026\nTham luận\nKết luận hội nghị');
  await page.getByTestId('add-site').click();
  await page.getByTestId('add-site').click();
  const site1 = page.getByTestId('site-1');
  await site1.getByLabel('Tên điểm cầu').fill('Điểm cầu Ban Tổ chức');
  await site1.getByLabel('Địa chỉ điểm cầu').fill('15 Trần Phú, thành phố An Bình');
  const site2 = page.getByTestId('site-2');
  await site2.locator('.ant-select-selector').first().click();
  await page
    .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option[title="Trực tuyến"]')
    .click();
  await site2.getByLabel('Tên điểm cầu').fill('Điểm cầu trực tuyến các chi bộ');
  await site2.getByLabel('Đường dẫn').fill('https://hop.anbinh.vn/db023-2026h1');
  await page.getByRole('button', { name: 'Tạo', exact: true }).click();
  const title = page.getByTestId('conference-title');
  await title.getByText('Hội nghị sơ kết công tác xây dựng Đảng 6 tháng đầu năm 2026').waitFor();
  const id = page.url().match(/#\/conference\/(\d+)/)[1];
  await page.getByTestId('sites').getByText('https://hop.anbinh.vn/db023-2026h1').waitFor();

  // Invite a branch's members and a guest from the superior committee.
  await page.getByTestId('invite').click();
  await chooseOne(page, 'Tổ chức được mời', '[DB023.01]');
  await page.locator('.ant-modal-title').click();
  await page.getByTestId('add-guest').click();
  await page.getByLabel('Họ tên khách mời').fill('Nguyễn Đức Thắng');
  await page.getByLabel('Chức vụ khách mời').fill('Phó Bí thư Thường trực');
  await page.getByLabel('Đơn vị khách mời').fill('Đảng ủy các cơ quan Đảng tỉnh');
  await page.getByRole('button', { name: 'Ghi', exact: true }).click();
  await page.locator('.ant-modal').waitFor({ state: 'hidden' });
  await page.getByTestId('participants').getByText('Nguyễn Đức Thắng').waitFor();
  const invited = await page.evaluate(
    async (c) => (await (await fetch(`/api/v1/conferences/${c}`)).json()).participants,
    id,
  );
  const members = invited.filter((p) => p.kind === 'member');
  if (members.length < 5) throw new Error(`${members.length} members invited`);

  // Attendance: three at the first site, one late online, one absent with a reason; the guest.
  const attend = async (testid, site, status, reason) => {
    // The dialog opened (a click on a busy machine, while the list re-renders after the last
    // answer, may not take): tried again until its field shows.
    const field = page.locator('.ant-modal').getByRole('combobox', { name: 'Điểm cầu dự họp', exact: true });
    for (let attempt = 0; attempt < 3 && !(await field.isVisible()); attempt++) {
      await page.getByTestId(testid).click();
      await field.waitFor({ timeout: 10000 }).catch(() => {});
    }
    await choose(page, 'Điểm cầu dự họp', site);
    await page.locator('.ant-modal').getByText(status, { exact: true }).click();
    if (reason) await page.getByLabel('Lý do vắng').fill(reason);
    await page.getByRole('button', { name: 'Ghi', exact: true }).click();
    await page.locator('.ant-modal').waitFor({ state: 'hidden' });
  };
  const s1 = '1. Điểm cầu Ban Tổ chức (trực tiếp)';
  const s2 = '2. Điểm cầu trực tuyến các chi bộ (trực tuyến)';
  for (const m of members.slice(0, 3)) await attend(`attend-${m.member}`, s1, 'Có mặt');
  await attend(`attend-${members[3].member}`, s2, 'Đến muộn');
  await attend(`attend-${members[4].member}`, s2, 'Vắng mặt', 'Đi công tác');
  await attend(`attend-${invited.find((p) => p.kind === 'guest').id}`, s1, 'Có mặt');
  // The quorum counts party members, latecomers with them; the sites count everyone they recorded,
  // the guest too, each figure under its own name.
  await page.getByTestId('quorum').getByText(`Đảng viên có mặt (kể cả đến muộn): 4/${members.length} người`).waitFor();
  // The guest's attendance changes no quorum figure: wait for the sites table to show it.
  const siteShows = (name, figures) =>
    page.waitForFunction(
      ([n, f]) =>
        [...document.querySelectorAll('[data-testid=sites] tbody tr')].some(
          (tr) =>
            tr.textContent.includes(n) &&
            [...tr.querySelectorAll('td')]
              .slice(-3)
              .map((td) => td.textContent.trim())
              .join(' ') === f,
        ),
      [name, figures],
    );
  await siteShows('Điểm cầu Ban Tổ chức', '4 0 0');
  await siteShows('Điểm cầu trực tuyến các chi bộ', '0 1 1');

  // The report of the half-year, then the conclusion and three tasks.
  await page.getByTestId('attach-report').click();
  await page.getByRole('button', { name: 'Ghi', exact: true }).click();
  await page.locator('.ant-modal').waitFor({ state: 'hidden' });
  await page
    .getByTestId('attached-report')
    .getByText('Báo cáo 6 tháng đầu năm 2026 của Đảng bộ Ban Tổ chức Tỉnh ủy')
    .waitFor();
  // A contribution with its file, chosen on the computer: the server keeps it and gives it back as
  // it was sent, under its Vietnamese name.
  const contribution = Buffer.from('%PDF-1.4\n% Tham luận của Chi bộ 1\n1 0 obj\n<<>>\nendobj\n', 'utf8');
  await page.getByTestId('add-item').click();
  await page.getByLabel('Họ tên người trình bày').fill('Lê Thị Mai');
  await page.getByLabel('Chức vụ người trình bày').fill('Bí thư Chi bộ 1');
  await page.getByLabel('Tên tham luận').fill('Nâng cao chất lượng sinh hoạt chi bộ');
  await page
    .locator('.ant-modal input[type=file]')
    .setInputFiles({ name: 'Tham luận Chi bộ 1.pdf', mimeType: 'application/pdf', buffer: contribution });
  await page.locator('.ant-modal').getByText('Tham luận Chi bộ 1.pdf').waitFor();
  await page.getByRole('button', { name: 'Ghi', exact: true }).click();
  await page.getByText('và gửi tệp «Tham luận Chi bộ 1.pdf».').waitFor();
  const link = page.getByTestId('items').getByText('Tải tệp «Tham luận Chi bộ 1.pdf»');
  await link.waitFor();
  const [file] = await Promise.all([page.waitForEvent('download'), link.click()]);
  if (file.suggestedFilename() !== 'Tham luận Chi bộ 1.pdf') throw new Error(`file ${file.suggestedFilename()}`);
  if (!readFileSync(await file.path()).equals(contribution)) throw new Error('the file came back changed');

  const conclusion = 'Tập trung thực hiện 03 nhiệm vụ trọng tâm 6 tháng cuối năm 2026.';
  await page.getByTestId('conclude').click();
  await page.getByLabel('Kết luận', { exact: true }).fill(conclusion);
  await page.getByRole('button', { name: 'Ghi', exact: true }).click();
  await page.getByTestId('conclusion').getByText(conclusion).waitFor();
  const tasks = [
    ['Tổ chức tổng kết công tác xây dựng Đảng năm 2026', '[DB023]', '31/12/2026'],
    ['Hoàn thành kiểm tra theo kế hoạch năm', '[DB023.01]', '30/11/2026'],
    ['Kết nạp đảng viên mới theo chỉ tiêu', '[DB023.02]', '15/12/2026'],
  ];
  for (const [task, owner, due] of tasks) {
    await page.getByTestId('add-task').click();
    await page.getByLabel('Nhiệm vụ', { exact: true }).fill(task);
    await chooseOne(page, 'Đơn vị thực hiện', owner);
    await pickDate(page, 'Thời hạn', due);
    await page.getByRole('button', { name: 'Ghi', exact: true }).click();
    await page.locator('.ant-modal').waitFor({ state: 'hidden' });
    await page.getByTestId('tasks').getByText(task).waitFor();
  }
  await shot(page, 'conference-recorded');

  // The minutes, downloaded by the button: attendance per site, the conclusion, the tasks.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-minutes').click()]);
  if (download.suggestedFilename() !== `bien-ban-hoi-nghi-${id}.docx`)
    throw new Error(`file ${download.suggestedFilename()}`);
  const minutes = docxText(readFileSync(await download.path()));
  for (const expected of [
    'BIÊN BẢN',
    'Thời gian: bắt đầu lúc 08 giờ 00, thứ Hai, ngày 06 tháng 7 năm 2026.',
    'Điểm cầu 1 – Điểm cầu Ban Tổ chức (trực tiếp): 15 Trần Phú, thành phố An Bình',
    'Điểm cầu 2 – Điểm cầu trực tuyến các chi bộ (trực tuyến): đường dẫn https://hop.anbinh.vn/db023-2026h1',
    `Chủ trì: đồng chí ${chair}.`,
    `Đảng viên được triệu tập: ${members.length} đồng chí; có mặt: 4 đồng chí (trong đó 1 đồng chí đến muộn); vắng mặt: 1 đồng chí`,
    'lý do: Đi công tác',
    '1. Điểm cầu Ban Tổ chức\ntrực tiếp\n3\n0\n0\n',
    '2. Điểm cầu trực tuyến các chi bộ\ntrực tuyến\n1\n1\n1\n',
    conclusion,
    ...tasks.map(([task]) => task),
    '31/12/2026',
    'THƯ KÝ HỘI NGHỊ',
  ]) {
    if (!minutes.includes(expected)) throw new Error(`the minutes lack «${expected}»:\n${minutes}`);
  }

  // The news item: its figures are those of the report and of the indicators (one evaluation).
  await page.getByLabel('Tác giả tin bài').fill('Ngọc Sơn');
  const newsHref = await page.getByTestId('download-news-txt').getAttribute('href');
  const news = await page.request.get(`${origin}${newsHref}`);
  if (news.status() !== 200 || !news.headers()['content-type'].startsWith('text/plain'))
    throw new Error(`news ${news.status()}`);
  const text = await news.text();
  const ind = await (await page.request.get(`${origin}/api/v1/orgs/DB023/indicators?period=2026-H1`)).json();
  const row = (k) => ind.indicators.find((r) => r.id === k);
  const report = await (await page.request.get(`${origin}/api/v1/orgs/DB023/report?period=2026-H1&format=html`)).text();
  // The report states the figures; the news item, for the public, the counts worth publishing
  // from the same evaluation, and no ratio against the plan.
  const figures = [
    `tổng số đảng viên là ${row('members').shown} đồng chí`,
    `Các chi bộ đã tổ chức ${row('meetings_regular').shown} buổi sinh hoạt định kỳ`,
    `tỷ lệ đảng viên dự sinh hoạt đạt ${row('meeting_attendance_pct').shown}`,
  ];
  for (const f of figures) {
    if (!report.includes(f)) throw new Error(`the report lacks «${f}»`);
  }
  const published = [`có ${row('members').shown} đảng viên.`];
  if (row('meetings_thematic').value > 0)
    published.push(`tổ chức ${row('meetings_thematic').shown} buổi sinh hoạt chuyên đề`);
  for (const f of published) {
    if (!text.includes(f)) throw new Error(`the news item lacks «${f}»:\n${text}`);
  }
  if (/đạt [0-9.,]+% kế hoạch năm/.test(text)) throw new Error(`the news item states a ratio to the plan:\n${text}`);
  for (const expected of [
    'Đảng bộ Ban Tổ chức Tỉnh ủy tổ chức Hội nghị sơ kết công tác xây dựng Đảng 6 tháng đầu năm 2026',
    'Sáng ngày 06 tháng 7 năm 2026',
    'theo hình thức trực tiếp kết hợp trực tuyến tại 2 điểm cầu',
    'Dự và chỉ đạo Hội nghị có đồng chí Nguyễn Đức Thắng, Phó Bí thư Thường trực Đảng ủy các cơ quan Đảng tỉnh cùng',
    '[Chèn ảnh] Toàn cảnh Hội nghị tại điểm cầu Ban Tổ chức',
    'Hội nghị đã giao 3 nhiệm vụ trọng tâm',
    'Tin: Ngọc Sơn – Đảng bộ Ban Tổ chức Tỉnh ủy',
  ]) {
    if (!text.includes(expected)) throw new Error(`the news item lacks «${expected}»:\n${text}`);
  }
  const html = await page.request.get(`${origin}${await page.getByTestId('download-news-html').getAttribute('href')}`);
  if (html.status() !== 200 || !(await html.text()).includes('<article class="dv-news">')) throw new Error('news HTML');
  const invitation = await page.request.get(
    `${origin}${await page.getByTestId('download-invitation').getAttribute('href')}`,
  );
  if (!docxText(await invitation.body()).includes('GIẤY MỜI')) throw new Error('invitation');
});

// The demo's first-quarter review of DB001 left a task overdue since 30/06/2026: the org page of the
// committee above lists it, and its link opens the conference.
await test('the organization page lists the overdue tasks of a conference', async (page) => {
  await login(page, 'vanphong');
  await page.goto(`${base}#/org/DBCQD`);
  const overdue = page.getByTestId('overdue-tasks');
  const row = overdue.locator('tr', { hasText: 'Hoàn thành sinh hoạt chuyên đề theo kế hoạch 6 tháng đầu năm 2026' });
  await row.waitFor();
  if (!(await row.innerText()).includes('30/06/2026')) throw new Error(`row «${await row.innerText()}»`);
  await row.getByRole('link').click();
  await page
    .getByTestId('conference-title')
    .getByText('Hội nghị sơ kết công tác xây dựng Đảng quý I năm 2026')
    .waitFor();
  await page.getByTestId('tasks').getByText('quá hạn').waitFor();
});

// Party dues of a branch (DB001.01, its secretary). Two members owing this month get a basis: one
// on the member page (a student's fixed 5.000 đ), one through the API (a pension's 0,5% of
// 4.000.000 đ = 20.000 đ). The book's «Ghi thu tháng» lists everyone owing the month; the secretary
// unticks all, ticks the two, and types less than owed for the first: the server refuses the
// whole month at that member's line and nothing is recorded, nothing typed is lost. With more than
// owed (by choice) the one request records both; the book shows the two months paid.
const duesOrg = 'DB001.01';
const duesMonth = vnDay().iso.slice(0, 7);
const [duesY, duesM] = duesMonth.split('-');
let duesPaid; // the member paid by the desktop journey, for the phone's
const owesMonth = (r) => {
  const m = r.months.find((x) => x.month === duesMonth);
  return m.in_book && !m.payment && !(m.owed && m.owed.amount === 0);
};

await test('a branch secretary records two members’ dues basis, then the month for the branch at once', async (page) => {
  await login(page, 'bithu');
  const { get, post } = await apiOf(page);
  const labels = await get('api/v1/labels');
  const student = labels.dues.categories.find((c) => c.value === 'student');
  const book = async () => get(`api/v1/orgs/${duesOrg}/dues?year=${duesY}`);
  const monthOf = (b, code) => b.rows.find((r) => r.member === code).months.find((m) => m.month === duesMonth);
  const owing = (await book()).rows.filter(owesMonth);
  if (owing.length < 3) throw new Error(`${owing.length} members owe ${duesMonth}`);
  const [a, b, c] = owing;

  await page.goto(`${base}#/member/${a.member}`);
  await page.getByTestId('dues-basis-new').click();
  const studentLabel = student.label.charAt(0).toLocaleUpperCase('vi') + student.label.slice(1);
  await choose(page, 'Đối tượng đóng đảng phí', `${studentLabel} (${student.fixed.toLocaleString('vi-VN')} đ/tháng)`);
  await page.locator('.ant-modal-footer .ant-btn-primary').click();
  await page.locator('.ant-modal').waitFor({ state: 'hidden' });
  await page.getByTestId('member-dues').getByText(`Từ tháng ${duesM}/${duesY}: ${studentLabel}`).waitFor();
  await post(`api/v1/members/${b.member}/dues`, {
    kind: 'basis',
    from: duesMonth,
    category: 'pensioner',
    base: 4000000,
  });
  const based = await book();
  for (const [code, owed] of [
    [a.member, 5000],
    [b.member, 20000],
  ])
    if (monthOf(based, code).owed?.amount !== owed)
      throw new Error(`${code} owes ${JSON.stringify(monthOf(based, code))}`);

  await page.goto(`${base}#/dues/${duesOrg}`);
  await page.getByTestId('dues-record-toggle').click();
  const line = (code) => page.getByTestId(`dues-line-${code}`);
  await line(a.member).waitFor();
  await page.getByRole('button', { name: 'Bỏ dấu tất cả' }).click();
  await line(a.member).getByRole('checkbox').check();
  await line(b.member).getByRole('checkbox').check();
  await page.locator(`#dues-line-${b.member}-amount`).waitFor();
  if ((await page.locator(`#dues-line-${b.member}-amount`).inputValue()) !== '20.000')
    throw new Error('b not prefilled');
  const posts = [];
  page.on('request', (r) => r.method() === 'POST' && r.url().includes('/dues/') && posts.push(r.postDataJSON()));
  await page.locator(`#dues-line-${a.member}-amount`).fill('4000');
  await page.getByTestId('dues-month-submit').click();
  await page.getByTestId(`dues-line-${a.member}-error`).getByText('ít hơn số phải nộp').waitFor();
  if (monthOf(await book(), b.member).payment) throw new Error('a refused month recorded a payment');
  if (
    !(await line(b.member).getByRole('checkbox').isChecked()) ||
    (await line(c.member).getByRole('checkbox').isChecked())
  )
    throw new Error('the ticks changed after a refusal');

  await page.locator(`#dues-line-${a.member}-amount`).fill('10000');
  await page.getByTestId('dues-month-submit').click();
  await page
    .getByTestId('dues-month-done')
    .getByText(`Đã ghi thu đảng phí tháng ${duesM}/${duesY}: 2 đảng viên, cộng 30.000 đ.`)
    .waitFor();
  await line(a.member).waitFor({ state: 'detached' });
  for (const [code, amount] of [
    [a.member, '10.000'],
    [b.member, '20.000'],
  ])
    await page.getByTestId(`dues-${code}-${duesMonth}`).getByText(`✓\u2009${amount}`).waitFor();
  // One request for the two; the amount owed is the server's (not sent), another one is.
  if (posts.length !== 2 || posts[1].payments.length !== 2) throw new Error(`sent ${JSON.stringify(posts)}`);
  const [pa, pb] = posts[1].payments;
  if (pa.member !== a.member || pa.amount !== 10000 || pb.member !== b.member || 'amount' in pb)
    throw new Error(`sent ${JSON.stringify(posts[1])}`);
  const after = await book();
  if (monthOf(after, a.member).payment?.paid_on !== vnDay().iso || monthOf(after, c.member).payment)
    throw new Error(`the book after: ${JSON.stringify([monthOf(after, a.member), monthOf(after, c.member)])}`);
  duesPaid = { code: a.member, amount: '10.000' };
});

await test(
  'the dues book on a phone: a card per member with its months, nothing wider than the screen',
  async (page) => {
    await login(page, 'bithu');
    const { get } = await apiOf(page);
    const book = await get(`api/v1/orgs/${duesOrg}/dues?year=${duesY}`);
    // The month paid by the journey above, or any month paid.
    let paid = duesPaid && { ...duesPaid, month: duesMonth };
    for (const r of book.rows)
      for (const m of r.months)
        if (!paid && m.in_book && m.payment)
          paid = { code: r.member, month: m.month, amount: m.payment.amount.toLocaleString('vi-VN') };
    if (!paid) throw new Error('no month paid in the book');
    await page.goto(`${base}#/dues/${duesOrg}`);
    await page
      .getByTestId(`dues-card-${paid.code}`)
      .getByTestId(`dues-${paid.code}-${paid.month}`)
      .getByText(`✓\u2009${paid.amount}`)
      .waitFor();
    const wide = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    if ((await wide()) > 1) throw new Error(`the book scrolls sideways by ${await wide()} px`);
    await page.getByTestId('dues-record-toggle').click();
    await page.getByTestId('dues-record-month').waitFor();
    if ((await wide()) > 1) throw new Error(`«Ghi thu tháng» scrolls sideways by ${await wide()} px`);
  },
  { viewport: phone },
);

// The portal's file of dues payments, imported from the branch's book (its secretary): a member's
// month before this one, not paid yet, and a card number nobody has. The check writes nothing and
// shows the unknown card's row; only the valid row is recorded, and the book shows the month paid.
await test('a branch secretary imports the portal’s dues file: the unknown card shown, the valid row recorded', async (page) => {
  await login(page, 'bithu');
  const { get } = await apiOf(page);
  const [y, m] = duesMonth.split('-').map(Number);
  const month = m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
  const [year, mm] = month.split('-');
  const monthOf = (r) => r.months.find((x) => x.month === month);
  const book = async () => get(`api/v1/orgs/${duesOrg}/dues?year=${year}`);
  const owing = (await book()).rows.find(
    (r) => monthOf(r).in_book && monthOf(r).owed?.amount > 0 && !monthOf(r).payment,
  );
  if (!owing) throw new Error(`nobody owes ${month} in ${duesOrg}`);
  const amount = monthOf(owing).owed.amount.toLocaleString('vi-VN');
  const csv = [
    'Số thẻ đảng viên,Tháng,Số tiền,Ngày nộp,Mã giao dịch',
    `${owing.member},${mm}/${year},${amount},${vnDay().vn},DVC-WEB-1`,
    `999999999999,${mm}/${year},${amount},${vnDay().vn},DVC-WEB-2`,
  ].join('\r\n');

  await page.goto(`${base}#/dues/${duesOrg}?year=${year}`);
  await page.getByTestId('dues-import-open').click();
  const dialog = page.locator('.ant-modal');
  await dialog
    .locator('input[type=file]')
    .setInputFiles({ name: 'cong-dvc.csv', mimeType: 'text/csv', buffer: Buffer.from(csv + '\r\n', 'utf8') });
  await dialog.getByText('cong-dvc.csv').waitFor();
  await dialog.getByTestId('dues-import-check').click();
  const problem = dialog.getByTestId('dues-import-problems').locator('tr', { hasText: '999999999999' });
  await problem.waitFor();
  const [row, , text] = await problem.locator('td').allInnerTexts();
  if (row !== '3' || !text.includes('không có đảng viên có số thẻ này')) throw new Error(`problem: ${row} «${text}»`);
  await dialog.getByTestId('dues-import-rejected').getByText('1', { exact: true }).waitFor();
  await dialog.getByTestId('dues-import-amount').getByText(`${amount} đ`).waitFor();
  if (!(await dialog.getByTestId('dues-import-all').isDisabled()))
    throw new Error('«Ghi tất cả» offered with an error');
  if (monthOf((await book()).rows.find((r) => r.member === owing.member)).payment) throw new Error('the check wrote');

  await dialog.getByRole('button', { name: 'Chỉ ghi các dòng hợp lệ' }).click();
  await dialog.getByTestId('dues-import-done').getByText('Đã ghi 1 lần nộp').waitFor();
  await dialog.getByTestId('dues-import-close').click();
  await dialog.waitFor({ state: 'hidden' });
  await page.getByTestId(`dues-${owing.member}-${month}`).getByText(`✓\u2009${amount}`).waitFor();
  const paid = monthOf((await book()).rows.find((r) => r.member === owing.member)).payment;
  if (paid?.channel !== 'portal' || paid.reference !== 'DVC-WEB-1') throw new Error(`recorded ${JSON.stringify(paid)}`);
});

// What the branch sent up the tree of its dues (DB001.01, its secretary), recorded from its book for
// this quarter: the amount is prefilled with what is still to send; 0 is refused at «Số tiền» and
// nothing is written; once recorded, «Đã nộp» grows by the amount. Cancelled with its reason, the
// sending stays listed, «Đã hủy» with the reason, and «Đã nộp» is what it was.
await test('a branch secretary records a quarter’s dues sent up from the book, then cancels it', async (page) => {
  await login(page, 'bithu');
  const { get } = await apiOf(page);
  const remittances = async () => get(`api/v1/orgs/${duesOrg}/dues/remittances?year=${duesY}`);
  const before = await remittances();
  const q = Math.floor((Number(duesM) - 1) / 3) + 1;
  const vn = (n) => `${n.toLocaleString('vi-VN')} đ`;
  const card = page.getByTestId('dues-remittances');
  const sent = card.getByTestId('dues-remit-sent');

  await page.goto(`${base}#/dues/${duesOrg}`);
  await sent.getByText(vn(before.sent), { exact: true }).waitFor();
  await card.getByTestId('dues-remit-new').click();
  const dialog = page.locator('.ant-modal', { hasText: 'Ghi nộp đảng phí lên cấp trên' });
  await choose(page, 'Kỳ nộp', `Quý ${['I', 'II', 'III', 'IV'][q - 1]}/${duesY}`);
  const amount = dialog.getByLabel('Số tiền', { exact: true });
  const left = Math.max(0, before.to_send - before.sent);
  if ((await amount.inputValue()) !== (left > 0 ? left.toLocaleString('vi-VN') : ''))
    throw new Error(`«Số tiền» prefilled «${await amount.inputValue()}», still to send ${left}`);
  await amount.fill('0');
  await dialog.getByLabel('Số chứng từ', { exact: true }).fill('GNT-WEB-1');
  await dialog.getByRole('button', { name: 'Ghi', exact: true }).click();
  await dialog
    .locator('.ant-form-item', { has: page.getByLabel('Số tiền', { exact: true }) })
    .locator('.ant-form-item-explain-error')
    .getByText('không hợp lệ')
    .waitFor();
  if ((await remittances()).records.length !== before.records.length) throw new Error('0 đ was recorded');

  await amount.fill('150000');
  await dialog.getByRole('button', { name: 'Ghi', exact: true }).click();
  await dialog.waitFor({ state: 'hidden' });
  await sent.getByText(vn(before.sent + 150000), { exact: true }).waitFor();
  const r = (await remittances()).records.find((x) => x.reference === 'GNT-WEB-1');
  if (r?.amount !== 150000 || r.period !== `${duesY}-Q${q}` || r.sent_on !== vnDay().iso)
    throw new Error(`recorded ${JSON.stringify(r)}`);

  await card.getByTestId(`dues-remit-cancel-${r.id}`).click();
  const cancel = page.locator('.ant-modal', { hasText: 'Lý do hủy' });
  await cancel.getByLabel('Lý do hủy').fill('Ghi nhầm số tiền');
  await cancel.getByRole('button', { name: 'Hủy bản ghi' }).click();
  const status = card.getByTestId(`dues-remit-status-${r.id}`);
  await status.getByText('Đã hủy', { exact: true }).waitFor();
  await status.getByText('Lý do: Ghi nhầm số tiền').waitFor();
  await sent.getByText(vn(before.sent), { exact: true }).waitFor();
});

// The dues report of the committee above the branch (DBCQD, its office), opened from its book for
// this year: «Đã thu» and each org's line are the API's figures, a line leads to its org's own
// report, and the Word and Excel files are given.
await test('the dues report of a committee shows the API’s figures and gives the Word and Excel files', async (page) => {
  await login(page, 'vanphong');
  const { get } = await apiOf(page);
  const vn = (n) => n.toLocaleString('vi-VN');
  await page.goto(`${base}#/dues/DBCQD`);
  await page.getByTestId('dues-report-link').click();
  await page.getByRole('heading', { level: 1, name: 'Báo cáo đảng phí' }).waitFor();
  await page.waitForFunction((y) => window.location.hash === `#/dues-report/DBCQD?period=${y}`, duesY);
  const report = await get(`api/v1/orgs/DBCQD/dues/report?period=${duesY}`);
  if (report.total.collected <= 0 || report.lines.length < 2) throw new Error(`the report: ${JSON.stringify(report)}`);
  await page
    .getByTestId('dues-report-collected')
    .getByText(`${vn(report.total.collected)} đ`, { exact: true })
    .waitFor();
  await page
    .getByTestId('dues-report-sent-up')
    .getByText(`${vn(report.total.sent_up)} đ`, { exact: true })
    .waitFor();
  const percent = await page.getByTestId('dues-report-percent').locator('.ant-statistic-content').innerText();
  if (!/^\d{1,3},\d%$/.test(percent)) throw new Error(`«Tỷ lệ thu» shows «${percent}»`);
  const cell = (testid) => page.getByTestId(testid).innerText();
  for (const l of report.lines)
    if ((await cell(`dues-report-line-${l.code}-collected`)) !== vn(l.collected))
      throw new Error(
        `${l.code} collected «${await cell(`dues-report-line-${l.code}-collected`)}», not ${l.collected}`,
      );
  if ((await cell('dues-report-total-collected')) !== vn(report.total.collected)) throw new Error('the total line');
  for (const m of report.months)
    if ((await cell(`dues-report-month-${m.code}-collected`)) !== vn(m.collected))
      throw new Error(
        `${m.code} collected «${await cell(`dues-report-month-${m.code}-collected`)}», not ${m.collected}`,
      );

  const origin = base.replace(/\/$/, '');
  const docx = await page.request.get(`${origin}${await page.getByTestId('dues-report-docx').getAttribute('href')}`);
  if (docx.status() !== 200 || !docxText(await docx.body()).includes(`Tình hình thu, nộp đảng phí năm ${duesY}`))
    throw new Error(`docx ${docx.status()}`);
  const xlsx = await page.request.get(`${origin}${await page.getByTestId('dues-report-xlsx').getAttribute('href')}`);
  if (xlsx.status() !== 200 || !xlsx.headers()['content-disposition']?.includes(`dang-phi-DBCQD-${duesY}.xlsx`))
    throw new Error(`xlsx ${xlsx.status()} «${xlsx.headers()['content-disposition']}»`);

  // A line (not the committee's own members) opens that org's report for the same period.
  const line = report.lines.find((l) => l.code !== 'DBCQD');
  await page.getByTestId(`dues-report-line-${line.code}`).getByRole('link', { name: line.name, exact: true }).click();
  await page.waitForFunction(
    ([code, y]) => window.location.hash === `#/dues-report/${code}?period=${y}`,
    [line.code, duesY],
  );
  await page
    .getByTestId('dues-report-collected')
    .getByText(`${vn(line.collected)} đ`, { exact: true })
    .waitFor();
});

// The Party badges of a committee (DBCQD), opened from its page: an occasion already past chosen
// in the list (one with members due, not more than a page of them) shows the API's members for it
// — as many, the first one's name and the day the first reaches the badge's years.
await test('the Party badges of a committee for a chosen occasion are the API’s', async (page) => {
  await login(page, 'vanphong');
  const today = vnDay().iso;
  const year = Number(today.slice(0, 4));
  const past = [year - 1, year]
    .flatMap((y) => ['02-03', '05-19', '09-02', '11-07'].map((d) => `${y}-${d}`))
    .filter((d) => d < today);
  let due;
  for (const d of past) {
    // The committee was formed in 2025: an occasion before it is refused (404).
    const r = await page.request.get(`${base}api/v1/orgs/DBCQD/badges/due?occasion=${d}`);
    const a = r.ok() ? await r.json() : { rows: [] };
    if (a.rows.length > 0 && a.rows.length <= 50 && a.rows.length > (due?.rows.length ?? 0)) due = a;
  }
  if (!due) throw new Error(`no member of DBCQD reaches a badge on ${past.join(', ')}`);
  const vn = (iso) => iso.split('-').reverse().join('/');
  await page.goto(`${base}#/org/DBCQD`);
  await page.getByTestId('org-badges').click();
  await page.getByRole('heading', { level: 1, name: 'Huy hiệu Đảng' }).waitFor();
  await chooseIn(page, 'badges-occasion', vn(due.occasion));
  await page.waitForFunction((o) => window.location.hash === `#/badges/DBCQD?occasion=${o}`, due.occasion);
  // The list below is the chosen occasion's once the sentence over it names that day.
  await page
    .getByTestId('badges-period')
    .getByText(`đến hết ngày ${vn(due.occasion)}`)
    .waitFor();
  await page
    .getByTestId('badges')
    .getByText(`Huy hiệu Đảng — đợt ${vn(due.occasion)} — ${due.org_name}`, { exact: true })
    .waitFor();
  const names = page.getByTestId('badges-name');
  if ((await names.count()) !== due.rows.length)
    throw new Error(`${await names.count()} members shown, the API has ${due.rows.length}`);
  const [first] = due.rows;
  if ((await names.first().innerText()) !== first.name)
    throw new Error(`the first member «${await names.first().innerText()}», not «${first.name}»`);
  if ((await page.getByTestId('badges-due').first().innerText()) !== vn(first.due))
    throw new Error(
      `the first due day «${await page.getByTestId('badges-due').first().innerText()}», not ${first.due}`,
    );
  const top = due.by_years[0];
  await page
    .getByTestId(`badges-count-${top.years}`)
    .getByText(`${top.count.toLocaleString('vi-VN')} đảng viên`, { exact: true })
    .waitFor();
});

// The committee's decision for one member of DBCQD's list for 07/11/2026 (the occasion after the
// demo's last awards), recorded by its office: the list's choice cleared and that member chosen;
// without the decision's number the form refuses at that field and nothing is recorded; with it,
// the member's row shows the decision, and so does the badges card on the member's page.
await test('the office records a badge decision for one member of the list, refused first without its number', async (page) => {
  await login(page, 'vanphong');
  const { get } = await apiOf(page);
  const occasion = '2026-11-07';
  const due = async () => get(`api/v1/orgs/DBCQD/badges/due?occasion=${occasion}`);
  const before = await due();
  // On the list's first page, without a decision, the only one of its name (its checkbox says it).
  const row = before.rows
    .slice(0, 50)
    .find((r) => !r.award && before.rows.filter((x) => x.name === r.name).length === 1);
  if (!row) throw new Error(`no member of DBCQD's list for ${occasion} without a decision`);
  const stored = async () => {
    const list = await due();
    const { records } = await get(`api/v1/members/${row.member}/badges`);
    return { awarded: list.awarded, award: list.rows.find((r) => r.member === row.member)?.award, records };
  };
  const was = await stored();
  await page.goto(`${base}#/badges/DBCQD?occasion=${occasion}`);
  const state = page.getByTestId(`badges-state-${row.member}`);
  await state.getByText('Chưa có quyết định', { exact: true }).waitFor();
  await page.getByTestId('badges-select-none').click();
  await page.getByRole('checkbox', { name: `Chọn ${row.name}`, exact: true }).check();
  await page.getByTestId('badges-record').getByText('Ghi quyết định tặng (1 đảng viên)').click();
  const dialog = page.locator('.ant-modal', { hasText: 'Ghi quyết định tặng Huy hiệu Đảng' });
  await dialog.getByTestId('badge-awards-members').getByText(row.name).waitFor();
  await dialog.getByLabel('Cấp quyết định', { exact: true }).fill('Ban Thường vụ Tỉnh ủy');
  await dialog.getByRole('button', { name: 'Ghi', exact: true }).click();
  await dialog
    .locator('.ant-form-item', { has: page.getByLabel('Số quyết định', { exact: true }) })
    .locator('.ant-form-item-explain-error')
    .waitFor();
  const refused = await stored();
  if (JSON.stringify(refused) !== JSON.stringify(was))
    throw new Error(`recorded when refused: ${JSON.stringify(refused)}`);

  await dialog.getByLabel('Số quyết định', { exact: true }).fill('215-QĐ/TU');
  await dialog.getByRole('button', { name: 'Ghi', exact: true }).click();
  await dialog.waitFor({ state: 'hidden' });
  await state.getByText(`Đã có quyết định số 215-QĐ/TU ngày ${vnDay().vn}`, { exact: true }).waitFor();
  await page
    .getByTestId('badges-awarded')
    .getByText(`${(was.awarded + 1).toLocaleString('vi-VN')} đảng viên`, { exact: true })
    .waitFor();
  const after = await stored();
  if (
    after.award?.decision_no !== '215-QĐ/TU' ||
    after.award.years !== row.years ||
    after.award.decided_on !== vnDay().iso
  )
    throw new Error(`the award recorded: ${JSON.stringify(after.award)}`);

  await page.getByTestId('badges-table').getByRole('link', { name: row.name, exact: true }).click();
  const card = page.getByTestId('member-badges');
  const held = card.getByTestId(`member-badge-${after.award.id}`);
  await held.getByText(`Huy hiệu ${row.years} năm tuổi Đảng`, { exact: true }).waitFor();
  await held.getByText(`Quyết định số 215-QĐ/TU ngày ${vnDay().vn} của Ban Thường vụ Tỉnh ủy`).waitFor();
  await held.getByText('Chưa ghi ngày trao tặng.').waitFor();
});

// The quality rating of DB001's members (a grassroots committee), opened from its page by the
// office above it: the demo's 2025 round, decided, shows the API's counts. In 2026, not decided,
// the branch's proposal for one member scored 95 with every task on time but rated «tốt» is refused
// at the category with the server's sentence and nothing is recorded; with the category the score
// gives (chosen for it as the score is typed) the row shows the proposal.
await test('the ratings of a committee are the API’s; a proposal of the wrong category is refused, then saved', async (page) => {
  await login(page, 'vanphong');
  const { get } = await apiOf(page);
  const round = async (year) => get(`api/v1/orgs/DB001/ratings?year=${year}`);
  const decided = await round(2025);
  const good = decided.by_category.find((c) => c.category === 'good');
  if (!decided.decided || !good.count) throw new Error(`the demo's 2025 round: ${JSON.stringify(decided.by_category)}`);
  const shows = (testid, count) =>
    page
      .getByTestId(testid)
      .getByText(`${count.toLocaleString('vi-VN')} đảng viên`, { exact: true })
      .waitFor();
  await page.goto(`${base}#/org/DB001`);
  await page.getByTestId('org-ratings').click();
  await page.getByRole('heading', { level: 1, name: 'Đánh giá, xếp loại đảng viên' }).waitFor();
  await chooseIn(page, 'ratings-year', 'Năm 2025');
  await page.waitForFunction(() => window.location.hash === '#/ratings/DB001?year=2025');
  await page
    .getByTestId('ratings')
    .getByText(`Đánh giá, xếp loại chất lượng đảng viên năm 2025 — ${decided.org_name}`, { exact: true })
    .waitFor();
  await shows('ratings-decided', decided.decided);
  await shows('ratings-count-good', good.count);

  // A member rated in 2026 with nothing recorded yet, on the list's first page, the only one of its
  // name (the button says it).
  const open = (await round(2026)).rows;
  const row = open
    .slice(0, 50)
    .find(
      (r) =>
        !r.not_rated && !r.self && !r.proposal && !r.decision && open.filter((x) => x.name === r.name).length === 1,
    );
  if (!row) throw new Error('no member of DB001 to rate in 2026');
  const records = async () => (await get(`api/v1/members/${row.member}/ratings`)).records;
  const before = await records();
  await chooseIn(page, 'ratings-year', 'Năm 2026');
  await page.waitForFunction(() => window.location.hash === '#/ratings/DB001?year=2026');
  await page.getByRole('button', { name: `Chi bộ đề xuất: ${row.name}`, exact: true }).click();
  const dialog = page.locator('.ant-modal', { hasText: `Chi bộ đề xuất xếp loại năm 2026 — ${row.name}` });
  await dialog.getByLabel('Điểm (thang 100)', { exact: true }).fill('95');
  const category = dialog.locator('.ant-form-item', { has: page.getByLabel('Xếp loại', { exact: true }) });
  await category.locator('.ant-select-selection-item[title="Hoàn thành xuất sắc nhiệm vụ"]').waitFor();
  await choose(page, 'Xếp loại', 'Hoàn thành tốt nhiệm vụ');
  await dialog.getByRole('button', { name: 'Ghi', exact: true }).click();
  await category
    .locator('.ant-form-item-explain-error')
    .getByText('Điểm 95: xếp loại «Hoàn thành xuất sắc nhiệm vụ», không phải «Hoàn thành tốt nhiệm vụ».')
    .waitFor();
  const refused = await records();
  if (refused.length !== before.length) throw new Error(`recorded when refused: ${JSON.stringify(refused)}`);

  await choose(page, 'Xếp loại', 'Hoàn thành xuất sắc nhiệm vụ');
  await dialog.getByRole('button', { name: 'Ghi', exact: true }).click();
  await dialog.waitFor({ state: 'hidden' });
  const proposal = page.getByTestId(`ratings-proposal-${row.member}`);
  await proposal.getByText('Điểm 95', { exact: true }).waitFor();
  await proposal.getByText('Hoàn thành xuất sắc nhiệm vụ', { exact: true }).waitFor();
  const after = (await records()).filter((r) => r.year === 2026);
  if (
    after.length !== 1 ||
    after[0].step !== 'proposal' ||
    after[0].category !== 'excellent' ||
    after[0].score !== '95'
  )
    throw new Error(`recorded: ${JSON.stringify(after)}`);
});

// The results of DB001's orgs (a grassroots committee), opened from its page by the office above
// it: the demo's 2025 round — each sub-branch's self-assessment decided by DB001, «Chi bộ bốn tốt»
// registered and decided — shows the API's counts and a sub-branch's decision. In 2026, not yet
// rated, a sub-branch's self-assessment scored 120 is refused at «Điểm» with the server's sentence
// and nothing is recorded; scored 92,5 with 40% of its tasks beyond what was asked (the category
// chosen for it as the facts are typed) the row shows it, and so does the API.
await test('the org results of a committee are the API’s; a self-assessment scored 120 is refused, then saved', async (page) => {
  await login(page, 'vanphong');
  const { get } = await apiOf(page);
  const results = async (year) => get(`api/v1/orgs/DB001/org-results?year=${year}`);
  const decided = await results(2025);
  const sum = (counts) => Object.values(counts).reduce((n, c) => n + c, 0);
  const four = decided.titles.find((t) => t.title === 'chi_bo_bon_tot');
  const ruled = decided.rows.slice(0, 50).find((r) => r.competent === 'DB001' && r.decision);
  if (!sum(decided.orgs) || !four?.registered || !ruled)
    throw new Error(`the demo's 2025 results: ${JSON.stringify({ orgs: decided.orgs, titles: decided.titles })}`);
  const shows = (testid, count) =>
    page
      .getByTestId(testid)
      .getByText(`${count.toLocaleString('vi-VN')} tổ chức`, { exact: true })
      .waitFor();
  await page.goto(`${base}#/org/DB001`);
  await page.getByTestId('org-org-results').click();
  await page.getByRole('heading', { level: 1, name: 'Xếp loại tổ chức đảng và thi đua' }).waitFor();
  await chooseIn(page, 'org-results-year', 'Năm 2025');
  await page.waitForFunction(() => window.location.hash === '#/org-results/DB001?year=2025');
  await page
    .getByTestId('org-results')
    .getByText(`Xếp loại tổ chức đảng và thi đua năm 2025 — ${decided.org_name}`, { exact: true })
    .waitFor();
  await shows('org-results-to-rate', decided.to_rate);
  await shows('org-results-decided', sum(decided.orgs));
  for (const [category, count] of Object.entries(decided.orgs)) await shows(`org-results-count-${category}`, count);
  await page
    .getByTestId('org-results-title-chi_bo_bon_tot')
    .getByText(
      `«${four.label}»: ${four.registered} tổ chức đăng ký, ${four.recognized} được công nhận, ${four.not_recognized} không được công nhận.`,
      { exact: true },
    )
    .waitFor();
  const vn = (iso) => iso.split('-').reverse().join('/');
  const decision = page.getByTestId(`org-results-decision-${ruled.org}`);
  await decision.getByText(ruled.decision.category_label, { exact: true }).waitFor();
  await decision
    .getByText(`Quyết định số ${ruled.decision.decision_no} ngày ${vn(ruled.decision.decided_on)}`, { exact: true })
    .waitFor();

  // A sub-branch to rate in 2026 with nothing recorded yet, on the list's first page, the only one
  // of its name (the button says it).
  const open = (await results(2026)).rows;
  const row = open
    .slice(0, 50)
    .find(
      (r) =>
        r.competent === 'DB001' &&
        r.kind !== 'cluster' &&
        !r.too_new &&
        !r.proposal &&
        !r.decision &&
        open.filter((x) => x.org_name === r.org_name).length === 1,
    );
  if (!row) throw new Error('no org under DB001 to rate in 2026');
  const stored = async () => (await results(2026)).rows.find((r) => r.org === row.org).proposal;
  await chooseIn(page, 'org-results-year', 'Năm 2026');
  await page.waitForFunction(() => window.location.hash === '#/org-results/DB001?year=2026');
  await page.getByRole('button', { name: `Tự đánh giá: ${row.org_name}`, exact: true }).click();
  const dialog = page.locator('.ant-modal', { hasText: `Tự đánh giá xếp loại năm 2026 — ${row.org_name}` });
  const score = dialog.locator('.ant-form-item', { has: page.getByLabel('Điểm (thang 100)', { exact: true }) });
  await dialog.getByLabel('Điểm (thang 100)', { exact: true }).fill('120');
  await choose(page, 'Xếp loại', 'Hoàn thành tốt nhiệm vụ');
  await dialog.getByRole('button', { name: 'Ghi', exact: true }).click();
  await score.locator('.ant-form-item-explain-error').getByText('Điểm «120» không hợp lệ').waitFor();
  if ((await stored()) !== null) throw new Error(`recorded when refused: ${JSON.stringify(await stored())}`);

  await dialog.getByLabel('Điểm (thang 100)', { exact: true }).fill('92,5');
  await dialog.getByLabel('Nhiệm vụ hoàn thành vượt yêu cầu (%)', { exact: true }).fill('40');
  const category = dialog.locator('.ant-form-item', { has: page.getByLabel('Xếp loại', { exact: true }) });
  await category.locator('.ant-select-selection-item[title="Hoàn thành xuất sắc nhiệm vụ"]').waitFor();
  await dialog.getByRole('button', { name: 'Ghi', exact: true }).click();
  await dialog.waitFor({ state: 'hidden' });
  const proposal = page.getByTestId(`org-results-proposal-${row.org}`);
  await proposal.getByText('Điểm 92,5', { exact: true }).waitFor();
  await proposal.getByText('Hoàn thành xuất sắc nhiệm vụ', { exact: true }).waitFor();
  const after = await stored();
  if (
    after?.score !== '92,5' ||
    after.category !== 'excellent' ||
    after.tasks_exceeding_percent !== 40 ||
    after.tasks_late_percent !== 0 ||
    after.disciplined
  )
    throw new Error(`recorded: ${JSON.stringify(after)}`);
});

// A reduction of a member's dues, recorded from «Đảng phí» on the member page by the branch's
// secretary: 50% for this month and the next, with its decision. The record is listed and the
// month's amount owed is half the category's (the server's numbers). A reduction one month longer
// than the rule set allows is refused at «Đến tháng», and nothing is recorded.
await test('a branch secretary records a 50% dues reduction; one too long is refused at «Đến tháng»', async (page) => {
  await login(page, 'bithu');
  const { get } = await apiOf(page);
  const { dues: rules } = await get('api/v1/labels');
  const monthOf = (r) => r.months.find((x) => x.month === duesMonth);
  // A member owing this month by the category alone, an amount that halves to whole thousands.
  const owing = (await get(`api/v1/orgs/${duesOrg}/dues?year=${duesY}`)).rows.filter(
    (r) => owesMonth(r) && monthOf(r).owed?.why === 'category' && monthOf(r).owed.amount % 2000 === 0,
  );
  const member = owing.at(-1)?.member;
  if (!member) throw new Error(`nobody in ${duesOrg} owes ${duesMonth} by the category alone`);
  const dues = async () => get(`api/v1/members/${member}/dues?year=${duesY}`);
  const before = await dues();
  const full = monthOf(before).owed.amount;
  // The month n months after this one, as the month pickers show it (01/2027).
  const later = (n) => {
    const d = new Date(Date.UTC(Number(duesY), Number(duesM) - 1 + n, 1));
    return `${String(d.getUTCMonth() + 1).padStart(2, '0')}/${d.getUTCFullYear()}`;
  };
  const card = page.getByTestId('member-dues');
  const owedShown = (amount) =>
    card.getByTestId(`member-dues-${duesMonth}`).getByText(amount.toLocaleString('vi-VN'), { exact: true });
  const reduce = async (to) => {
    await card.getByTestId('dues-reduction-new').click();
    await choose(page, 'Mức giảm', '50%');
    await pickDate(page, 'Từ tháng', `${duesM}/${duesY}`);
    await pickDate(page, 'Đến tháng', to);
    // Within the dialog: the page's «Ghi sự kiện» has a «Số quyết định» of its own.
    await page.locator('.ant-modal').getByLabel('Số quyết định', { exact: true }).fill('12-QĐ/ĐU');
    await page.locator('.ant-modal').getByLabel('Cấp quyết định', { exact: true }).fill('Đảng ủy cơ sở');
    await page.locator('.ant-modal-footer .ant-btn-primary').click();
  };

  await page.goto(`${base}#/member/${member}`);
  await owedShown(full).waitFor();
  await reduce(later(1));
  await page.locator('.ant-modal').waitFor({ state: 'hidden' });
  await card
    .getByText(
      `Giảm 50% đảng phí từ tháng ${duesM}/${duesY} đến tháng ${later(1)} (quyết định số 12-QĐ/ĐU, Đảng ủy cơ sở)`,
    )
    .waitFor();
  const after = await dues();
  const owed = monthOf(after).owed;
  if (after.records.length !== before.records.length + 1 || owed.why !== 'reduction' || owed.full !== full)
    throw new Error(`after the reduction: ${JSON.stringify({ records: after.records.length, owed })}`);
  if (owed.amount !== full / 2) throw new Error(`owes ${owed.amount} of ${full} after a 50% reduction`);
  await owedShown(owed.amount).waitFor();

  await reduce(later(rules.reduction_max_months));
  await page
    .locator('.ant-modal .ant-form-item', { has: page.getByLabel('Đến tháng', { exact: true }) })
    .locator('.ant-form-item-explain-error')
    .getByText(`tối đa ${rules.reduction_max_months} tháng`)
    .waitFor();
  if ((await dues()).records.length !== after.records.length) throw new Error('a refused reduction was recorded');
});

await finish();
