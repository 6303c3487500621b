// Reading on any screen, measured in Chromium over file:// at 320, 360, 390, 768 and 1280 px on every page of a built site:
//   page-scroll   the page never scrolls sideways;
//   figures       every figure cell's text lies inside its own cell and inside its table's visible frame, or inside a
//                 frame that scrolls sideways and keeps its first column (the line items) in view, and not under it;
//   statements    a table of two figure columns (a two-period statement) fits without scrolling from 360 px up;
//   text-size     no text is smaller than 12 px (SVG text as drawn, after the chart is scaled to its box);
//   header        the site header is at most 130 px tall on a phone.
// Usage: node layout.mjs SITE_DIR [page.html ...]  -> one line per check "layout <check>: N problems"; exit 1 if any.
import fs from 'node:fs';
import path from 'node:path';
import { listFiles, launch, fileUrl, Tally } from './lib.mjs';

const WIDTHS = [320, 360, 390, 768, 1280];
const MIN_FONT_PX = 12;
const HEADER_MAX_PX = 130;

const site = path.resolve(process.argv[2] || '');
if (!process.argv[2] || !fs.existsSync(path.join(site, 'index.html'))) {
  console.error('usage: node layout.mjs SITE_DIR [page.html ...]');
  process.exit(2);
}
const pages = process.argv.length > 3 ? process.argv.slice(3) : listFiles(site, /\.html$/);
const t = new Tally();
for (const c of ['page-scroll', 'figures', 'statements', 'text-size', 'header']) t.ok(c);

