// node tests/browser/bench.mjs DIST_DIR [RUNS] : the playground's time to
// verdict in Debian's chromium (playwright-core), printed, never asserted
// (timings on shared machines are noisy: medians of RUNS fresh pages).
//
// DIST_DIR is served as a static host with precompressed files serves it
// (FILE.gz when the browser accepts gzip). Each case opens a fresh page
// (empty cache) and reports, in ms from navigation:
//   shell   the static shell's verdict (JS-API worker, before the page wasm)
//   app     the app's verdict (#verdict), its worker's walk of the selected kernel
//   bytes   what the server sent before the shell's verdict
// Cases: the first example on localhost; the 1M-instruction program
// (tests/corpus/limits/too_large.s) by share link; the first example at
// 1.6 Mbit/s with 150 ms latency (Chromium's network emulation, which
// covers the page's requests and its workers').
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { chromium } from 'playwright-core';

const dist = process.argv[2] || 'dist';
const runs = Number(process.argv[3] || 5);
const types = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css', '.json': 'application/json' };
let served = [];
const server = createServer(async (req, res) => {
  const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
  const file = path.endsWith('/') ? path + 'index.html' : path;
  const type = types[extname(file)] || 'application/octet-stream';
  try {
    const gz = /\bgzip\b/.test(req.headers['accept-encoding'] || '')
      ? await readFile(join(dist, file + '.gz')).catch(() => null) : null;
    const body = gz || await readFile(join(dist, file));
    served.push({ t: Date.now(), bytes: body.length });
    res.writeHead(200, gz ? { 'content-type': type, 'content-encoding': 'gzip' } : { 'content-type': type });
    res.end(body);
  } catch {
    res.writeHead(404); res.end();
  }
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const base = `http://127.0.0.1:${server.address().port}/`;

function link(text, kernel) {
  const b64 = deflateRawSync(Buffer.from(text)).toString('base64').replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  return `${base}#v1/${kernel}/0/${b64}`;
}
const tooLarge = await readFile('tests/corpus/limits/too_large.s', 'utf8');

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
});

async function once(url, slow) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  if (slow) {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 0.75e6 / 8,
    });
  }
  served = [];
  const t0 = Date.now();
  await page.goto(url, { waitUntil: 'commit' });
  await page.waitForFunction(() => performance.getEntriesByName('veristep-first-verdict').length > 0, null, { timeout: 120000, polling: 10 });
  const shellAt = await page.evaluate(() => performance.timeOrigin + performance.getEntriesByName('veristep-first-verdict')[0].startTime);
  await page.waitForFunction(() => {
    const v = document.querySelector('#verdict');
    return v && /Accepted|Rejected/.test(v.textContent);
  }, null, { timeout: 120000, polling: 10 });
  const appAt = Date.now();
  const bytes = served.filter((s) => s.t <= shellAt).reduce((n, s) => n + s.bytes, 0);
  await context.close();
  return { shell: shellAt - t0, app: appAt - t0, bytes };
}

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const cases = [
  ['first example, localhost', base, false],
  ['1M-instruction program by share link, localhost', link(tooLarge, '6.1'), false],
  ['first example, 1.6 Mbit/s and 150 ms latency', base, true],
];
console.log(`time to verdict in chromium, median of ${runs} fresh pages (ms from navigation)`);
for (const [name, url, slow] of cases) {
  const rs = [];
  for (let i = 0; i < runs; i++) rs.push(await once(url, slow));
  console.log(`  ${name}: shell verdict ${median(rs.map((r) => r.shell)).toFixed(0)} ms, ` +
    `app verdict ${median(rs.map((r) => r.app)).toFixed(0)} ms, ` +
    `${(median(rs.map((r) => r.bytes)) / 1024).toFixed(1)} KB before the shell verdict`);
}
await browser.close();
server.close();
