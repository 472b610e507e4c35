import { describe, expect, it } from 'vitest';
import { loadBundledCatalogue } from '../../../src/catalogue/bundled-catalogue.ts';
import { getProcedure } from '../../../src/catalogue/catalogue.ts';
import { linkedGroupSchema } from '../../../src/catalogue/linked-group-schema.ts';
import { createEvent, type DossierEvent } from '../../../src/dossier/events.ts';
import { projectDossier } from '../../../src/dossier/projection.ts';
import { chosenComponents, fieldsToEnter, groupDueAt, planLinkedReception } from '../../../src/dossier/linked-group.ts';
import { splitPersonal, joinPersonal } from '../../../renderer/store/personal-data.ts';
import { canonicalJson } from '../../../src/canonical-json.ts';
import { fillGroupPersonFromCard } from '../../../renderer/screens/receive/group-reception.ts';

const catalogue = loadBundledCatalogue();
const birthGroup = getProcedure(catalogue, '2.000986');
const deathGroup = getProcedure(catalogue, '1.006714');
const TODAY = '2026-12-07';

const birthData = {
  childName: ' trần   minh khang ',
  childBirthDate: '01/12/2026',
  childSex: 'Nam',
  childBirthPlace: 'Bệnh viện Phụ sản Hà Nội',
  motherName: 'Nguyễn Thị Mai',
  motherCitizenId: '001195012349',
  residenceAddress: 'Số 5 phố Đội Cấn, Ba Đình',
  healthcareProvider: 'Trạm y tế phường Ba Đình',
};

describe('linked groups in the catalogue', () => {
  it('lists the birth group with three components at three kinds of unit, and the death group with four', () => {
    expect(birthGroup.linked?.components.map((c) => [c.procedureCode, c.agency, c.optional])).toEqual([
      ['1.001193', 'commune-peoples-committee', false],
      ['1.004222', 'commune-police', true],
      ['BHXH.TE6', 'social-insurance', true],
    ]);
    expect(deathGroup.linked?.components.map((c) => c.procedureCode)).toEqual(['1.000656', '1.003197', 'BHXH.MTP', '1.001731']);
    // What could not be confirmed is said so, per component.
    expect(birthGroup.linked?.components[2]?.unconfirmed).toContain('procedureCode');
  });

  it('refuses a group whose component needs a value only an optional component gives, or none required', () => {
    const base = { agency: 'commune-police', statutoryTime: { kind: 'working-days', days: 5 }, fee: { kind: 'free' }, needs: ['childName'] } as const;
    const bad = linkedGroupSchema.safeParse({
      components: [
        { ...base, procedureCode: '1.000001', name: 'Một', optional: true, produces: ['personalId'] },
        { ...base, procedureCode: '1.000002', name: 'Hai', optional: true, needs: ['personalId'] },
      ],
    });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((i) => i.message)).toEqual(
      expect.arrayContaining(['nhóm liên thông cần ít nhất một thủ tục thành phần bắt buộc', 'personalId đến từ một thủ tục không bắt buộc']),
    );
  });
});

describe('planning a group reception', () => {
  it('gives each chosen component only the data it needs; results of another component are not typed', () => {
    const chosen = ['1.004222', 'BHXH.TE6'];
    expect(fieldsToEnter(birthGroup.linked!, chosenComponents(birthGroup.linked!, chosen).map((c) => c.procedureCode))).not.toContain('personalId');
    const plan = planLinkedReception(birthGroup, chosen, birthData, TODAY);
    if (!plan.ok) throw new Error(JSON.stringify(plan.errors));
    expect(plan.components.map((p) => [p.component.procedureCode, p.unitKind])).toEqual([
      ['1.001193', 'people-committee'],
      ['1.004222', 'police'],
      ['BHXH.TE6', 'social-insurance'],
    ]);
    expect(plan.components[0]?.data).toMatchObject({ childName: 'Trần Minh Khang', childBirthDate: '2026-12-01' });
    expect(plan.components[0]?.data).not.toHaveProperty('healthcareProvider');
    expect(plan.components[2]?.data).toEqual({
      childName: 'Trần Minh Khang',
      childBirthDate: '2026-12-01',
      childSex: 'Nam',
      motherName: 'Nguyễn Thị Mai',
      residenceAddress: 'Số 5 phố Đội Cấn, Ba Đình',
      healthcareProvider: 'Trạm y tế phường Ba Đình',
    });
  });

  it('names the components that need a missing or bad value, and takes only the required component when none is ticked', () => {
    const plan = planLinkedReception(birthGroup, ['BHXH.TE6'], { ...birthData, healthcareProvider: '', motherCitizenId: '123', childBirthDate: '01/12/2030' }, TODAY);
    expect(plan.ok).toBe(false);
    if (plan.ok) return;
    expect(plan.errors['data.healthcareProvider']).toBe('Chưa nhập nơi đăng ký khám bệnh, chữa bệnh ban đầu (cần cho Cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi).');
    expect(plan.errors['data.motherCitizenId']).toContain('(cần cho Đăng ký khai sinh)');
    expect(plan.errors['data.childBirthDate']).toContain('cần cho mọi thủ tục đã chọn');
    const alone = planLinkedReception(birthGroup, [], birthData, TODAY);
    expect(alone.ok && alone.components.map((p) => p.component.procedureCode)).toEqual(['1.001193']);
  });

  it('refuses a component that is not of the group, and a procedure that is not a group', () => {
    const plan = planLinkedReception(birthGroup, ['1.003197'], birthData, TODAY);
    expect(!plan.ok && plan.errors.components).toContain('1.003197');
    const single = planLinkedReception(getProcedure(catalogue, '1.001193'), [], birthData, TODAY);
    expect(!single.ok && single.errors.components).toContain('không phải nhóm liên thông');
  });

  it('gives the group the latest appointment of its members', () => {
    expect(groupDueAt([{ dueAt: '2026-12-08T10:00:00.000Z' }, { dueAt: '2026-12-16T10:00:00.000Z' }, { dueAt: '2026-12-14T10:00:00.000Z' }])).toBe('2026-12-16T10:00:00.000Z');
  });
});

