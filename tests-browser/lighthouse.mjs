// Lighthouse 12.2.3 (13 needs Node 22) with Debian's Chromium against pages served by a throwaway
// `python3 -m http.server` bound to 127.0.0.1. Every category must score at least LH_MIN (default 0.95).
// Usage: node lighthouse.mjs SITE_DIR [page.html ...]  (default: the home page and the income statement)
// Prints the four scores per page and "lighthouse: N problems"; exit 1 if any.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHROMIUM, CHROMIUM_ARGS, Tally } from './lib.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const LH = path.join(HERE, 'node_modules', '.bin', 'lighthouse');
const site = path.resolve(process.argv[2] || '.');
const MIN = Number(process.env.LH_MIN || 0.95);
const pages = process.argv.length > 3 ? process.argv.slice(3) : ['index.html', 'financial-statements/income-statement.html'];

const port = await new Promise((resolve) => {
  const s = net.createServer();
  s.listen(0, '127.0.0.1', () => { const { port: p } = s.address(); s.close(() => resolve(p)); });
});
const server = spawn('python3', ['-m', 'http.server', String(port), '--bind', '127.0.0.1', '--directory', site], { stdio: 'ignore' });
process.on('exit', () => server.kill());
for (let i = 0; i < 100; i++) {
  const up = await new Promise((r) => { const c = net.connect(port, '127.0.0.1', () => { c.end(); r(true); }); c.on('error', () => r(false)); });
  if (up) break;
  await new Promise((r) => setTimeout(r, 100));
}

const t = new Tally();
const scores = {};
t.ok('categories');
for (const rel of pages) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rs-lh-'));
  const out = path.join(tmp, 'report.json');
  const r = spawnSync(LH, [`http://127.0.0.1:${port}/${rel}`, '--quiet', '--output=json', `--output-path=${out}`,
    `--chrome-flags=${[...CHROMIUM_ARGS, `--user-data-dir=${tmp}/profile`].join(' ')}`],
  { env: { ...process.env, CHROME_PATH: CHROMIUM }, encoding: 'utf8', timeout: 180000 });
  if (!fs.existsSync(out)) { t.add('categories', rel, `lighthouse failed (exit ${r.status}): ${(r.stderr || '').slice(-400)}`); continue; }
  const lhr = JSON.parse(fs.readFileSync(out, 'utf8'));
  fs.rmSync(tmp, { recursive: true, force: true });
  if (lhr.runtimeError) t.add('categories', rel, `runtime error ${lhr.runtimeError.code}: ${lhr.runtimeError.message}`);
  scores[rel] = Object.fromEntries(Object.entries(lhr.categories).map(([k, c]) => [k, c.score]));
  console.log(`  ${rel}: ${JSON.stringify(scores[rel])}`);
  for (const [id, cat] of Object.entries(lhr.categories)) {
    if (cat.score === null || cat.score < MIN) {
      const failing = cat.auditRefs.filter((a) => a.weight > 0 && lhr.audits[a.id].score !== null && lhr.audits[a.id].score < 0.9)
        .map((a) => `${a.id} (${lhr.audits[a.id].score})`);
      t.add('categories', rel, `${id} ${cat.score} < ${MIN}; audits below 0.9: ${failing.join(', ') || 'none'}`);
    }
  }
}
server.kill();
console.log(`lighthouse scores: ${JSON.stringify(scores)}`);
const bad = t.summary('lighthouse ');
console.log(`lighthouse (${pages.length} pages, mobile, min ${MIN}): ${bad} problems`);
process.exitCode = bad > 0 ? 1 : 0;
