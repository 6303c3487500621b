// Lighthouse 12.2.3 (13 needs Node 22) with Debian's Chromium against pages served by a throwaway
// `python3 -m http.server` bound to 127.0.0.1. The median of LH_RUNS runs (default 5) of every category must score
// at least LH_MIN (default 0.95): one run's performance score moves with the machine's load (0.95 to 0.99 for the same
// page within minutes on a slow machine), and the median of five moves less than that of three.
// Usage: node lighthouse.mjs SITE_DIR [page.html ...]  (default: the home page, the income statement, note 15 and the Data checks page)
// Prints the four scores of each run and their medians per page, and "lighthouse: N problems"; exit 1 if any.
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
const RUNS = Math.max(1, Number(process.env.LH_RUNS || 5));
const pages = process.argv.length > 3 ? process.argv.slice(3)
  : ['index.html', 'financial-statements/income-statement.html', 'notes/note-15.html', 'data-checks.html'];

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
const median = (xs) => { const v = [...xs].sort((a, b) => a - b); return v.length % 2 ? v[(v.length - 1) / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2; };
for (const rel of pages) {
  const runs = [];
  let last = null;
  for (let i = 0; i < RUNS; i++) {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rs-lh-'));
    const out = path.join(tmp, 'report.json');
    const r = spawnSync(LH, [`http://127.0.0.1:${port}/${rel}`, '--quiet', '--output=json', `--output-path=${out}`,
      `--chrome-flags=${[...CHROMIUM_ARGS, `--user-data-dir=${tmp}/profile`].join(' ')}`],
    { env: { ...process.env, CHROME_PATH: CHROMIUM }, encoding: 'utf8', timeout: 180000 });
    if (!fs.existsSync(out)) { t.add('categories', rel, `lighthouse failed (exit ${r.status}): ${(r.stderr || '').slice(-400)}`); continue; }
    const lhr = JSON.parse(fs.readFileSync(out, 'utf8'));
    fs.rmSync(tmp, { recursive: true, force: true });
    if (lhr.runtimeError) { t.add('categories', rel, `runtime error ${lhr.runtimeError.code}: ${lhr.runtimeError.message}`); continue; }
    const run = Object.fromEntries(Object.entries(lhr.categories).map(([k, c]) => [k, c.score]));
    // the machine's speed as Lighthouse measured it (its CPU throttling multiplies the page's tasks on this machine)
    console.log(`  ${rel} run ${i + 1}: ${JSON.stringify(run)} (benchmark index ${Math.round(lhr.environment?.benchmarkIndex ?? 0)})`);
    runs.push(run);
    last = lhr;
  }
  if (!runs.length) continue;
  scores[rel] = Object.fromEntries(Object.keys(runs[0]).map((k) => [k, median(runs.map((x) => x[k] ?? 0))]));
  console.log(`  ${rel} median of ${runs.length}: ${JSON.stringify(scores[rel])}`);
  for (const [id, score] of Object.entries(scores[rel])) {
    if (score < MIN) {
      const cat = last.categories[id];
      const failing = cat.auditRefs.filter((a) => a.weight > 0 && last.audits[a.id].score !== null && last.audits[a.id].score < 0.9)
        .map((a) => `${a.id} (${last.audits[a.id].score})`);
      t.add('categories', rel, `${id} median ${score} < ${MIN}; audits below 0.9 in the last run: ${failing.join(', ') || 'none'}`);
    }
  }
}
server.kill();
console.log(`lighthouse scores: ${JSON.stringify(scores)}`);
const bad = t.summary('lighthouse ');
console.log(`lighthouse (${pages.length} pages × ${RUNS} runs, mobile, median ≥ ${MIN}): ${bad} problems`);
process.exitCode = bad > 0 ? 1 : 0;
