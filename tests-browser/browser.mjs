// Loads every page of a built site over file:// in Debian's Chromium and checks what a reader gets:
// no network request, no console error, no failed local load, axe-core (WCAG 2.2 A/AA) clean in light and
// dark mode, no page-level horizontal scroll at 390 px, wide tables scrolling in their own container with a
// sticky line-item column, the home page charts drawn, search (by mouse and keyboard) landing on the
// right anchor, and the print stylesheet hiding navigation.
// Usage: node browser.mjs SITE_DIR   -> one line per check "browser <check>: N problems"; exit 1 if any.
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import { listFiles, launch, fileUrl, Tally } from './lib.mjs';

const require = createRequire(import.meta.url);
const AXE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];
const LOCAL = /^(file|data|blob|about):/i;

const site = path.resolve(process.argv[2] || '');
if (!process.argv[2] || !fs.existsSync(path.join(site, 'index.html'))) {
  console.error('usage: node browser.mjs SITE_DIR (a built site with index.html)');
  process.exit(2);
}
const pages = listFiles(site, /\.html$/);
const t = new Tally();
const url = (rel) => fileUrl(path.join(site, rel));
const relOf = (u) => path.relative(site, decodeURIComponent(new URL(u).pathname));

const { context, close } = await launch();
// Anything that is not a local file is blocked before it is sent, and counted.
const external = [];
await context.route((u) => !LOCAL.test(u.href), (route) => {
  external.push(route.request().url());
  return route.abort('blockedbyclient');
});

/** A page with listeners that record network, console and load problems under the given label. */
async function open(rel, label, { width = 1280, height = 900, colorScheme = 'light' } = {}) {
  const page = await context.newPage();
  await page.setViewportSize({ width, height });
  await page.emulateMedia({ colorScheme, media: 'screen' });
  const where = () => `${label} (${page.url().startsWith('file:') ? relOf(page.url()) : page.url()})`;
  page.on('request', (r) => { if (!LOCAL.test(r.url())) t.add('network', where(), `request to ${r.url()}`); });
  page.on('requestfailed', (r) => {
    if (LOCAL.test(r.url()) && !r.url().startsWith('data:')) t.add('console', where(), `local load failed: ${r.url()}`);
  });
  page.on('console', (m) => { if (m.type() === 'error') t.add('console', where(), `console error: ${m.text()}`); });
  page.on('pageerror', (e) => t.add('console', where(), `uncaught error: ${e.message}`));
  await page.goto(url(rel), { waitUntil: 'load', timeout: 30000 });
  return page;
}

async function axe(page, where, rules) {
  // evaluated through the driver, not added as an inline <script>, which the pages' CSP rightly refuses
  if (!(await page.evaluate(() => typeof window.axe !== 'undefined'))) await page.evaluate(AXE);
  const res = await page.evaluate(async ([tags, only]) => window.axe.run(document, {
    // preload: false, or axe fetches the stylesheets by XHR, which file:// forbids (and logs as a console error)
    runOnly: only ? { type: 'rule', values: only } : { type: 'tag', values: tags }, resultTypes: ['violations'], preload: false,
  }), [TAGS, rules]);
  let n = 0;
  for (const v of res.violations) for (const node of v.nodes) { n++; t.add('axe', where, `${v.id}: ${v.help} -> ${node.target.join(' ')}`); }
  return n;
}

/** Text of the part of the page an anchor points at: a row, a figure, or a heading and what follows it. */
function sectionText(id) {
  const el = document.getElementById(id);
  if (!el) return null;
  const level = /^H([1-6])$/.exec(el.tagName);
  if (!level) return el.textContent;
  if (level[1] === '1') return el.closest('article')?.textContent ?? el.textContent;
  let text = el.textContent;
  for (let n = el.nextElementSibling; n; n = n.nextElementSibling) {
    const l = /^H([1-6])$/.exec(n.tagName);
    if (l && Number(l[1]) <= Number(level[1])) break;
    text += ' ' + n.textContent;
  }
  return text;
}

