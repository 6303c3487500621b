// The fact inspector in Debian's Chromium, over file://: open it on a statement cell, a total and a prose figure
// (by mouse and by keyboard); it lists the line item, the exact value, the note, the checks and the other places;
// every link in it lands on an element with that id; axe (WCAG 2.2 A/AA) is clean with the panel open, in light and
// dark mode; on a phone the panel is a bottom sheet; "Copy link" gives a permalink that opens the page with the figure
// highlighted, also with JavaScript off. No network request, no console error.
// Usage: node inspector.mjs SITE_DIR   -> one line per check "inspector <check>: N problems"; exit 1 if any.
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { launch, fileUrl, Tally, CHROMIUM, CHROMIUM_ARGS } from './lib.mjs';

const require = createRequire(import.meta.url);
const AXE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];
const LOCAL = /^(file|data|blob|about):/i;

const site = path.resolve(process.argv[2] || '');
if (!process.argv[2] || !fs.existsSync(path.join(site, 'index.html'))) {
  console.error('usage: node inspector.mjs SITE_DIR (a built site with index.html)');
  process.exit(2);
}
const t = new Tally();
const url = (rel) => fileUrl(path.join(site, rel));
const INCOME = 'financial-statements/income-statement.html';

const { context, close } = await launch();
await context.route((u) => !LOCAL.test(u.href), (route) => route.abort('blockedbyclient'));
await context.grantPermissions(['clipboard-read', 'clipboard-write']).catch(() => {});

async function open(rel, label, { width = 1280, height = 900, colorScheme = 'light', ctx = context } = {}) {
  const page = await ctx.newPage();
  await page.setViewportSize({ width, height });
  await page.emulateMedia({ colorScheme, media: 'screen' });
  page.on('request', (r) => { if (!LOCAL.test(r.url())) t.add('network', label, `request to ${r.url()}`); });
  page.on('console', (m) => { if (m.type() === 'error') t.add('console', label, `console error: ${m.text()}`); });
  page.on('pageerror', (e) => t.add('console', label, `uncaught error: ${e.message}`));
  await page.goto(url(rel), { waitUntil: 'load', timeout: 30000 });
  return page;
}

async function axe(page, where) {
  if (!(await page.evaluate(() => typeof window.axe !== 'undefined'))) await page.evaluate(AXE);
  const res = await page.evaluate(async (tags) => window.axe.run(document, {
    runOnly: { type: 'tag', values: tags }, preload: false, resultTypes: ['violations'],
  }), TAGS);
  for (const v of res.violations) for (const node of v.nodes) t.add('axe', where, `${v.id}: ${v.help} -> ${node.target.join(' ')}`);
}

/** What the open panel shows: title, value, the rows of its list, the links under each heading. */
const panel = (page) => page.evaluate(() => {
  const d = document.querySelector('dialog.fact-panel');
  if (!d || !d.open) return null;
  const section = (word) => {
    const h = [...d.querySelectorAll('h3')].find((x) => x.textContent.startsWith(word));
    const list = h && h.nextElementSibling && h.nextElementSibling.tagName === 'UL' ? h.nextElementSibling : null;
    return list ? [...list.querySelectorAll('li')].map((li) => ({ text: li.textContent, href: li.querySelector('a')?.getAttribute('href') })) : [];
  };
  const dd = (word) => { const dt = [...d.querySelectorAll('dt')].find((x) => x.textContent === word); return dt ? dt.nextElementSibling : null; };
  return {
    title: d.querySelector('.fp-title').textContent,
    value: d.querySelector('.fp-value').textContent,
    period: dd('Period')?.textContent,
    table: dd('Table')?.querySelector('a')?.getAttribute('href'),
    notes: [...(dd('Note') || dd('Notes') || document.createElement('p')).querySelectorAll('a')].map((a) => a.getAttribute('href')),
    checks: section('Checks'),
    places: section('Also shown'),
    links: [...d.querySelectorAll('a[href]')].map((a) => a.getAttribute('href')),
    focused: d.contains(document.activeElement),
    /* the figure the panel is open on stays in view, not under the panel */
    covered: (() => {
      const f = document.querySelector('.fact-active');
      if (!f) return 'no active figure';
      const a = f.getBoundingClientRect(), b = d.getBoundingClientRect();
      if (a.bottom < 0 || a.top > innerHeight) return 'out of view';
      return a.right > b.left && a.left < b.right && a.bottom > b.top && a.top < b.bottom ? 'under the panel' : null;
    })(),
    rect: (() => { const r = d.getBoundingClientRect(); return { top: r.top, bottom: r.bottom, left: r.left, right: r.right }; })(),
  };
});

