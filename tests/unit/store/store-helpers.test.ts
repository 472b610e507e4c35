import { describe, expect, it } from 'vitest';
import { invertedInstant, receivedDescKeyOf, dueKeyOf, stateOfDoc } from '../../../renderer/store/dossier-doc.ts';
import { buildSelector, compareForSort, matchesSelector, sortField, statusList } from '../../../renderer/store/dossier-query.ts';
import { normalizeInstant } from '../../../renderer/store/instant.ts';
import { keyOfSearchId, nameQueryRange, nameSearchKeys, orderOfSearchId, searchKeyId } from '../../../renderer/store/name-keys.ts';
import { requestPersistentStorage } from '../../../renderer/store/persistent-storage.ts';
import { createSerialQueue } from '../../../renderer/store/serial-queue.ts';
import { WEB_KEY_STORAGE_KEY, createWebKeyProvider } from '../../../renderer/store/web-key-provider.ts';
import type { DossierDoc } from '../../../renderer/store/schemas/dossier-schema.ts';

describe('stateOfDoc', () => {
  it('gives a projection stored before the report unit, attachments and digitisation flags their defaults', () => {
    const stored = { code: 'X', receivingUnitId: 'U1', attachments: [{ role: 'result' }] };
    const state = stateOfDoc({ state: stored } as unknown as Pick<DossierDoc, 'state'>);
    expect(state).toMatchObject({ reportUnitId: 'U1', papersDigitised: false, resultDigitised: true });
    expect(stateOfDoc({ state: { code: 'Y', receivingUnitId: 'U1' } } as unknown as Pick<DossierDoc, 'state'>)).toMatchObject({ attachments: [], resultDigitised: false });
    const current = { ...stored, reportUnitId: 'U2', papersDigitised: true, resultDigitised: false };
    expect(stateOfDoc({ state: current } as unknown as Pick<DossierDoc, 'state'>)).toBe(current);
  });
});

describe('name keys', () => {
  it('folds names into word suffixes, and pairs of words with words between them', () => {
    expect(nameSearchKeys('Nguyễn Văn An')).toEqual(['nguyen van an', 'van an', 'an', 'nguyen an']);
    expect(nameSearchKeys('ĐỖ   đức   ĐỨC')).toEqual(['do duc duc', 'duc duc', 'duc', 'do duc']);
    expect(nameSearchKeys('  ')).toEqual([]);
  });

  it('turns a query into a prefix range that contains exactly the matching ids', () => {
    const range = nameQueryRange('NGUYỄN văn A');
    expect(range).not.toBeNull();
    const inRange = (id: string) => range !== null && id >= range.from && id < range.to;
    expect(inRange(searchKeyId('nguyen van an', '8234567890123|000.00.12.H23-251124-2001'))).toBe(true);
    expect(inRange(searchKeyId('nguyen van anh', '1|X'))).toBe(true);
    expect(inRange(searchKeyId('nguyen vam', '1|X'))).toBe(false);
    expect(inRange(searchKeyId('nguyen van', '1|X'))).toBe(false);
    expect(nameQueryRange(' .,- ')).toBeNull();
  });

  it('splits a search-key id back into its key and its received order', () => {
    const id = searchKeyId('nguyen van an', '8234567890123|000.00.12.H23-251124-2001');
    expect(keyOfSearchId(id)).toBe('nguyen van an');
    expect(orderOfSearchId(id)).toBe('8234567890123|000.00.12.H23-251124-2001');
    expect(keyOfSearchId(searchKeyId('#cid:ab12', '~|X'))).toBe('#cid:ab12');
  });
});

