// Browser tests: Debian's chromium driven by playwright-core against a real `dangvu serve` over a
// fresh demo database. Usage: node browser.test.mjs DANGVU_BINARY WEB_DIST OUTPUT_DIR
// Each test saves a screenshot in OUTPUT_DIR; any console error fails the test.
import { chromium } from 'playwright-core';
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const [bin, dist, out] = process.argv.slice(2);
mkdirSync(out, { recursive: true });
const work = mkdtempSync(join(tmpdir(), 'dangvu-web-'));
const db = join(work, 'demo.db');
const printed = execFileSync(bin, ['demo', '--db', db, '--accounts'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
const passwords = Object.fromEntries(
  printed.split('\n').map((l) => l.trim().split('\t')).filter((p) => p.length >= 3).map((p) => [p[0], p[1]]),
);

// An account with a one-time password, as an administrator creates it.
const created = execFileSync(
  bin,
  ['user', 'add', '--db', db, '--username', 'lan.nguyen', '--role', 'viewer', '--org', 'DBUB', '--name', 'Nguyễn Thị Lan'],
  { encoding: 'utf8' },
);
passwords['lan.nguyen'] = created.match(/Mật khẩu dùng một lần: ([a-z0-9-]+)/)[1];

const server = spawn(bin, ['serve', '--db', db, '--listen', '127.0.0.1:0', '--web-root', dist, '--threads', '4'], {
  stdio: ['ignore', 'pipe', 'inherit'],
});
const base = await new Promise((resolve, reject) => {
  server.stdout.on('data', (d) => {
    const m = String(d).match(/http:\/\/127\.0\.0\.1:\d+\//);
    if (m) resolve(m[0]);
  });
  server.on('exit', (c) => reject(new Error(`server exited ${c}`)));
});

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
let passed = 0;
let failed = 0;

async function test(name, fn) {
  // ONLY=part-of-a-name runs just the matching tests (when debugging one).
  if (process.env.ONLY && !name.includes(process.env.ONLY)) return;
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'vi-VN' });
  const page = await context.newPage();
  const errors = [];
  page.on('console', (m) => {
    // A refused request shows in the console as a failed resource; that is the server answering.
    if (m.type() === 'error' && !/Failed to load resource/.test(m.text())) errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  try {
    await fn(page);
    if (errors.length) throw new Error(`console errors: ${errors.join(' | ')}`);
    passed++;
    console.log(`ok - ${name}`);
  } catch (e) {
    failed++;
    console.log(`not ok - ${name}\n    ${String(e.stack || e).split('\n').slice(0, 4).join('\n    ')}`);
  } finally {
    await page.screenshot({ path: join(out, `${name.replace(/[^a-z0-9]+/gi, '-')}.png`), fullPage: true }).catch(() => {});
    await context.close();
  }
}

// With the keyboard only: the name field has focus, Tab reaches the password, Enter submits.
async function login(page, user) {
  await page.goto(base);
  await page.getByLabel('Tên đăng nhập').waitFor();
  await page.keyboard.type(user);
  await page.keyboard.press('Tab');
  await page.keyboard.type(passwords[user]);
  await page.keyboard.press('Enter');
  await page.getByTestId('whoami').waitFor();
}

// antd's Select: open it by its box, then pick an option by its exact title (or type to search).
// A click during the dropdown's opening animation can miss under load: check the choice shows, and
// try again if it does not.
async function choose(page, label, title) {
  const item = page.locator('.ant-form-item', { has: page.getByLabel(label, { exact: true }) });
  const chosen = item.locator(`.ant-select-selection-item[title="${title}"]`);
  for (let attempt = 0; attempt < 3 && !(await chosen.count()); attempt++) {
    await item.locator('.ant-select-selector').click();
    await page.locator(`.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option[title="${title}"]`).click();
    await chosen.waitFor({ timeout: 5000 }).catch(() => {});
  }
  await chosen.waitFor({ timeout: 1000 });
}
async function chooseBySearch(page, label, text) {
  const input = page.getByLabel(label, { exact: true });
  await page.locator('.ant-form-item', { has: input }).locator('.ant-select-selector').click();
  await page.keyboard.type(text);
  // The option list that belongs to this select (its input names it in aria-controls).
  const list = await input.getAttribute('aria-controls');
  await page
    .locator(`.ant-select-dropdown:has([id="${list}"]) .ant-select-item-option`, { hasText: text })
    .first()
    .click();
  // Close the dropdown by clicking the form's label (Escape would close the dialog too).
  await page.getByText(label, { exact: true }).click();
  await page.locator(`.ant-select-dropdown:has([id="${list}"])`).waitFor({ state: 'hidden' });
}

async function pickDate(page, label, ddmmyyyy) {
  const input = page.getByLabel(label, { exact: true });
  await input.click();
  await input.fill(ddmmyyyy);
  await input.press('Enter');
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
});

await test('record an admission, then an early recognition is refused at the date', async (page) => {
  await login(page, 'vanphong');
  await page.goto(`${base}#/member/QC0000001`);
  await page.getByText('Quần chúng ưu tú').first().waitFor();
  await choose(page, 'Sự kiện', 'Kết nạp');
  await page.getByLabel('Chi bộ', { exact: true }).fill('DB001.01');
  await page.getByLabel('Số quyết định').fill('125-QĐ/ĐU');
  await page.getByRole('button', { name: 'Ghi sự kiện' }).click();
  await page.getByText('Đã ghi: Kết nạp.').waitFor();
  await page.getByText('Đảng viên dự bị').first().waitFor();
  await choose(page, 'Sự kiện', 'Công nhận đảng viên chính thức');
  await page.getByRole('button', { name: 'Ghi sự kiện' }).click();
  await page.locator('.ant-form-item-explain-error', { hasText: 'tháng dự bị' }).waitFor();
});

await test('merge two branches and see the tree before and after the date', async (page) => {
  await login(page, 'quantri');
  await page.getByTestId('node-CB030').waitFor();
  await page.getByRole('button', { name: 'Hợp nhất tổ chức…' }).click();
  await chooseBySearch(page, 'Các tổ chức được hợp nhất', '[CB030]');
  await chooseBySearch(page, 'Các tổ chức được hợp nhất', '[CB031]');
  await chooseBySearch(page, 'Hợp nhất vào (tổ chức đã có)', '[CB032]');
  await pickDate(page, 'Ngày có hiệu lực', '01/11/2026');
  await page.getByRole('button', { name: 'Xem trước thay đổi' }).click();
  await page.getByTestId('preview').getByText('hợp nhất vào').waitFor();
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
  if (await page.getByRole('button', { name: 'Hợp nhất tổ chức…' }).count()) throw new Error('merge offered to a viewer');
  await page.goto(`${base}#/org/DBUB`);
  await page.getByText('Tổng số đảng viên').waitFor();
  if (await page.getByRole('button', { name: 'Đổi tên' }).count()) throw new Error('rename offered to a viewer');
  if (await page.getByText('Nhật ký thao tác').count()) throw new Error('audit offered to a viewer');
});

await test('the administrator reads the audit log by user', async (page) => {
  await login(page, 'quantri');
  await page.goto(`${base}#/audit`);
  await page.getByLabel('Người thực hiện').fill('vanphong');
  await page.getByRole('cell', { name: 'member.event.admission' }).waitFor();
  await page.getByRole('cell', { name: 'QC0000001' }).first().waitFor();
});

await test('an organization page shows its statistics and charts', async (page) => {
  await login(page, 'kiemtra');
  await page.goto(`${base}#/org/DBCQD`);
  await page.getByText('Tổng số đảng viên').waitFor();
  await page.getByRole('img', { name: 'Biểu đồ đảng viên theo tình trạng' }).locator('canvas').waitFor();
  // The chart's canvas has drawn bars: some pixels differ from the background. Five statistics (one
  // per year) come first, slow when the machine is busy: a long wait, polled on a timer.
  await page.waitForFunction(() => {
    const c = document.querySelector('[aria-label="Biểu đồ kết nạp và công nhận theo năm"] canvas');
    if (!c || c.width === 0) return false;
    const data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    for (let i = 3; i < data.length; i += 4) if (data[i] !== 0) return true;
    return false;
  }, null, { polling: 250, timeout: 90000 });
  await page.getByRole('cell', { name: 'Cụm thi đua số 1 – Đảng bộ các cơ quan Đảng tỉnh' }).waitFor();
  // Recent events: the admission recorded by an earlier test is in this committee's subtree.
  await page.getByRole('link', { name: 'Đàm Văn Chính' }).waitFor();
});

// A single-choice antd Select: type to search, click the option (the list then closes itself).
// Checks that the choice shows and tries again if the click missed (as choose does).
async function chooseOne(page, label, text) {
  const input = page.getByLabel(label, { exact: true }).last();
  const item = page.locator('.ant-form-item', { has: input });
  const chosen = item.locator('.ant-select-selection-item', { hasText: text });
  for (let attempt = 0; attempt < 3 && !(await chosen.count()); attempt++) {
    await item.locator('.ant-select-selector').click();
    await page.keyboard.type(text);
    const list = await input.getAttribute('aria-controls');
    await page.locator(`.ant-select-dropdown:has([id="${list}"]) .ant-select-item-option`, { hasText: text }).first().click();
    await chosen.waitFor({ timeout: 5000 }).catch(() => {});
  }
  await chosen.waitFor({ timeout: 1000 });
}

// Opens an antd Select by its label and clicks its first option, once the options have loaded
// (they come from the server); tries again if the list was still changing under the click.
async function chooseFirst(page, label) {
  const input = page.getByLabel(label, { exact: true }).last();
  const item = page.locator('.ant-form-item', { has: input }).locator('.ant-select-selection-item');
  for (let attempt = 0; attempt < 3 && !(await item.count()); attempt++) {
    await input.click();
    const list = await input.getAttribute('aria-controls');
    const option = page.locator(`.ant-select-dropdown:has([id="${list}"]) .ant-select-item-option`).first();
    await option.waitFor();
    await option.click();
    await item.waitFor({ timeout: 5000 }).catch(() => {});
  }
  await item.waitFor({ timeout: 1000 });
}

await test('a committee office records a meeting with an absent member and sees it listed', async (page) => {
  await login(page, 'vanphong');
  await page.goto(`${base}#/work/DBCQD`);
  await page.getByTestId('new-meeting').click();
  await chooseOne(page, 'Chi bộ', '[DB001.01]');
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
  const attendance = await row.locator('td').nth(4).innerText();
  const [present, expected] = attendance.split('/').map(Number);
  if (!(expected > 0 && present === expected - 1)) throw new Error(`attendance ${attendance}`);
});

await test('a meeting dated in the future is refused at the date field', async (page) => {
  await login(page, 'vanphong');
  await page.goto(`${base}#/work/DBCQD`);
  await page.getByTestId('new-meeting').click();
  await chooseOne(page, 'Chi bộ', '[DB001.01]');
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
  await page.getByTestId('progress-inspected_orgs').getByText('kế hoạch năm').waitFor();
  const progress = await page.getByTestId('progress-inspected_orgs').innerText();
  if (!/^\d+\/\d+ \(đạt [\d.,]+% kế hoạch năm\)$/.test(progress)) throw new Error(`progress «${progress}»`);
});

await test('the report page shows the same figures as its preview and gives the Word file', async (page) => {
  await login(page, 'kiemtra');
  await page.goto(`${base}#/report/TU`);
  await page.getByTestId('period-year').fill('2026');
  await page.getByTestId('period-year').press('Tab');
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
  const xlsx = await page.request.get(`${base.replace(/\/$/, '')}${await page.getByTestId('download-xlsx').getAttribute('href')}`);
  if (xlsx.status() !== 200 || !xlsx.headers()['content-type'].includes('spreadsheetml')) {
    throw new Error(`xlsx ${xlsx.status()} ${xlsx.headers()['content-type']}`);
  }
  // Another period: the whole year, with the figures and the preview for it.
  await page.getByTestId('period-kind').click();
  await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option[title="Năm"]').click();
  await page.getByText('(từ 01/01/2026 đến 31/12/2026').waitFor();
  await preview.getByText('Tổng kết công tác xây dựng Đảng năm 2026', { exact: false }).first().waitFor();
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
  await page.locator('.ant-form-item', { has: page.getByLabel('Số văn bản (ví dụ 15-NQ/TU)') })
    .locator('.ant-form-item-explain-error').waitFor();
  await page.getByRole('button', { name: 'Hủy' }).click();
  await page.locator('.ant-modal').waitFor({ state: 'hidden' });

  await page.getByTestId('new-study').click();
  await chooseOne(page, 'Chi bộ', '[DB001.02]');
  await chooseOne(page, 'Văn bản học tập, quán triệt', '15-NQ/ĐU');
  // Everyone is ticked by default, once the branch's members have loaded.
  await page.locator('.ant-form-item', { has: page.getByLabel('Đảng viên tham dự') })
    .locator('.ant-select-selection-item').first().waitFor();
  await page.getByRole('button', { name: 'Ghi', exact: true }).click();
  await page.locator('.ant-modal').waitFor({ state: 'hidden' });
  await page.getByRole('tab', { name: /Học tập nghị quyết/ }).click();
  const row = page.getByTestId('study').locator('tr', { hasText: '15-NQ/ĐU' }).first();
  await row.waitFor();
  const [present, expected] = (await row.locator('td').nth(3).innerText()).split('/').map(Number);
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
  await page.getByTestId('oversights').locator('tr', { hasText: 'Đồng chí thực hiện tốt nhiệm vụ đảng viên.' }).waitFor();
});

await browser.close();
server.kill('SIGTERM');
rmSync(work, { recursive: true, force: true });
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