/** Every link of the panel (relative to the page at rel) lands on an element with that id. */
const docs = new Map();
function landsOn(rel, href) {
  const target = new URL(href, url(rel));
  const file = decodeURIComponent(target.pathname);
  if (!fs.existsSync(file)) return `${href}: no such file`;
  if (!docs.has(file)) docs.set(file, fs.readFileSync(file, 'utf8'));
  const id = decodeURIComponent(target.hash.slice(1));
  if (id && !docs.get(file).includes(`id="${id}"`)) return `${href}: no element with id "${id}"`;
  return null;
}

/** Opens the inspector on the figure with this id, by click or by keyboard; returns what it shows. */
async function inspect(page, rel, id, how) {
  const sel = `[id="${id}"]`;
  const opener = await page.evaluate((s) => {
    const f = document.querySelector(s);
    if (!f) return null;
    return f.matches('a') ? 'a' : f.querySelector('.fact-open') ? 'button' : 'none';
  }, sel);
  if (opener !== 'a' && opener !== 'button') { t.add('open', `${rel} ${id}`, `no button or link opens the inspector (${opener})`); return null; }
  const target = opener === 'a' ? sel : `${sel} .fact-open`;
  if (how === 'keyboard') { await page.focus(target); await page.keyboard.press('Enter'); } else await page.click(target);
  const p = await panel(page);
  if (!p) { t.add('open', `${rel} ${id}`, `the panel did not open (${how})`); return null; }
  if (page.url() !== url(rel)) t.add('open', `${rel} ${id}`, `activating the figure navigated to ${page.url()}`);
  if (!p.focused) t.add('keyboard', `${rel} ${id}`, 'focus did not move into the panel');
  if (p.covered) t.add('sheet', `${rel} ${id}`, `the figure is ${p.covered}`);
  for (const href of p.links) { const bad = landsOn(rel, href); if (bad) t.add('links', `${rel} ${id}`, bad); }
  return p;
}

async function closeWithEscape(page, rel, id) {
  await page.keyboard.press('Escape');
  const st = await page.evaluate((s) => ({
    open: document.querySelector('dialog.fact-panel')?.open,
    back: document.activeElement && document.activeElement.closest(s) !== null,
  }), `[id="${id}"]`);
  if (st.open) t.add('keyboard', `${rel} ${id}`, 'Escape did not close the panel');
  if (!st.back) t.add('keyboard', `${rel} ${id}`, 'focus did not return to the figure');
}

