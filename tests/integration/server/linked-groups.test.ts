import { describe, expect, it } from 'vitest';
import type { PayloadInput } from '../../../src/dossier/events.ts';
import { addUnit } from '../../../sync/server/repositories/units.ts';
import { serverTestDatabases } from './support/server-databases.ts';
import { worldPerSuite } from './support/suite-world.ts';
import { makeEvent, newDossierCode, push, receivedPayload, UNIT_B, type World } from './support/world.ts';

const POLICE = '000.00.41.H23';
const PROVINCE = '000.00.00.H23';

/** The residence component of a birth group, received at commune A: competent unit kind "police". */
function residenceComponent(world: World): { code: string; payload: PayloadInput<'RECEIVED'> } {
  const code = newDossierCode(world.deskA);
  const base = receivedPayload();
  return {
    code,
    payload: {
      ...base,
      procedureCode: '1.004222',
      procedureName: 'Đăng ký thường trú',
      linkedGroupId: code,
      group: {
        procedureCode: '2.000986',
        procedureName: 'Liên thông thủ tục hành chính: đăng ký khai sinh, đăng ký thường trú, cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi',
        members: [{ dossierCode: code, procedureCode: '1.004222', procedureName: 'Đăng ký thường trú', unitKind: 'police', dueAt: base.dueAt }],
        data: { childName: 'Trần Minh Khang' },
        awaits: ['birthRegistrationNumber'],
      },
    },
  };
}

/** Issue 21 point 7: a component goes only to a unit of the kind competent for it. */
describe.each(serverTestDatabases())('linked group components on $name', (database) => {
  const suite = worldPerSuite(database);

  it('refuses a component sent to a unit of the wrong kind, or without the results it awaits, with 409 naming the component; takes one sent to the police with them', async () => {
    const world = suite.world;
    const reception = world.officers.receptionA!;
    await addUnit(world.database.db, { id: POLICE, name: 'Công an xã Tân Lập', level: 'commune', parentId: PROVINCE, kind: 'police' });
    const { code, payload } = residenceComponent(world);
    const received = makeEvent(world.deskA, reception, 'RECEIVED', code, payload);
    expect((await push(world.app, world.deskA, [received])).statusCode).toBe(200);

    const wrong = makeEvent(world.deskA, reception, 'TRANSFERRED', code, { toUnitId: UNIT_B });
    const refused = await push(world.app, world.deskA, [wrong]);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({ code: 'group.wrong_unit_kind', eventId: wrong.id, path: 'payload.toUnitId' });
    expect(refused.json().error.message).toBe(
      `Thủ tục thành phần "Đăng ký thường trú" của hồ sơ liên thông ${code} chỉ chuyển đến Công an có thẩm quyền (hoặc trả về đơn vị tiếp nhận): UBND phường Hòa Bình là Ủy ban nhân dân.`,
    );
    const stored = await world.database.db.selectFrom('events').select('id').where('id', '=', wrong.id).execute();
    expect(stored).toEqual([]);

    // To the police, but without the birth registration's result it needs: refused too.
    const bare = makeEvent(world.deskA, reception, 'TRANSFERRED', code, { toUnitId: POLICE });
    const missing = await push(world.app, world.deskA, [bare]);
    expect(missing.statusCode).toBe(409);
    expect(missing.json().error).toMatchObject({ code: 'group.results_missing', path: 'payload.groupData' });
    expect(missing.json().error.message).toContain('Chưa chuyển được "Đăng ký thường trú": cần số đăng ký khai sinh');

    const right = makeEvent(world.deskA, reception, 'TRANSFERRED', code, { toUnitId: POLICE, groupData: { birthRegistrationNumber: '125/2026' } });
    expect((await push(world.app, world.deskA, [right])).statusCode).toBe(200);
  });
});
