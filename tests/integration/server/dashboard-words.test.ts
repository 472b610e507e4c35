import { describe, expect, it } from 'vitest';
import { serverTestDatabases } from './support/server-databases.ts';
import { worldPerSuite } from './support/suite-world.ts';
import { PASSWORD, UNIT_A } from './support/world.ts';
import { dashboardLogin } from './support/dashboard.ts';

/** Issue 19 point 6: the dashboard names desks as the desk does ("Quầy"), and writes dates dd/MM/yyyy. */
describe.each(serverTestDatabases())('dashboard words and dates on $name', (database) => {
  const suite = worldPerSuite(database);
  const page = async (url: string) => {
    const { app } = suite.world;
    const cookie = await dashboardLogin(app, { unit: UNIT_A, username: 'leadera', password: PASSWORD });
    const response = await app.inject({ method: 'GET', url, headers: { cookie } });
    expect(response.statusCode).toBe(200);
    return response.body;
  };
  const inputOf = (html: string, name: string) => new RegExp(`<input type="([^"]+)" name="${name}"[^>]* value="([^"]*)"`).exec(html)?.slice(1);

  it('shows the period boxes as dd/MM/yyyy text, whatever the browser, and reads a period typed that way', async () => {
    const html = await page('/bao-cao?from=01%2F11%2F2026&to=30%2F11%2F2026');
    expect(inputOf(html, 'from')).toEqual(['text', '01/11/2026']);
    expect(inputOf(html, 'to')).toEqual(['text', '30/11/2026']);
    expect(html).toContain('Từ ngày 01/11/2026 đến ngày 30/11/2026');
    expect(html).not.toMatch(/type="date"/);
    // The page's own links carry yyyy-MM-dd; they read the same.
    const linked = await page('/bao-cao?from=2026-11-01&to=2026-11-30');
    expect(inputOf(linked, 'from')).toEqual(['text', '01/11/2026']);
    expect(linked).toContain('Từ ngày 01/11/2026 đến ngày 30/11/2026');
  });

  it('refuses a period date that does not exist, saying which, with the typed text kept', async () => {
    const html = await page('/bao-cao?from=31%2F02%2F2026&to=30%2F11%2F2026');
    expect(html).toContain('Từ ngày 31/02/2026 không có thật');
    expect(inputOf(html, 'from')).toEqual(['text', '31/02/2026']);
    expect(html).not.toContain('YYYY-MM-DD');
  });

  it('names desks "Quầy 1 – <unit>" with the id as secondary text, and a drilled-down unit by name', async () => {
    const { deskA } = suite.world;
    const html = await page('/bao-cao');
    expect(html).toContain('<h2>Tình trạng quầy tiếp nhận</h2>');
    const row = new RegExp(`<tr[^>]*data-desk="${deskA.id.replace(/[.#]/g, '\\$&')}">(.*?)</tr>`, 's').exec(html)?.[1] ?? '';
    expect(row).toContain(`<td>Quầy 1 <span class="muted id">${deskA.id}</span></td>`);
    expect(row).toContain('UBND xã Tân Lập');
    expect(html).not.toMatch(/(^|[^\p{L}])[Bb]àn(?! giao)([^\p{L}]|$)/u);
    const unitPage = await page(`/bao-cao?unit=${UNIT_A}`);
    expect(unitPage).toContain('Báo cáo tình hình giải quyết hồ sơ – UBND xã Tân Lập');
  });
});