const t0 = Date.now();
try {
  for (const c of ['open', 'content', 'links', 'keyboard', 'axe', 'sheet', 'permalink', 'no-js', 'network', 'console']) t.ok(c);

  // 1. A statement cell, by mouse: line item, exact value in words, period, table, the note, checks, other places.
  {
    const page = await open(INCOME, 'income statement');
    // revenue cites its note; gross profit is quoted on another page too
    const id = 'f-income-statement.revenue.h1-2025';
    const p = await inspect(page, INCOME, id, 'mouse');
    if (p) {
      if (p.title !== 'Revenue') t.add('content', id, `line item "${p.title}"`);
      if (!/^RMB [\d,]+ thousand$/.test(p.value)) t.add('content', id, `value in words "${p.value}"`);
      if (!/2025/.test(p.period || '')) t.add('content', id, `period "${p.period}"`);
      if (!p.table) t.add('content', id, 'no link to the table');
      if (!p.notes.length) t.add('content', id, 'the note the row cites is not listed');
      if (!p.checks.length) t.add('content', id, 'no check listed');
      if (!p.checks.every((c) => /^(Passed|Failed|Acknowledged)/.test(c.text))) t.add('content', id, 'a check without its outcome');
      if (p.rect.left > 1 || p.rect.right > 640 || p.rect.top > 1) t.add('sheet', id, `not a side panel: ${JSON.stringify(p.rect)}`);
    }
    await axe(page, `${INCOME} panel open`);
    await closeWithEscape(page, INCOME, id);
    const gp = await inspect(page, INCOME, 'f-income-statement.gross-profit.h1-2025', 'mouse');
    if (gp && !gp.places.some((x) => !x.href.startsWith('#'))) t.add('content', 'gross profit', 'the other page that shows it is not listed');
    if (gp) await closeWithEscape(page, INCOME, 'f-income-statement.gross-profit.h1-2025');

    // 2. A total, by keyboard.
    const total = await page.evaluate(() => document.querySelector('tr.total td[data-fact]')?.id);
    const q = total ? await inspect(page, INCOME, total, 'keyboard') : null;
    if (!total) t.add('open', INCOME, 'no total row with a figure');
    if (q && !q.checks.some((c) => /Passed|Failed|Acknowledged/.test(c.text))) t.add('content', total, 'a total lists no check (its footing)');
    if (q) await closeWithEscape(page, INCOME, total);

    // 3. Copy link: a permalink of this page with the figure's id.
    await page.click(`[id="${id}"] .fact-open`);
    await page.click('dialog.fact-panel .fp-copy');
    await page.waitForFunction(() => document.querySelector('.fp-said')?.textContent, null, { timeout: 3000 }).catch(() => {});
    const said = await page.evaluate(() => document.querySelector('.fp-said')?.textContent);
    const perma = await page.evaluate(() => document.querySelector('.fp-permalink')?.getAttribute('href'));
    if (!said) t.add('permalink', id, 'Copy link said nothing');
    const copied = await page.evaluate(() => navigator.clipboard.readText()).catch(() => null);
    if (copied !== null && copied !== url(INCOME) + '#' + id) t.add('permalink', id, `copied "${copied}"`);
    if (perma !== '#' + id) t.add('permalink', id, `permalink "${perma}"`);
    await page.close();

    // 4. Dark mode: contrast with the panel open.
    const dark = await open(INCOME, 'income statement dark', { colorScheme: 'dark' });
    await inspect(dark, INCOME, id, 'mouse');
    await axe(dark, `${INCOME} panel open (dark)`);
    await dark.close();

    // 5. A phone: the panel is a bottom sheet, the page does not scroll sideways.
    const phone = await open(INCOME, 'income statement 390', { width: 390, height: 844 });
    const s = await inspect(phone, INCOME, id, 'mouse');
    if (s && (Math.abs(s.rect.bottom - 844) > 1 || s.rect.left > 1 || s.rect.right < 389 || s.rect.top < 100))
      t.add('sheet', id, `not a bottom sheet at 390 px: ${JSON.stringify(s.rect)}`);
    const sw = await phone.evaluate(() => document.documentElement.scrollWidth);
    if (sw > 390) t.add('sheet', id, `page scrolls sideways with the panel open (${sw} px)`);
    await axe(phone, `${INCOME} panel open at 390 px`);
    await phone.close();
  }

  // 6. A prose figure and a {{fact}}: their panels too.
  for (const rel of ['notes/note-15.html', 'mdna/results.html', 'index.html']) {
    const page = await open(rel, rel);
    const id = await page.evaluate(() => (document.querySelector('span.prose-fact[id]') || document.querySelector('a.fact[id]'))?.id);
    if (!id) { t.add('open', rel, 'no figure of the dataset in the text'); await page.close(); continue; }
    const p = await inspect(page, rel, id, 'keyboard');
    if (p && !p.places.length) t.add('content', `${rel} ${id}`, 'the table that holds the figure is not among its places');
    if (p && rel === 'notes/note-15.html' && !p.checks.some((c) => /Figures in the text/.test(c.text))) t.add('content', `${rel} ${id}`, 'the prose check that quotes it is not listed');
    await axe(page, `${rel} panel open`);
    await closeWithEscape(page, rel, id);
    await page.close();
  }

  // 7. A permalink opens with the figure highlighted, with JavaScript and without.
  const target = 'f-income-statement.revenue.h1-2025';
  const noJsDir = fs.mkdtempSync(path.join(process.env.TMPDIR || '/tmp', 'rs-nojs-'));
  const noJs = await chromium.launchPersistentContext(noJsDir, { executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, javaScriptEnabled: false });
  for (const [ctx, check] of [[context, 'permalink'], [noJs, 'no-js']]) {
    const page = await ctx.newPage();
    await page.goto(url(INCOME) + '#' + target, { waitUntil: 'load' });
    const st = await page.evaluate((id) => {
      const e = document.getElementById(id);
      if (!e) return null;
      const r = e.getBoundingClientRect();
      return { target: e.matches(':target'), bg: getComputedStyle(e).backgroundColor, outline: getComputedStyle(e).outlineStyle, inView: r.top >= 0 && r.bottom <= innerHeight };
    }, target).catch(() => null);
    if (!st) t.add(check, target, 'no element (or the page script could not be asked)');
    else {
      if (!st.target) t.add(check, target, 'the figure is not the :target');
      if (st.bg === 'rgba(0, 0, 0, 0)' || st.outline === 'none') t.add(check, target, `not highlighted (background ${st.bg}, outline ${st.outline})`);
      if (!st.inView) t.add(check, target, 'not scrolled into view');
    }
    await page.close();
  }
  await noJs.close();
  fs.rmSync(noJsDir, { recursive: true, force: true });
} catch (e) {
  t.add('run', 'inspector', String(e && e.stack || e));
} finally {
  await close();
}
const bad = t.summary('inspector ');
console.log(`inspector: ${bad} problems (${Math.round((Date.now() - t0) / 1000)} s)`);
process.exit(bad ? 1 : 0);