const t0 = Date.now();
try {
  // 1. Every page: offline, console, axe (light), no horizontal page scroll at 390 and 360 px, wide tables.
  const wideTables = new Set();
  for (const rel of pages) {
    t.ok('network'); t.ok('console'); t.ok('axe'); t.ok('mobile-scroll'); t.ok('wide-tables');
    const page = await open(rel, rel);
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await page.waitForTimeout(50);
    await axe(page, rel);
    for (const width of [390, 360]) {
      await page.setViewportSize({ width, height: 844 });
      const m = await page.evaluate(() => ({ sw: document.documentElement.scrollWidth, cw: document.documentElement.clientWidth }));
      if (m.sw > m.cw) t.add('mobile-scroll', rel, `page scrolls horizontally at ${width} px: content ${m.sw} px wide`);
    }
    // tables wider than a phone scroll inside their own box, with the line items kept in view
    const wideHere = await page.evaluate(() => [...document.querySelectorAll('.table-scroll')].filter((s) => s.scrollWidth > s.clientWidth)
      .map((s) => ({
        id: s.closest('figure')?.id || s.getAttribute('aria-labelledby'),
        overflow: getComputedStyle(s).overflowX,
        sticky: s.closest('figure.fin-table') ? getComputedStyle(s.querySelector('tbody th')).position : 'sticky',
      })));
    for (const x of wideHere) {
      wideTables.add(x.id);
      if (!['auto', 'scroll'].includes(x.overflow)) t.add('wide-tables', rel, `${x.id}: container overflow-x is ${x.overflow}`);
      if (x.sticky !== 'sticky') t.add('wide-tables', rel, `${x.id}: line-item column is not sticky (${x.sticky})`);
    }
    await page.close();
  }

  // 2. Dark mode: colours change and contrast still passes.
  t.ok('dark-mode');
  for (const rel of ['index.html', 'financial-statements/income-statement.html', 'notes/note-04.html', 'glossary.html', 'data-checks.html']) {
    if (!pages.includes(rel)) { t.add('dark-mode', rel, 'page missing'); continue; }
    const light = await open(rel, `${rel} light`);
    const bgLight = await light.evaluate(() => getComputedStyle(document.body).backgroundColor);
    await light.close();
    const page = await open(rel, `${rel} dark`, { colorScheme: 'dark' });
    const bgDark = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    if (bgDark === bgLight) t.add('dark-mode', rel, `background ${bgDark} is the same in dark mode`);
    await axe(page, `${rel} (dark)`, ['color-contrast']);
    await page.close();
  }

  // 3. The widest statements are among the tables that scrolled in their box above; the line items stay put.
  for (const id of ['table-changes-in-equity-2025', 'table-ppe-movements']) {
    if (!wideTables.has(id)) t.add('wide-tables', id, 'expected this table to be wider than a 390 px screen and scroll in its box');
  }
  {
    const rel = 'financial-statements/changes-in-equity.html';
    const page = await open(rel, rel, { width: 390, height: 844 });
    // the sticky column stays put when the table is scrolled sideways
    const moved = await page.evaluate(() => {
      const s = [...document.querySelectorAll('.table-scroll')].find((e) => e.scrollWidth > e.clientWidth);
      if (!s) return null;
      const th = s.querySelector('tbody th');
      const before = th.getBoundingClientRect().left;
      s.scrollLeft = 200;
      return th.getBoundingClientRect().left - before;
    });
    if (moved !== null && Math.abs(moved) > 1) t.add('wide-tables', rel, `line-item column moved ${moved} px when the table scrolled`);
    await page.close();
  }

  // 4. Home page charts: drawn without script, titled, described, linked to the table they come from.
  t.ok('charts');
  {
    const REQUIRED = ['revenue-by-segment', 'revenue-by-geography', 'cost-of-sales-by-nature', 'cash-flow-summary', 'trade-receivables-ageing'];
    const page = await open('index.html', 'index.html charts');
    const charts = await page.evaluate(() => [...document.querySelectorAll('figure.chart')].map((f) => {
      const svg = f.querySelector('svg');
      const box = svg?.getBoundingClientRect();
      const labelled = (svg?.getAttribute('aria-labelledby') || '').split(/\s+/).filter(Boolean).map((i) => document.getElementById(i));
      const bars = [...(svg?.querySelectorAll('rect.bar, rect.seg') || [])].filter((r) => r.getBoundingClientRect().width > 0);
      const link = f.querySelector('a[href]');
      return {
        table: f.dataset.tableId,
        role: svg?.getAttribute('role'),
        width: box?.width ?? 0, height: box?.height ?? 0,
        title: labelled[0]?.tagName === 'title' ? labelled[0].textContent.trim() : '',
        desc: labelled[1]?.tagName === 'desc' ? labelled[1].textContent.trim() : '',
        bars: bars.length,
        href: link ? link.href : null,
      };
    }));
    for (const id of REQUIRED) {
      if (!charts.some((c) => c.table === id || c.table?.startsWith(id + '-'))) t.add('charts', 'index.html', `no chart of ${id}`);
    }
    for (const c of charts) {
      const w = `index.html chart ${c.table}`;
      if (c.role !== 'img') t.add('charts', w, 'svg has no role=img');
      if (c.width < 200 || c.height < 80) t.add('charts', w, `svg rendered ${c.width}x${c.height}`);
      if (!c.title) t.add('charts', w, 'no <title> named by aria-labelledby');
      if (c.desc.length < 40) t.add('charts', w, 'no useful <desc>');
      if (c.bars < 2) t.add('charts', w, `${c.bars} visible bars`);
      if (!c.href) { t.add('charts', w, 'no link to its table'); continue; }
      const [file, hash] = c.href.split('#');
      const target = await context.newPage();
      await target.goto(file, { waitUntil: 'domcontentloaded' });
      const ok = await target.evaluate((h) => document.getElementById(h)?.matches('figure.fin-table') ?? false, hash);
      if (!ok) t.add('charts', w, `link ${relOf(c.href)}#${hash} does not land on a table`);
      else if (await target.evaluate((h) => document.getElementById(h).dataset.tableId, hash) !== c.table) {
        t.add('charts', w, `link lands on another table (#${hash})`);
      }
      await target.close();
    }
    await page.close();
  }
  {
    // The charts are in the static HTML: no script is needed to see them.
    const html = fs.readFileSync(path.join(site, 'index.html'), 'utf8');
    const n = (html.match(/<figure class="chart[ "]/g) || []).length;
    if (n < 5) t.add('charts', 'index.html', `only ${n} chart figures in the static HTML (expected at least 5)`);
  }

  // 5. Search: finds the terms, results land on an anchor whose section holds the term; keyboard works.
  t.ok('search');
  async function search(page, query) {
    await page.fill('#search-input', '');
    await page.type('#search-input', query, { delay: 5 });
    await page.waitForFunction(() => document.querySelectorAll('#search-results a').length > 0
      || /no result/i.test(document.getElementById('search-status')?.textContent || ''), null, { timeout: 5000 }).catch(() => {});
    return page.evaluate(() => [...document.querySelectorAll('#search-results a')].map((a) => a.href));
  }
  for (const [from, query] of [['index.html', 'SenseNova'], ['notes/note-04.html', 'borrowings'], ['financial-statements/income-statement.html', 'borrowings']]) {
    const page = await open(from, `search "${query}" from ${from}`);
    const hrefs = await search(page, query);
    if (hrefs.length === 0) { t.add('search', from, `no result for "${query}"`); await page.close(); continue; }
    for (const href of hrefs.slice(0, 8)) {
      const [file, hash] = href.split('#');
      if (!file.startsWith('file:') || !fs.existsSync(decodeURIComponent(new URL(file).pathname))) { t.add('search', from, `result ${href} is not a file of the site`); continue; }
      if (!hash) { t.add('search', from, `result ${relOf(href)} has no anchor`); continue; }
      const target = await context.newPage();
      await target.goto(href, { waitUntil: 'domcontentloaded' });
      const text = await target.evaluate(sectionText, hash);
      if (text === null) t.add('search', from, `result ${relOf(file)}#${hash}: no such anchor`);
      else if (!text.toLowerCase().includes(query.toLowerCase())) t.add('search', from, `result ${relOf(file)}#${hash}: "${query}" is not in that section`);
      await target.close();
    }
    // mouse: clicking the first result opens that page at that anchor
    await page.click('#search-results a >> nth=0');
    await page.waitForLoadState('domcontentloaded');
    if (page.url() !== hrefs[0]) t.add('search', from, `clicking the first result went to ${page.url()}, not ${hrefs[0]}`);
    await page.close();
  }
  {
    // the index is loaded in parts over file://: a query loads the manifest, the term shard(s) of its words and the
    // document blocks of the results shown, not the whole index
    const dir = path.join(site, 'assets/search');
    const all = fs.existsSync(dir) ? fs.readdirSync(dir) : [];
    const manifest = fs.readFileSync(path.join(site, 'assets/search-index.js'), 'utf8');
    const keys = JSON.parse(manifest.slice(manifest.indexOf('=') + 1, manifest.lastIndexOf(';'))).shards || [];
    const total = all.reduce((n, f) => n + fs.statSync(path.join(dir, f)).size, 0);
    for (const query of ['borrowings', 'revenue growth']) {
      const page = await open('index.html', `search parts "${query}"`);
      const hrefs = await search(page, query);
      const files = await page.evaluate(() => [...document.querySelectorAll('script[src*="/search/"]')].map((s) => s.src.split('/').pop()));
      const shards = files.filter((f) => /^t\d+\.js$/.test(f)).map((f) => keys[+f.slice(1, -3)]);
      const words = query.split(' ');
      // each shard loaded is the one whose key a word starts with (or a longer key starting with the word)
      for (const k of shards) if (!words.some((w) => w.startsWith(k) || k.startsWith(w))) t.add('search', query, `loaded the shard of "${k}", which no word of the query needs`);
      for (const w of words) if (!shards.some((k) => w.startsWith(k) || k.startsWith(w))) t.add('search', query, `no shard loaded for "${w}"`);
      const blocks = files.filter((f) => /^d\d+\.js$/.test(f));
      if (hrefs.length && !blocks.length) t.add('search', query, 'results shown without their document block');
      const bytes = files.reduce((n, f) => n + fs.statSync(path.join(dir, f)).size, 0);
      if (all.length > 4 && bytes >= total) t.add('search', query, `loaded the whole index (${bytes} of ${total} bytes)`);
      await page.close();
    }
  }
  {
    // keyboard only: "/" focuses search, type, ArrowDown to the results, Enter follows; Escape closes
    const page = await open('mdna/results.html', 'search keyboard');
    await page.keyboard.press('/');
    if (!(await page.evaluate(() => document.activeElement?.id === 'search-input'))) t.add('search', 'keyboard', '"/" does not focus the search box');
    await page.focus('#search-input');
    await page.keyboard.type('borrowings', { delay: 5 });
    await page.waitForSelector('#search-results a', { timeout: 5000 }).catch(() => {});
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    const focused = await page.evaluate(() => ({ inResults: !!document.activeElement?.closest('#search-results'), href: document.activeElement?.href }));
    if (!focused.inResults) t.add('search', 'keyboard', 'ArrowDown does not move focus into the results');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    if (!(await page.evaluate(() => document.activeElement?.id === 'search-input'))) t.add('search', 'keyboard', 'ArrowUp from the first result does not return to the box');
    await page.keyboard.press('Escape');
    if (await page.evaluate(() => !document.getElementById('search-results').hidden)) t.add('search', 'keyboard', 'Escape does not close the results');
    await page.keyboard.type('s');
    await page.keyboard.press('Backspace');
    await page.waitForSelector('#search-results a', { timeout: 5000 }).catch(() => {});
    await page.keyboard.press('ArrowDown');
    const target = await page.evaluate(() => document.activeElement?.href);
    await Promise.all([page.waitForURL((u) => u.href === target, { timeout: 5000 }).catch(() => {}), page.keyboard.press('Enter')]);
    if (!target || page.url() !== target) t.add('search', 'keyboard', `Enter on a result did not open it (at ${page.url()})`);
    else {
      const hash = new URL(target).hash.slice(1);
      const text = await page.evaluate(sectionText, hash);
      if (!text || !/borrowings/i.test(text)) t.add('search', 'keyboard', `landed on #${hash}, which does not mention borrowings`);
    }
    await page.close();
  }

  // 6. Print: navigation hidden, table rows kept whole, wide tables not clipped.
  t.ok('print');
  {
    const rel = 'financial-statements/changes-in-equity.html';
    const page = await open(rel, `${rel} print`);
    await page.emulateMedia({ media: 'print' });
    const p = await page.evaluate(() => {
      const shown = (sel) => [...document.querySelectorAll(sel)].some((e) => getComputedStyle(e).display !== 'none');
      const row = document.querySelector('.fin-table tbody tr');
      return {
        nav: shown('.site-nav') || shown('.search') || shown('.pager'),
        rowBreak: row ? getComputedStyle(row).breakInside : 'none',
        overflow: getComputedStyle(document.querySelector('.table-scroll')).overflowX,
      };
    });
    if (p.nav) t.add('print', rel, 'navigation, search or pager is printed');
    if (p.rowBreak !== 'avoid') t.add('print', rel, `table rows may split across pages (break-inside: ${p.rowBreak})`);
    if (p.overflow !== 'visible') t.add('print', rel, `tables are clipped in print (overflow-x: ${p.overflow})`);
    const pdf = await page.pdf({ format: 'A4' });
    if (pdf.length < 10000) t.add('print', rel, `printed PDF is only ${pdf.length} bytes`);
    await page.close();
  }
} finally {
  await close();
}
if (external.length) console.log(`  blocked external requests: ${[...new Set(external)].join(', ')}`);
const bad = t.summary('browser ');
console.log(`browser (${pages.length} pages over file://, ${((Date.now() - t0) / 1000).toFixed(0)} s): ${bad} problems`);
process.exitCode = bad > 0 ? 1 : 0;