/** Everything measured at one width, in the page. */
function measure(minFont) {
  const problems = { figures: [], statements: [], textSize: [] };
  const de = document.documentElement;
  const pageScroll = de.scrollWidth > de.clientWidth ? `content ${de.scrollWidth} px wide in ${de.clientWidth} px` : null;
  const header = document.querySelector('.site-header')?.getBoundingClientRect().height ?? 0;

  const hidden = (el) => !!el.closest('.visually-hidden');
  const visibleTextRect = (cell) => {
    // the union of the cell's rendered text, leaving out what is only there for screen readers
    let box = null;
    const w = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    for (let n = w.nextNode(); n; n = w.nextNode()) {
      if (!n.data.trim() || hidden(n.parentElement)) continue;
      const r = document.createRange();
      r.selectNodeContents(n);
      for (const q of r.getClientRects()) {
        if (q.width === 0) continue;
        box = box ? { left: Math.min(box.left, q.left), right: Math.max(box.right, q.right) } : { left: q.left, right: q.right };
      }
    }
    return box;
  };
  const frameOf = (el) => {
    for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
      const o = getComputedStyle(p).overflowX;
      if (o !== 'visible') return p;
    }
    return null;
  };
  const name = (cell) => {
    const frame = cell.closest('.table-scroll');
    const table = cell.closest('figure')?.id || frame?.getAttribute('aria-labelledby') || frame?.getAttribute('aria-label') || 'table';
    const row = cell.closest('tr')?.querySelector('th')?.textContent.trim().slice(0, 40) ?? '';
    return `${table} / ${row} / "${cell.textContent.trim()}"`;
  };
  const NUMERIC = /^[(\-−+]?[\d][\d,.]*\)?%?$/;
  for (const cell of document.querySelectorAll('td')) {
    const text = cell.textContent.trim();
    if (!cell.classList.contains('num') && !NUMERIC.test(text)) continue;
    if (!cell.getClientRects().length) continue;
    const box = visibleTextRect(cell);
    if (!box) continue;
    const c = cell.getBoundingClientRect();
    if (box.left < c.left - 0.5 || box.right > c.right + 0.5) {
      problems.figures.push(`${name(cell)}: text ${box.left.toFixed(1)}–${box.right.toFixed(1)} overflows its cell ${c.left.toFixed(1)}–${c.right.toFixed(1)}`);
      continue;
    }
    const frame = frameOf(cell);
    const f = frame ? frame.getBoundingClientRect() : { left: 0 };
    const fLeft = frame ? f.left + frame.clientLeft : 0;
    const fRight = frame ? fLeft + frame.clientWidth : de.clientWidth;
    if (box.left >= fLeft - 0.5 && box.right <= fRight + 0.5) {
      // in view: not hidden under the frame's sticky first column
      const first = cell.closest('tr')?.firstElementChild;
      if (first && first !== cell && getComputedStyle(first).position === 'sticky' && box.left < first.getBoundingClientRect().right - 0.5) {
        problems.figures.push(`${name(cell)}: under the sticky first column`);
      }
      continue;
    }
    const scrolls = frame && ['auto', 'scroll'].includes(getComputedStyle(frame).overflowX) && frame.scrollWidth > frame.clientWidth + 1;
    if (!scrolls) {
      problems.figures.push(`${name(cell)}: cut off (text ${box.left.toFixed(1)}–${box.right.toFixed(1)}, frame ${fLeft.toFixed(1)}–${fRight.toFixed(1)}, not scrollable)`);
      continue;
    }
    const first = cell.closest('tr')?.firstElementChild;
    const fr = first?.getBoundingClientRect();
    if (!first || getComputedStyle(first).position !== 'sticky' || fr.left < fLeft - 0.5 || fr.right > fRight + 0.5) {
      problems.figures.push(`${name(cell)}: in a scrolling frame whose first column does not stay in view`);
    }
  }
  // a two-period statement (two figure columns) fits its frame from 360 px up
  if (de.clientWidth >= 360) {
    for (const fig of document.querySelectorAll('figure.fin-table')) {
      const numCols = Math.max(0, ...[...fig.querySelectorAll('tbody tr')].map((tr) => tr.querySelectorAll('td:not(.heading-fill)').length));
      const s = fig.querySelector('.table-scroll');
      if (numCols <= 2 && fig.querySelector('thead th.text') === null && s.scrollWidth > s.clientWidth + 1) {
        problems.statements.push(`${fig.id}: ${s.scrollWidth} px wide in a ${s.clientWidth} px frame`);
      }
    }
  }
  // text size, as drawn
  const seen = new Set();
  const w = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = w.nextNode(); n; n = w.nextNode()) {
    const el = n.parentElement;
    if (!n.data.trim() || !el || seen.has(el)) continue;
    seen.add(el);
    if (hidden(el) || !el.getClientRects().length) continue;
    const cs = getComputedStyle(el);
    if (cs.visibility === 'hidden') continue;
    let px = parseFloat(cs.fontSize);
    if (el instanceof SVGElement && el.getScreenCTM) px *= Math.abs(el.getScreenCTM()?.a ?? 1);
    if (px < minFont - 0.05) {
      const where = el.closest('[id]')?.id || el.className?.baseVal || el.className || el.tagName;
      problems.textSize.push(`${px.toFixed(1)} px: <${el.tagName.toLowerCase()}> "${n.data.trim().slice(0, 30)}" in ${where}`);
    }
  }
  return { pageScroll, header, problems };
}

const { context, close } = await launch();
await context.route((u) => !/^(file|data|blob|about):/i.test(u.href), (r) => r.abort());
const t0 = Date.now();
try {
  const page = await context.newPage();
  for (const rel of pages) {
    await page.setViewportSize({ width: WIDTHS[WIDTHS.length - 1], height: 900 });
    await page.goto(fileUrl(path.join(site, rel)), { waitUntil: 'load' });
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 900 });
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      const m = await page.evaluate(measure, MIN_FONT_PX);
      const at = `${rel} @${width}`;
      if (m.pageScroll) t.add('page-scroll', at, m.pageScroll);
      if (width <= 390 && m.header > HEADER_MAX_PX) t.add('header', at, `site header ${m.header.toFixed(0)} px tall`);
      for (const [check, list] of [['figures', m.problems.figures], ['statements', m.problems.statements], ['text-size', m.problems.textSize]]) {
        for (const p of list.slice(0, 8)) t.add(check, at, p);
        if (list.length > 8) t.add(check, at, `… and ${list.length - 8} more`);
      }
    }
  }
} finally {
  await close();
}
const bad = t.summary('layout ');
console.log(`layout (${pages.length} pages × ${WIDTHS.join(', ')} px, ${((Date.now() - t0) / 1000).toFixed(0)} s): ${bad} problems`);
process.exitCode = bad > 0 ? 1 : 0;
