import { chromium } from 'playwright-core';
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless','--no-sandbox','--disable-gpu','--disable-background-networking','--disable-component-update'] });
const sizes = [[360,740],[768,1024],[1280,800],[1920,1080]];
for (const [w,h] of sizes) {
  const p = await b.newPage({ viewport: { width: w, height: h } });
  const errs = [];
  p.on('console', m => { if (m.type()==='error') errs.push(m.text()); });
  p.on('pageerror', e => errs.push(String(e)));
  await p.goto('http://127.0.0.1:8765/');
  await p.waitForTimeout(2500);
  await p.screenshot({ path: `/tmp/shot_${w}.png`, fullPage: false });
  const sw = await p.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
  console.log(w, h, 'scrollWidth', sw, 'errors', errs);
  await p.close();
}
await b.close();
