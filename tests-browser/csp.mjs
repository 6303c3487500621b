// Checks in Chromium that the site works under its Content-Security-Policy, from file:// and from a static
// host (a server on 127.0.0.1): no violation on any checked page, the search index script loads and the
// search answers; and that the policy is really enforced (a probe page with an inline script, an inline
// style, an event handler and a foreign script sees all four blocked).
// Usage: node tests-browser/csp.mjs [SITE_DIR]   (default: generated-site). Last line: "csp: N problems".
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { launch } from './lib.mjs';

const site = path.resolve(process.argv[2] || 'generated-site');
const PAGES = ['index.html', 'notes/note-04.html', 'glossary.html', 'data-checks.html'].filter((p) => fs.existsSync(path.join(site, p)));
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json',
  '.csv': 'text/csv', '.svg': 'image/svg+xml', '.png': 'image/png' };

// a copy of the site with the probe page, so that the site under test is never changed
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'rs-csp-site-'));
fs.cpSync(site, root, { recursive: true });
const index = fs.readFileSync(path.join(root, 'index.html'), 'utf8');
fs.writeFileSync(path.join(root, 'csp-probe.html'), index.replace('</body>',
  '<script>window.__inline = 1;</script>' +
  '<div id="probe-style" style="color: rgb(255, 0, 0)">styled</div>' +
  '<img id="probe-handler" src="missing.png" onerror="window.__handler = 1">' +
  '<script src="http://127.0.0.1:9/foreign.js"></script></body>'));

const server = http.createServer((req, res) => {
  const file = path.join(root, decodeURIComponent(new URL(req.url, 'http://localhost').pathname));
  if (!file.startsWith(root) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) { res.writeHead(404); res.end(); return; }
  res.writeHead(200, { 'content-type': TYPES[path.extname(file)] || 'application/octet-stream' });
  res.end(fs.readFileSync(file));
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const bases = { 'file://': 'file://' + root, 'http://127.0.0.1': `http://127.0.0.1:${server.address().port}` };

const browser = await launch();
const context = browser.context;
await context.addInitScript(() => {
  window.__violations = [];
  document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));
});
const searchScript = fs.readFileSync(path.join(root, 'assets/site.js'), 'utf8').includes('REPORT_SEARCH');

let passed = 0;
let failed = 0;
function check(ok, what) {
  if (ok) passed++; else { failed++; console.log('  FAIL ' + what); }
}

for (const [name, base] of Object.entries(bases)) {
  for (const p of PAGES) {
    const page = await context.newPage();
    const console_ = [];
    page.on('console', (m) => console_.push(m.text()));
    page.on('pageerror', (e) => console_.push('page error: ' + e.message));
    await page.goto(`${base}/${p}`);
    await page.click('#search-input');
    await page.fill('#search-input', 'revenue');
    const loaded = await page.waitForFunction(() => window.REPORT_SEARCH && Array.isArray(window.REPORT_SEARCH.shards) && window.REPORT_SEARCH.shards.length > 0, null,
      { timeout: 5000 }).then(() => true, () => false);
    check(loaded, `${name} ${p}: the search index script did not load`);
    if (searchScript) {
      const answered = await page.waitForFunction(() => document.querySelectorAll('#search-results a').length > 0, null,
        { timeout: 5000 }).then(() => true, () => false);
      check(answered, `${name} ${p}: the search shows no result for "revenue"`);
    }
    const violations = await page.evaluate(() => window.__violations);
    check(violations.length === 0, `${name} ${p}: CSP violations ${JSON.stringify(violations)}`);
    const messages = console_.filter((m) => /Content Security Policy|page error/.test(m));
    check(messages.length === 0, `${name} ${p}: ${messages.join(' | ')}`);
    await page.close();
  }

  const probe = await context.newPage();
  await probe.goto(`${base}/csp-probe.html`);
  await probe.waitForTimeout(300);
  const r = await probe.evaluate(() => ({
    inline: window.__inline === 1,
    handler: window.__handler === 1,
    styled: getComputedStyle(document.getElementById('probe-style')).color === 'rgb(255, 0, 0)',
    violations: window.__violations,
  }));
  check(!r.inline && !r.handler && !r.styled, `${name} probe: inline script ${r.inline}, handler ${r.handler}, inline style ${r.styled} ran`);
  for (const d of ['script-src-elem', 'script-src-attr', 'style-src-attr']) {
    check(r.violations.some((v) => v.startsWith(d)), `${name} probe: no ${d} violation reported (${JSON.stringify(r.violations)})`);
  }
  check(r.violations.some((v) => v.includes('127.0.0.1:9/foreign.js')), `${name} probe: the foreign script was not blocked`);
  await probe.close();
}

await browser.close();
server.close();
fs.rmSync(root, { recursive: true, force: true });
console.log(`csp: ${PAGES.length} pages over file:// and http, search ${searchScript ? 'answering' : 'index loading'}; ${passed} checks passed`);
console.log(`csp: ${failed} problems`);
process.exit(failed === 0 ? 0 : 1);
