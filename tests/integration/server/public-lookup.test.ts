import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maskName } from '../../../sync/server/domain/public-dossier.ts';
import { serverTestDatabases } from './support/server-databases.ts';
import { buildWorld, makeEvent, newDossierCode, push, receivedPayload, UNIT_B, type World } from './support/world.ts';

describe('maskName', () => {
  it('keeps the family name and initials only', () => {
    expect(maskName('Nguyễn Văn An')).toBe('Nguyễn V. A.');
    expect(maskName('  Lê   thị  Ánh  ')).toBe('Lê T. Á.');
    expect(maskName('Đặng')).toBe('Đặng');
  });
});

describe.each(serverTestDatabases())('public lookup on $name', (database) => {
  let world: World;
  let code: string;
  beforeAll(async () => {
    world = await buildWorld(await database.target(), { rateLimits: { publicLookup: 12 } });
    code = newDossierCode(world.deskA);
    const received = makeEvent(world.deskA, world.officers.receptionA!, 'RECEIVED', code, receivedPayload());
    const transferred = makeEvent(world.deskA, world.officers.receptionA!, 'TRANSFERRED', code, { toUnitId: UNIT_B });
    const response = await push(world.app, world.deskA, [received, transferred]);
    if (response.statusCode !== 200) throw new Error(response.body);
  });
  afterAll(async () => {
    await world?.close();
    await database.cleanup();
  });

  it('answers status, procedure, current unit, dates and a masked name — nothing else personal', async () => {
    const response = await world.app.inject({ method: 'GET', url: `/api/public/dossiers/${encodeURIComponent(code.toLowerCase())}` });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({
      code,
      status: 2,
      statusLabel: 'Đã tiếp nhận',
      procedureCode: '1.001193',
      procedureName: 'Đăng ký khai sinh',
      currentUnit: { id: UNIT_B, name: 'UBND phường Hòa Bình' },
      applicantName: 'Nguyễn V. A.',
    });
    expect(response.body).not.toMatch(/001203004567|0912345678|Văn An/);
  });

  it('answers an unknown, a malformed and a hostile code alike', async () => {
    const bodies = [];
    for (const typed of [`${code.slice(0, -4)}9999`, 'không-phải-mã', "' or 1=1 --"]) {
      const response = await world.app.inject({ method: 'GET', url: `/api/public/dossiers/${encodeURIComponent(typed)}` });
      expect(response.statusCode).toBe(404);
      bodies.push(response.json());
    }
    expect(new Set(bodies.map((b) => JSON.stringify(b))).size).toBe(1);
    expect(bodies[0]).toEqual({ error: { code: 'dossier.not_found', message: expect.any(String) } });
  });

  it('serves the Vietnamese page: the form, ?ma= and /tra-cuu/<code>, escaping what was typed', async () => {
    const form = await world.app.inject({ method: 'GET', url: '/tra-cuu' });
    expect(form.statusCode).toBe(200);
    expect(form.headers['content-type']).toMatch(/text\/html/);
    expect(form.body).toContain('Tra cứu tình trạng hồ sơ');
    for (const url of [`/tra-cuu?ma=${encodeURIComponent(code)}`, `/tra-cuu/${encodeURIComponent(code)}`]) {
      const page = await world.app.inject({ method: 'GET', url });
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('Đã tiếp nhận');
      expect(page.body).toContain('Nguyễn V. A.');
      expect(page.body).toContain('UBND phường Hòa Bình');
    }
    const hostile = await world.app.inject({ method: 'GET', url: `/tra-cuu?ma=${encodeURIComponent('<script>alert(1)</script>')}` });
    expect(hostile.statusCode).toBe(404);
    expect(hostile.body).not.toContain('<script>alert');
    expect(hostile.body).toContain('&lt;script&gt;');
  });

  it('is rate-limited', async () => {
    let status = 0;
    for (let i = 0; i < 15 && status !== 429; i += 1) {
      status = (await world.app.inject({ method: 'GET', url: `/api/public/dossiers/${encodeURIComponent(code)}` })).statusCode;
    }
    expect(status).toBe(429);
  });
});

/** Issue 18 point 5: one budget per address for every public lookup route together. */
describe.each(serverTestDatabases())('public lookup budget on $name', (database) => {
  let world: World;
  beforeAll(async () => {
    world = await buildWorld(await database.target());
  });
  afterAll(async () => {
    await world?.close();
    await database.cleanup();
  });

  it('answers the 61st lookup of a minute with 429, whichever of the three routes it goes to', async () => {
    const code = encodeURIComponent('000.00.12.H23-250101-0001');
    const urls = [`/api/public/dossiers/${code}`, `/tra-cuu?ma=${code}`, `/tra-cuu/${code}`];
    const statuses: number[] = [];
    for (let i = 0; i < 60; i += 1) statuses.push((await world.app.inject({ method: 'GET', url: urls[i % 3]!, remoteAddress: '203.0.113.20' })).statusCode);
    expect(statuses.every((status) => status === 404)).toBe(true);
    for (const url of urls) {
      const refused = await world.app.inject({ method: 'GET', url, remoteAddress: '203.0.113.20' });
      expect({ url, status: refused.statusCode }).toEqual({ url, status: 429 });
      expect(refused.json()).toEqual({ error: { code: 'request.rate_limited', message: expect.stringMatching(/Quá nhiều yêu cầu/) } });
    }
    // Another address has its own budget.
    expect((await world.app.inject({ method: 'GET', url: urls[1]!, remoteAddress: '203.0.113.21' })).statusCode).toBe(404);
  });
});
