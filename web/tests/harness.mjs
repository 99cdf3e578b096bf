// What the browser tests share: Debian's chromium driven by playwright-core against a real
// `dangvu serve` over a fresh demo database, the test runner and the helpers that drive antd's
// controls. A test file imports it and is run as: node FILE DANGVU_BINARY WEB_DIST OUTPUT_DIR.
// Each test saves a screenshot in OUTPUT_DIR; any console error fails the test.
import { chromium } from 'playwright-core';
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const [bin, dist, out] = process.argv.slice(2);
mkdirSync(out, { recursive: true });
export const work = mkdtempSync(join(tmpdir(), 'dangvu-web-'));
export const db = join(work, 'demo.db');
const printed = execFileSync(bin, ['demo', '--db', db, '--accounts'], {
  encoding: 'utf8',
  stdio: ['ignore', 'pipe', 'ignore'],
});
export const passwords = Object.fromEntries(
  printed
    .split('\n')
    .map((l) => l.trim().split('\t'))
    .filter((p) => p.length >= 3)
    .map((p) => [p[0], p[1]]),
);

// An account with a one-time password, as an administrator creates it.
const created = execFileSync(
  bin,
  [
    'user',
    'add',
    '--db',
    db,
    '--username',
    'lan.nguyen',
    '--role',
    'viewer',
    '--org',
    'DBUB',
    '--name',
    'Nguyễn Thị Lan',
  ],
  { encoding: 'utf8' },
);
passwords['lan.nguyen'] = created.match(/Mật khẩu dùng một lần: ([a-z0-9-]+)/)[1];

// Chromium keeps up to 6 connections to a host, and each idle keep-alive connection holds a worker
// for up to 30 s: with fewer workers than that, a page that loads more than a few parts at once (the
// conference page and its chunks) waits for a connection to time out.
const server = spawn(bin, ['serve', '--db', db, '--listen', '127.0.0.1:0', '--web-root', dist, '--threads', '8'], {
  stdio: ['ignore', 'pipe', 'inherit'],
});
export const base = await new Promise((resolve, reject) => {
  server.stdout.on('data', (d) => {
    const m = String(d).match(/http:\/\/127\.0\.0\.1:\d+\//);
    if (m) resolve(m[0]);
  });
  server.on('exit', (c) => reject(new Error(`server exited ${c}`)));
});

export const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
let passed = 0;
let failed = 0;

// The two screens every journey is walked at: an office's laptop and a secretary's phone.
export const desktop = { width: 1366, height: 768 };
export const phone = { width: 390, height: 844 };

export async function test(name, fn, { viewport = desktop } = {}) {
  // ONLY=part-of-a-name runs just the matching tests (when debugging one).
  if (process.env.ONLY && !name.includes(process.env.ONLY)) return;
  const context = await browser.newContext({
    viewport,
    isMobile: viewport.width < 600,
    hasTouch: viewport.width < 600,
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    // axe-core is added to the page as a script, which the server's Content-Security-Policy forbids.
    bypassCSP: true,
  });
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
    console.log(
      `not ok - ${name}\n    ${String(e.stack || e)
        .split('\n')
        .slice(0, 4)
        .join('\n    ')}`,
    );
  } finally {
    await page
      .screenshot({ path: join(out, `${name.replace(/[^a-z0-9]+/gi, '-')}.png`), fullPage: true })
      .catch(() => {});
    await context.close();
  }
}

