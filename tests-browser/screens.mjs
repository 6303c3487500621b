// Screenshots for a person to look at: node screens.mjs SITE_DIR OUT_DIR page.html[$CSS-SELECTOR][@WIDTH][:dark|:print] ...
import path from 'node:path';
import { launch, fileUrl } from './lib.mjs';

const [site, out, ...specs] = process.argv.slice(2);
const { context, close } = await launch();
await context.route((u) => !/^(file|data|blob|about):/i.test(u.href), (r) => r.abort());
try {
  for (const spec of specs) {
    const [pageAndWidth, mode = 'light'] = spec.split(':');
    const [relSel, width = '1280'] = pageAndWidth.split('@');
    const [rel, sel] = relSel.split('$');
    const page = await context.newPage();
    await page.setViewportSize({ width: Number(width), height: 900 });
    await page.emulateMedia({ colorScheme: mode === 'dark' ? 'dark' : 'light', media: mode === 'print' ? 'print' : 'screen' });
    await page.goto(fileUrl(path.join(site, rel)));
    const name = `${relSel.replace(/[^a-z0-9.-]+/gi, '_')}.${width}.${mode}.png`;
    if (sel) await page.locator(sel).first().screenshot({ path: path.join(out, name) });
    else await page.screenshot({ path: path.join(out, name), fullPage: true });
    console.log(name);
    await page.close();
  }
} finally { await close(); }
