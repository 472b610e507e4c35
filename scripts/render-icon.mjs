// Renders build/icon.svg to build/icon.png (512×512) with the system Chromium.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const svg = readFileSync(fileURLToPath(new URL('../build/icon.svg', import.meta.url)), 'utf8');
const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const page = await browser.newPage({ viewport: { width: 512, height: 512 } });
await page.setContent(`<!doctype html><style>html,body{margin:0;background:transparent}</style>${svg}`);
await page.locator('svg').screenshot({ path: fileURLToPath(new URL('../build/icon.png', import.meta.url)), omitBackground: true });
await browser.close();