// With the keyboard only: the name field has focus, Tab reaches the password, Enter submits.
export async function login(page, user) {
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
export async function choose(page, label, title) {
  const item = page.locator('.ant-form-item', { has: page.getByLabel(label, { exact: true }) });
  const chosen = item.locator(`.ant-select-selection-item[title="${title}"]`);
  const input = item.locator('input[role=combobox]');
  // The option in this select's own list; a click that does not take (the list still opening
  // on a busy machine) is tried again after closing the list by the field's label.
  for (let attempt = 0; attempt < 4 && !(await chosen.count()); attempt++) {
    await item.locator('.ant-select-selector').click();
    const list = await input.getAttribute('aria-controls');
    const option = page.locator(`.ant-select-dropdown:has([id="${list}"]) .ant-select-item-option[title="${title}"]`);
    const clicked = await option.click({ timeout: 10000 }).then(
      () => true,
      () => false,
    );
    // The label on screen (a closed dialog keeps its own, hidden), without waiting on it for long.
    if (!clicked)
      await page
        .getByText(label, { exact: true })
        .filter({ visible: true })
        .last()
        .click({ timeout: 5000 })
        .catch(() => {});
    await chosen.waitFor({ timeout: 5000 }).catch(() => {});
  }
  await chosen.waitFor({ timeout: 1000 });
}
export async function chooseBySearch(page, label, text) {
  const input = page.getByLabel(label, { exact: true });
  const item = page.locator('.ant-form-item', { has: input });
  const chosen = item.locator('.ant-select-selection-item', { hasText: text });
  // Typed to search, the option clicked, the list closed by the form's label (Escape would close
  // the dialog too); tried again when the choice does not show (a busy machine can drop the typing
  // or the click while the list is still opening).
  for (let attempt = 0; attempt < 4 && !(await chosen.count()); attempt++) {
    await item.locator('.ant-select-selector').click();
    await input.fill(text);
    // The option list that belongs to this select (its input names it in aria-controls).
    const list = await input.getAttribute('aria-controls');
    const option = page
      .locator(`.ant-select-dropdown:has([id="${list}"]) .ant-select-item-option`, { hasText: text })
      .first();
    await option.click({ timeout: 10000 }).catch(() => {});
    await page.getByText(label, { exact: true }).click();
    await page
      .locator(`.ant-select-dropdown:has([id="${list}"])`)
      .waitFor({ state: 'hidden', timeout: 5000 })
      .catch(() => {});
    await chosen.waitFor({ timeout: 5000 }).catch(() => {});
  }
  await chosen.waitFor({ timeout: 1000 });
}

export async function pickDate(page, label, ddmmyyyy) {
  const input = page.getByLabel(label, { exact: true });
  for (let attempt = 0; attempt < 3; attempt++) {
    await input.click();
    await input.fill(ddmmyyyy);
    await input.press('Enter');
    if ((await input.inputValue()) === ddmmyyyy) break;
  }
  const shown = await input.inputValue();
  if (shown !== ddmmyyyy) throw new Error(`${label}: ${shown}, not ${ddmmyyyy}`);
}

// The two-step dialogs: asks for the preview and waits for it; a click that did not take is
// tried again, and a form that refuses names its errors.
export async function showPreview(page, expected) {
  const preview = page.getByTestId('preview').getByText(expected);
  for (let attempt = 0; attempt < 3 && !(await preview.count()); attempt++) {
    await page
      .getByRole('button', { name: 'Xem trước thay đổi' })
      .click({ timeout: 10000 })
      .catch(() => {});
    await preview.waitFor({ timeout: 10000 }).catch(() => {});
  }
  if (!(await preview.count())) {
    const errors = await page.locator('.ant-modal .ant-form-item-explain-error').allInnerTexts();
    throw new Error(`no preview; form errors: ${errors.join(' | ') || 'none'}`);
  }
}

// A single-choice antd Select: type to search, click the option (the list then closes itself).
// Checks that the choice shows and tries again if the click missed (as choose does). `shown` is the
// option's text when it differs from what is typed (a name typed without its diacritics).
export async function chooseOne(page, label, text, shown = text) {
  const input = page.getByLabel(label, { exact: true }).last();
  const item = page.locator('.ant-form-item', { has: input });
  const chosen = item.locator('.ant-select-selection-item', { hasText: shown });
  // Each try waits a while for the option: the list comes from the server and a busy machine
  // may deliver it after the text was typed (or the typing may land before the dialog has focus).
  // Under the whole suite (two test jobs, the server built with sanitizers, the browser) the
  // choice once never showed after four tries of 10 s each: the option is waited for up to 30 s.
  for (let attempt = 0; attempt < 4 && !(await chosen.count()); attempt++) {
    await item.locator('.ant-select-selector').click();
    await input.fill(text);
    const list = await input.getAttribute('aria-controls');
    const option = page
      .locator(`.ant-select-dropdown:has([id="${list}"]) .ant-select-item-option`, { hasText: shown })
      .first();
    const clicked = await option.click({ timeout: 30000 }).then(
      () => true,
      () => false,
    );
    // Close the list by clicking the field's label (Escape would close the dialog too).
    // The label on screen (a closed dialog keeps its own, hidden), without waiting on it for long.
    if (!clicked)
      await page
        .getByText(label, { exact: true })
        .filter({ visible: true })
        .last()
        .click({ timeout: 5000 })
        .catch(() => {});
    await chosen.waitFor({ timeout: 5000 }).catch(() => {});
  }
  await chosen.waitFor({ timeout: 1000 });
}

// Opens an antd Select by its label and clicks its first option, once the options have loaded
// (they come from the server); tries again if the list was still changing under the click.
export async function chooseFirst(page, label) {
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

// A day counted from today in Việt Nam (the server's today, and the forms' default date), as the
// API writes it (yyyy-mm-dd) and as a page shows it (dd/mm/yyyy).
export function vnDay(offsetDays = 0) {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
  const day = new Date(`${today}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + offsetDays);
  const iso = day.toISOString().slice(0, 10);
  const [y, m, d] = iso.split('-');
  return { iso, vn: `${d}/${m}/${y}` };
}

// A name as a person types it without diacritics («Đàm Văn Chính» → «dam van chinh»).
export function fold(s) {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase();
}

// The API as the signed-in page: a GET's JSON, and a POST with the session's CSRF token that must
// succeed.
export async function apiOf(page) {
  const get = async (path) => {
    const r = await page.request.get(`${base}${path}`);
    if (!r.ok()) throw new Error(`GET ${path}: ${r.status()} ${await r.text()}`);
    return r.json();
  };
  const { csrf_token: token } = await get('api/v1/session');
  const post = async (path, data) => {
    const r = await page.request.post(`${base}${path}`, { data, headers: { 'X-CSRF-Token': token } });
    if (!r.ok()) throw new Error(`POST ${path}: ${r.status()} ${await r.text()}`);
    return r.json();
  };
  return { get, post };
}

// An antd Select outside a form, by its test id: opens it and clicks the option titled `title`;
// returns once the select shows it (a click that missed, the list still opening, is tried again).
export async function chooseIn(page, testid, title) {
  const option = page.locator(
    `.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option[title="${title}"]`,
  );
  const shown = page.getByTestId(testid).locator(`.ant-select-selection-item[title="${title}"]`);
  for (let attempt = 0; attempt < 4 && !(await shown.count()); attempt++) {
    await page.getByTestId(testid).click();
    await option.click({ timeout: 10000 }).catch(() => page.keyboard.press('Escape'));
  }
  await shown.waitFor();
}

// A reporting period in the period picker (pages/period.tsx): the kind («6 tháng», «Năm», …), the
// part when the kind has one («6 tháng đầu năm»), and the year; returns once the picker shows it.
export async function choosePeriod(page, kind, part, year) {
  await chooseIn(page, 'period-kind', kind);
  if (part) await chooseIn(page, 'period-part', part);
  if (year) {
    await page.getByTestId('period-year').fill(String(year));
    await page.getByTestId('period-year').press('Tab');
  }
}

// Stops the server and the browser, and exits with the tests' verdict.
export async function finish() {
  await browser.close();
  server.kill('SIGTERM');
  rmSync(work, { recursive: true, force: true });
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}
