// W3C Nu Html Checker (vnu.jar from npm's vnu-jar, run with the machine's Java) on every HTML, CSS and SVG
// file of a built site. HTML, CSS and SVG are checked in separate runs (mixing them shifts line numbers).
// Usage: node vnu.mjs SITE_DIR  -> every error and warning, then "vnu: N problems" (N = errors); exit 1 if any.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { listFiles, Tally } from './lib.mjs';

const require = createRequire(import.meta.url);
const JAR = process.env.VNU_JAR || path.join(path.dirname(require.resolve('vnu-jar/package.json')), 'build/dist/vnu.jar');
const site = path.resolve(process.argv[2] || '.');
const t = new Tally();
let files = 0, warnings = 0;
for (const [kind, re, opts] of [['html', /\.html$/, []], ['css', /\.css$/, ['--css']], ['svg', /\.svg$/, ['--svg']]]) {
  const list = listFiles(site, re).map((f) => path.join(site, f));
  t.ok(kind);
  if (list.length === 0) continue;
  files += list.length;
  const r = spawnSync('java', ['-jar', JAR, '--format', 'json', '--exit-zero-always', ...opts, ...list], { encoding: 'utf8', maxBuffer: 64 << 20 });
  let data;
  try { data = JSON.parse(r.stderr); } catch { t.add(kind, 'vnu', `could not run or parse output: ${(r.stderr || r.error?.message || '').slice(0, 300)}`); continue; }
  for (const m of data.messages) {
    const f = m.url ? path.relative(site, decodeURIComponent(new URL(m.url).pathname)) : '?';
    const where = `${f}:${m.lastLine ?? '?'}:${m.firstColumn ?? '?'}`;
    if (m.type === 'error' || m.type === 'non-document-error' || m.subType === 'fatal') t.add(kind, where, m.message);
    else if (m.subType === 'warning') { warnings++; console.log(`  warning ${where}: ${m.message}`); }
  }
}
const bad = t.summary('vnu ');
console.log(`vnu (${files} files, ${warnings} warnings not counted): ${bad} problems`);
process.exitCode = bad > 0 ? 1 : 0;
