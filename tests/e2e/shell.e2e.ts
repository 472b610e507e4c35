import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startServerProcess } from '../helpers/server-process.ts';
import { launchChromium } from './support/chromium.ts';
import { completeSetup, logIn } from './support/desk.ts';

const artifacts = join(import.meta.dirname, 'artifacts');

describe('desk shell and provincial server, end to end', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    mkdirSync(artifacts, { recursive: true });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'vi-VN' });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows the Vietnamese app shell with its navigation', async () => {
    await page.goto(inject('rendererUrl'));
    expect(await page.title()).toBe('Một cửa');
    // A fresh desk starts with the first-run setup, then login.
    await completeSetup(page);
    await logIn(page);
    const nav = page.getByRole('navigation', { name: 'Điều hướng chính' });
    for (const label of ['Tiếp nhận hồ sơ', 'Hồ sơ', 'Trả kết quả', 'Cảnh báo', 'Báo cáo', 'Cài đặt']) {
      await expect.poll(() => nav.getByRole('link', { name: label, exact: true }).count()).toBe(1);
    }
    await expect.poll(() => page.getByTestId('app-info').textContent()).toContain('Chạy trên trình duyệt');

    await nav.getByRole('link', { name: 'Cảnh báo' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Cảnh báo');
    expect(page.url()).toContain('#/canh-bao');
    await page.screenshot({ path: join(artifacts, 'shell.png') });
  });

  it('starts the server on PGlite and it answers /health', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'motcua-e2e-'));
    const server = await startServerProcess(['--data', dataDir], { DATABASE_URL: '' });
    try {
      const response = await page.request.get(`${server.url}/health`);
      expect(response.status()).toBe(200);
      expect(await response.json()).toEqual({ ok: true, db: 'pglite' });
    } finally {
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it.skipIf(!process.env.TEST_DATABASE_URL)('starts the server on PostgreSQL and it answers /health', async () => {
    const server = await startServerProcess([], { DATABASE_URL: process.env.TEST_DATABASE_URL });
    try {
      const response = await page.request.get(`${server.url}/health`);
      expect(response.status()).toBe(200);
      expect(await response.json()).toEqual({ ok: true, db: 'postgres' });
    } finally {
      await server.stop();
    }
  });
});
