// Shared helpers for the browser checks: list the site's pages, launch Debian's Chromium through playwright-core.
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const CHROMIUM = process.env.CHROME_PATH || '/usr/bin/chromium';

// A fresh profile and no background traffic: Chromium must not reach the network on its own.
export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

/** Every file under dir whose name matches re, as paths relative to dir, sorted. */
export function listFiles(dir, re) {
  const out = [];
  const walk = (d) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile() && re.test(e.name)) out.push(path.relative(dir, p));
    }
  };
  walk(dir);
  return out.sort();
}

export async function launch(viewport = { width: 1280, height: 900 }) {
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rs-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, viewport,
  });
  return {
    context,
    close: async () => {
      await context.close();
      fs.rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

export const fileUrl = (p) => new URL('file://' + path.resolve(p)).href;

/** Counts problems per check and prints one summary line per check ("name: N problems"). */
export class Tally {
  constructor() { this.checks = new Map(); }
  add(check, where, message) {
    if (!this.checks.has(check)) this.checks.set(check, []);
    if (message !== undefined) {
      this.checks.get(check).push(`${where}: ${message}`);
      console.log(`  FAIL [${check}] ${where}: ${message}`);
    }
  }
  ok(check) { this.add(check); }
  summary(prefix) {
    let bad = 0;
    for (const [name, problems] of this.checks) {
      console.log(`${prefix}${name}: ${problems.length} problems`);
      bad += problems.length;
    }
    return bad;
  }
}
