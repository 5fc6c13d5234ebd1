import { chromium } from 'playwright-core';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless','--no-sandbox','--disable-gpu'] });
for (const w of [390, 1280]) {
  const page = await browser.newPage({ viewport: { width: w, height: 900 } });
  await page.goto('http://127.0.0.1:8766/');
  await page.waitForSelector('.app[aria-busy="false"]');
  await page.setInputFiles('#open-object', '/tmp/rw43/flat_v3/bcc_v3__libbpf-tools__bitesize.bpf.o');
  await page.waitForSelector('#global-0', { state: 'attached' });
  await page.waitForTimeout(800);
  await page.click('#load-settings summary');
  await page.fill('#global-0', 'bash');
  await page.press('#global-0', 'Enter');
  await page.waitForTimeout(1500);
  await page.locator('#load-settings').scrollIntoViewIfNeeded();
  console.log(w, await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth, document.querySelector('#verdict')?.textContent.slice(0,120)]));
  await page.screenshot({ path: `/tmp/ls_${w}.png` });
  await page.close();
}
await browser.close();
