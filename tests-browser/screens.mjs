// Screenshots for a person to look at, taken in Chromium over file://.
//   node screens.mjs SITE_DIR OUT_DIR page.html[$CSS-SELECTOR][@WIDTH][:dark|:print] ...
//   node screens.mjs SITE_DIR OUT_DIR --docs    the set kept in docs/screenshots/: the home page and the income
//                                              statement, whole pages, at 390 px (a phone) and 1280 px (a laptop),
//                                              and the fact inspector open on revenue (the screen as a reader sees it)
//   page.html#ID                               opens the fact inspector on the figure with that id first
// The issuer's local name needs a font with its script (Debian: fonts-wqy-microhei or fonts-noto-cjk); without one
// it shows as empty boxes, and the script says so.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { launch, fileUrl } from './lib.mjs';

const DOCS = [
  ['index.html', 390, 'home-390.png'],
  ['index.html', 1280, 'home-1280.png'],
  ['financial-statements/income-statement.html', 390, 'income-statement-390.png'],
  ['financial-statements/income-statement.html', 1280, 'income-statement-1280.png'],
  ['financial-statements/income-statement.html#f-income-statement.revenue.h1-2025', 390, 'inspector-390.png'],
  ['financial-statements/income-statement.html#f-income-statement.revenue.h1-2025', 1280, 'inspector-1280.png'],
];

const [site, out, ...args] = process.argv.slice(2);
if (!site || !out || args.length === 0) {
  console.error('usage: node screens.mjs SITE_DIR OUT_DIR (--docs | page.html[$SELECTOR][@WIDTH][:dark|:print] ...)');
  process.exit(2);
}
try {
  if (!execFileSync('fc-list', [':lang=zh'], { encoding: 'utf8' }).trim()) console.warn('screens: no font with Chinese characters installed (fonts-wqy-microhei)');
} catch { /* no fontconfig: nothing to say */ }
fs.mkdirSync(out, { recursive: true });
const specs = args[0] === '--docs' ? DOCS.map(([rel, width, name]) => ({ rel, width, mode: 'light', name }))
  : args.map((spec) => {
    const [pageAndWidth, mode = 'light'] = spec.split(':');
    const [relSel, width = '1280'] = pageAndWidth.split('@');
    const [rel, sel] = relSel.split('$');
    return { rel, sel, width: Number(width), mode, name: `${relSel.replace(/[^a-z0-9.-]+/gi, '_')}.${width}.${mode}.png` };
  });

const { context, close } = await launch();
await context.route((u) => !/^(file|data|blob|about):/i.test(u.href), (r) => r.abort());
try {
  for (const s of specs) {
    const page = await context.newPage();
    const [rel, figure] = s.rel.split('#');
    s.rel = rel;
    await page.setViewportSize({ width: s.width, height: figure && s.width < 600 ? 844 : 900 });
    await page.emulateMedia({ colorScheme: s.mode === 'dark' ? 'dark' : 'light', media: s.mode === 'print' ? 'print' : 'screen', reducedMotion: 'reduce' });
    await page.goto(fileUrl(path.join(site, s.rel)), { waitUntil: 'load' });
    await page.evaluate(() => document.fonts.ready);
    if (figure) {
      // the figure in view, its inspector open: a screenshot of the screen, not the whole page
      const opener = page.locator(`[id="${figure}"] .fact-open, a[id="${figure}"]`).first();
      await opener.scrollIntoViewIfNeeded();
      await opener.click();
      await page.locator('dialog.fact-panel[open]').waitFor();
      await page.screenshot({ path: path.join(out, s.name) });
    } else if (s.sel) await page.locator(s.sel).first().screenshot({ path: path.join(out, s.name) });
    else await page.screenshot({ path: path.join(out, s.name), fullPage: true });
    console.log(path.join(out, s.name));
    await page.close();
  }
} finally { await close(); }