describe('a component dossier', () => {
  const members = [
    { dossierCode: '000.00.12.H23-261207-1001', procedureCode: '1.001193', procedureName: 'Đăng ký khai sinh', unitKind: 'people-committee', dueAt: '2026-12-08T10:00:00.000Z' },
    { dossierCode: '000.00.12.H23-261207-1002', procedureCode: '1.004222', procedureName: 'Đăng ký thường trú', unitKind: 'police', dueAt: '2026-12-16T10:00:00.000Z' },
  ] as const;
  const received = (linkedGroupId: string) =>
    createEvent(
      {
        type: 'RECEIVED',
        dossierCode: members[1].dossierCode,
        officerId: 'o1',
        deskId: '000.00.12.H23#1',
        unitId: '000.00.12.H23',
        payload: {
          procedureCode: '1.004222',
          procedureName: 'Đăng ký thường trú',
          field: 'Liên thông',
          statutoryTime: { kind: 'working-days', days: 7 },
          channel: 'in-person',
          applicant: { fullName: 'Nguyễn Thị Mai' },
          papers: [],
          sets: 1,
          fee: { amount: 0 },
          resultDelivery: 'desk',
          receivedAt: '2026-12-07T02:00:00.000Z',
          dueAt: '2026-12-16T10:00:00.000Z',
          linkedGroupId,
          group: { procedureCode: '2.000986', procedureName: 'Liên thông khai sinh', members: [...members], data: { childName: 'Trần Minh Khang', motherCitizenId: '001195012349' } },
        },
      },
      { nextId: () => '0192f0c0-0000-7000-8000-000000000001', now: () => Date.parse('2026-12-07T02:00:00.000Z') },
    );

  it('carries the group code of its first member, and keeps the shared data encrypted on the desk', () => {
    expect(() => received(members[1].dossierCode)).toThrow(/mã hồ sơ thành phần đầu tiên/);
    const event = received(members[0].dossierCode);
    const { clear, personal } = splitPersonal(event);
    expect(JSON.stringify(clear)).not.toContain('001195012349');
    expect(JSON.stringify(clear)).not.toContain('Trần Minh Khang');
    expect(Object.keys(personal)).toContain('payload.group.data');
    expect(canonicalJson(joinPersonal(clear, personal))).toBe(canonicalJson(event));
  });

  it('is reported by the unit competent for it: the one holding it while open, the one that finished it after', () => {
    let clock = Date.parse('2026-12-07T02:00:00.000Z');
    let id = 1;
    const next = (type: 'TRANSFERRED' | 'ACCEPTED' | 'RESOLVED', unitId: string, payload: Record<string, unknown>) =>
      createEvent({ type, dossierCode: members[1].dossierCode, officerId: 'o2', deskId: `${unitId}#1`, unitId, payload } as never, {
        nextId: () => `0192f0c0-0000-7000-8000-00000000000${(id += 1)}`,
        now: () => (clock += 60_000),
      });
    const POLICE = '000.00.41.H23';
    const events: DossierEvent[] = [received(members[0].dossierCode)];
    expect(projectDossier(events).reportUnitId).toBe('000.00.12.H23');
    events.push(next('TRANSFERRED', '000.00.12.H23', { toUnitId: POLICE }));
    expect(projectDossier(events).reportUnitId).toBe(POLICE);
    events.push(next('ACCEPTED', POLICE, {}), next('RESOLVED', POLICE, {}), next('TRANSFERRED', POLICE, { toUnitId: '000.00.12.H23' }));
    const handedBack = projectDossier(events);
    expect(handedBack.holderUnitId).toBe('000.00.12.H23');
    expect(handedBack.reportUnitId).toBe(POLICE);
    expect(handedBack.anomalies).toEqual([]);
  });
});

describe('a citizen ID card scanned for a group', () => {
  const card = { citizenId: '001060012345', oldId: null, fullName: 'Lê Văn Tư', birthDate: '1960-03-04', sex: 'male' as const, address: 'Số 1 phố Kim Mã, Ba Đình', issueDate: '2021-07-01' };

  it('fills the deceased of the death group and an empty residence; the mother of the birth group, keeping a typed residence', () => {
    const death: Record<string, string> = {};
    expect(fillGroupPersonFromCard(deathGroup.linked!, card, (key, value) => (death[key] = value), {})).toBe('thông tin người chết');
    expect(death).toEqual({ deceasedName: 'Lê Văn Tư', deceasedCitizenId: '001060012345', deceasedBirthDate: '04/03/1960', residenceAddress: 'Số 1 phố Kim Mã, Ba Đình' });
    const birth: Record<string, string> = {};
    expect(fillGroupPersonFromCard(birthGroup.linked!, card, (key, value) => (birth[key] = value), { residenceAddress: 'Đã gõ' })).toBe('thông tin người mẹ');
    expect(birth).toEqual({ motherName: 'Lê Văn Tư', motherCitizenId: '001060012345' });
  });
});