describe('sort keys', () => {
  it('normalises instants to one width so strings sort in time order', () => {
    expect(normalizeInstant('2025-11-24T01:00:00Z')).toBe('2025-11-24T01:00:00.000Z');
    expect(() => normalizeInstant('hôm qua')).toThrow(RangeError);
  });

  it('reverses received order in the descending key and puts missing dates last', () => {
    const older = receivedDescKeyOf('2025-11-24T01:00:00Z', 'A');
    const newer = receivedDescKeyOf('2025-11-24T02:00:00Z', 'A');
    expect(newer < older).toBe(true);
    expect(invertedInstant('2025-11-24T01:00:00Z')).toHaveLength(13);
    expect(receivedDescKeyOf('', 'A') > older).toBe(true);
    expect(dueKeyOf('', 'A') > dueKeyOf('2099-01-01T00:00:00Z', 'A')).toBe(true);
  });

  it('translates received-date bounds onto the descending key', () => {
    const doc = (receivedAt: string) => ({ receivedDescKey: receivedDescKeyOf(receivedAt, 'C'), receivedKey: `${normalizeInstant(receivedAt)}|C` }) as DossierDoc;
    const query = { receivedFrom: '2025-11-24T01:00:00Z', receivedTo: '2025-11-24T03:00:00Z' };
    for (const sort of ['received-desc', 'received-asc'] as const) {
      const selector = buildSelector(query, sort);
      expect(matchesSelector(doc('2025-11-24T00:59:59.999Z'), selector), sort).toBe(false);
      expect(matchesSelector(doc('2025-11-24T01:00:00Z'), selector), sort).toBe(true);
      expect(matchesSelector(doc('2025-11-24T02:59:59.999Z'), selector), sort).toBe(true);
      expect(matchesSelector(doc('2025-11-24T03:00:00Z'), selector), sort).toBe(false);
    }
  });

  it('puts the cursor on the sort key and compares ascending', () => {
    expect(buildSelector({ cursor: 'k' }, 'due-asc')).toEqual({ dueKey: { $gt: 'k' } });
    expect(sortField('received-desc')).toBe('receivedDescKey');
    const a = { receivedKey: 'a' } as DossierDoc;
    const b = { receivedKey: 'b' } as DossierDoc;
    expect([b, a].sort(compareForSort('received-asc'))).toEqual([a, b]);
    expect(statusList([2, 2, 4])).toEqual([2, 4]);
    expect(statusList(5)).toEqual([5]);
    expect(matchesSelector({ status: 3 } as DossierDoc, { status: { $in: [2, 4] } })).toBe(false);
  });
});

describe('persistent storage request', () => {
  const navigatorWith = (storage: Partial<StorageManager> | undefined) => ({ storage }) as Pick<Navigator, 'storage'>;

  it('reports granted, denied and unsupported', async () => {
    expect(await requestPersistentStorage(navigatorWith({ persisted: async () => false, persist: async () => true }))).toBe('granted');
    expect(await requestPersistentStorage(navigatorWith({ persisted: async () => true, persist: async () => false }))).toBe('granted');
    expect(await requestPersistentStorage(navigatorWith({ persisted: async () => false, persist: async () => false }))).toBe('denied');
    expect(await requestPersistentStorage(navigatorWith({ persist: async () => Promise.reject(new Error('x')) }))).toBe('denied');
    expect(await requestPersistentStorage(navigatorWith(undefined))).toBe('unsupported');
    expect(await requestPersistentStorage(undefined)).toBe('unsupported');
  });
});

describe('web key provider', () => {
  it('generates a 256-bit key once and reuses it', async () => {
    const items = new Map<string, string>();
    const storage = { getItem: (k: string) => items.get(k) ?? null, setItem: (k: string, v: string) => void items.set(k, v) };
    const provider = createWebKeyProvider(storage, globalThis.crypto);
    const key = await provider.getEncryptionKey();
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(await createWebKeyProvider(storage, globalThis.crypto).getEncryptionKey()).toBe(key);
    expect(items.get(WEB_KEY_STORAGE_KEY)).toBe(key);
    items.set(WEB_KEY_STORAGE_KEY, 'corrupted');
    expect(await provider.getEncryptionKey()).not.toBe(key);
  });
});

describe('serial queue', () => {
  it('runs tasks one at a time and survives a failing task', async () => {
    const serial = createSerialQueue();
    const log: string[] = [];
    const task = (name: string, ms: number, fail = false) =>
      serial(async () => {
        log.push(`start ${name}`);
        await new Promise((resolve) => setTimeout(resolve, ms));
        log.push(`end ${name}`);
        if (fail) throw new Error(name);
        return name;
      });
    const results = await Promise.allSettled([task('a', 20), task('b', 1, true), task('c', 1)]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(log).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
  });
});

describe('blind index', () => {
  it('is keyed: the same ID hashes alike under one key and differently under another', async () => {
    const { createBlindIndex } = await import('../../../renderer/store/blind-index.ts');
    const a = await createBlindIndex('a'.repeat(64));
    const b = await createBlindIndex('b'.repeat(64));
    expect(await a('001085012345')).toMatch(/^[0-9a-f]{32}$/);
    expect(await a('001085012345')).toBe(await a('001085012345'));
    expect(await a('001085012345')).not.toBe(await b('001085012345'));
    expect(await a('001085012345')).not.toBe(await a('001085012346'));
  });
});

describe('production store code', () => {
  it('never imports RxDB dev-mode (17.6 loads a remote iframe) nor a schema validator', async () => {
    const { readdirSync, readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const root = join(import.meta.dirname, '../../../renderer/store');
    const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.ts'));
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) {
      const text = readFileSync(join(root, file), 'utf8');
      expect(text, file).not.toMatch(/rxdb\/plugins\/(dev-mode|validate-)/);
    }
  });
});
