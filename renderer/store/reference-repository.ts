import type { RxCollection } from 'rxdb';
import type { z } from 'zod';
import { deskIdentitySchema } from '../../src/auth/desk-identity.ts';
import type { DeskIdentity } from '../../src/auth/desk-identity.ts';
import { officerProfile, officerSchema, usernameSchema } from '../../src/auth/officer.ts';
import type { Officer, OfficerProfile } from '../../src/auth/officer.ts';
import type { ReferenceReader, ReferenceSourceKind, ReferenceWriter, Sourced } from '../../src/auth/reference-source.ts';
import { DomainError } from '../../src/errors.ts';
import { instantFromMs } from './instant.ts';
import type { ReferenceDoc } from './schemas/reference-schema.ts';

/** Kinds of reference data; catalogue and calendar entries are stored as their domain JSON. */
export type ReferenceKind = 'desk-identity' | 'officer' | 'procedure' | 'calendar' | 'unit' | (string & {});

export interface ReferenceRepository extends ReferenceReader, ReferenceWriter {
  /** Generic access for catalogue, calendars, units: the caller's schema parses on read. */
  put(kind: ReferenceKind, key: string, data: Record<string, unknown>, source: ReferenceSourceKind): Promise<void>;
  get<S extends z.ZodType>(kind: ReferenceKind, key: string, schema: S): Promise<Sourced<z.output<S>> | null>;
  list<S extends z.ZodType>(kind: ReferenceKind, schema: S): Promise<Sourced<z.output<S>>[]>;
  remove(kind: ReferenceKind, key: string): Promise<void>;
}

export interface OfficersRepository {
  byUsername(username: string): Promise<Sourced<Officer> | null>;
  byId(id: string): Promise<Sourced<Officer> | null>;
  /** Profiles (no verifiers), sorted by username. */
  list(): Promise<OfficerProfile[]>;
  /** Adds or replaces; a username already used by another officer is refused. */
  save(officer: Officer, source: ReferenceSourceKind): Promise<void>;
  setActive(id: string, active: boolean): Promise<void>;
  setVerifier(id: string, verifier: string): Promise<void>;
  /** True while an active officer has the admin role (a stand-alone desk's first-run set-up creates one). */
  hasAdministrator(): Promise<boolean>;
}

export interface IdentityRepository {
  get(): Promise<Sourced<DeskIdentity> | null>;
  save(identity: DeskIdentity, source: ReferenceSourceKind): Promise<void>;
}

const IDENTITY_KEY = 'this-desk';

export function createReferenceRepository(collection: RxCollection<ReferenceDoc>, now: () => number): ReferenceRepository {
  async function put(kind: string, key: string, data: Record<string, unknown>, source: ReferenceSourceKind, lookup = '') {
    await collection.upsert({
      id: `${kind}:${key}`,
      kind,
      key,
      lookup,
      data: JSON.parse(JSON.stringify(data)) as Record<string, unknown>,
      source,
      updatedAt: instantFromMs(now()),
    });
  }

  function read<S extends z.ZodType>(doc: ReferenceDoc, schema: S): Sourced<z.output<S>> {
    const parsed = schema.safeParse(doc.data);
    if (!parsed.success) {
      throw new DomainError('store.bad_reference', `Dữ liệu danh mục "${doc.id}" bị hỏng, cần đồng bộ lại.`, undefined, { id: doc.id });
    }
    return { value: parsed.data, source: doc.source };
  }

  const repo: ReferenceRepository = {
    put: (kind, key, data, source) => put(kind, key, data, source),
    async get(kind, key, schema) {
      const doc = await collection.findOne(`${kind}:${key}`).exec();
      return doc ? read(doc.toMutableJSON(), schema) : null;
    },
    async list(kind, schema) {
      const docs = await collection.find({ selector: { kind }, sort: [{ lookup: 'asc' }] }).exec();
      return docs.map((doc) => read(doc.toMutableJSON(), schema));
    },
    async remove(kind, key) {
      const doc = await collection.findOne(`${kind}:${key}`).exec();
      await doc?.remove();
    },
    deskIdentity: () => repo.get('desk-identity', IDENTITY_KEY, deskIdentitySchema),
    async saveDeskIdentity(identity, source) {
      // The province's identity (agency, counter, desk id) is changed by a new enrolment only:
      // a local form that overwrote it would issue codes that clash or that the server refuses.
      if (source === 'local' && (await repo.deskIdentity())?.source === 'provincial') {
        throw new DomainError(
          'identity.issued_by_province',
          'Quầy đã được máy chủ tỉnh kích hoạt: đơn vị và số quầy chỉ đổi được bằng mã kích hoạt mới (Kết nối máy chủ).',
        );
      }
      await put('desk-identity', IDENTITY_KEY, deskIdentitySchema.parse(identity), source);
    },
    async officerByUsername(username) {
      const name = usernameSchema.safeParse(username);
      if (!name.success) return null;
      const doc = await collection.findOne({ selector: { kind: 'officer', lookup: name.data } }).exec();
      return doc ? read(doc.toMutableJSON(), officerSchema) : null;
    },
    async saveOfficer(officer, source) {
      const valid = officerSchema.parse(officer);
      const holder = await repo.officerByUsername(valid.username);
      if (holder && holder.value.id !== valid.id) {
        throw new DomainError('officer.username_taken', `Tên đăng nhập "${valid.username}" đã được dùng cho cán bộ khác.`, ['username']);
      }
      await put('officer', valid.id, valid, source, valid.username);
    },
  };
  return repo;
}

export function createOfficersRepository(reference: ReferenceRepository): OfficersRepository {
  async function update(id: string, change: Partial<Officer>): Promise<void> {
    const current = await reference.get('officer', id, officerSchema);
    if (!current) throw new DomainError('officer.not_found', 'Không tìm thấy cán bộ.', undefined, { id });
    await reference.saveOfficer({ ...current.value, ...change }, current.source);
  }
  return {
    byUsername: (username) => reference.officerByUsername(username),
    byId: (id) => reference.get('officer', id, officerSchema),
    async list() {
      return (await reference.list('officer', officerSchema)).map((entry) => officerProfile(entry.value));
    },
    save: (officer, source) => reference.saveOfficer(officer, source),
    setActive: (id, active) => update(id, { active }),
    setVerifier: (id, verifier) => update(id, { verifier }),
    async hasAdministrator() {
      return (await reference.list('officer', officerSchema)).some((entry) => entry.value.role === 'admin' && entry.value.active);
    },
  };
}

export function createIdentityRepository(reference: ReferenceRepository): IdentityRepository {
  return { get: () => reference.deskIdentity(), save: (identity, source) => reference.saveDeskIdentity(identity, source) };
}
