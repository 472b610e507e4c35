import { addRxPlugin, createRxDatabase } from 'rxdb';
import type { RxCollection, RxDatabase, RxStorage } from 'rxdb';
import { wrappedKeyEncryptionCryptoJsStorage } from 'rxdb/plugins/encryption-crypto-js';
import { RxDBMigrationSchemaPlugin } from 'rxdb/plugins/migration-schema';
import { DomainError } from '../../src/errors.ts';
import { dossierMigrations, dossierSchema } from './schemas/dossier-schema.ts';
import type { DossierDoc } from './schemas/dossier-schema.ts';
import { eventSchema } from './schemas/event-schema.ts';
import type { EventDoc } from './schemas/event-schema.ts';
import { searchKeyMigrations, searchKeySchema } from './schemas/search-key-schema.ts';
import type { SearchKeyDoc } from './schemas/search-key-schema.ts';
import { printLogMigrations, printLogSchema } from './schemas/print-log-schema.ts';
import type { PrintLogDoc } from './schemas/print-log-schema.ts';
import { referenceSchema } from './schemas/reference-schema.ts';
import type { ReferenceDoc } from './schemas/reference-schema.ts';
import { settingsMigrations, settingsSchema } from './schemas/settings-schema.ts';
import type { SettingsDoc } from './schemas/settings-schema.ts';

addRxPlugin(RxDBMigrationSchemaPlugin);

/** RxDB open-core refuses a 14th open collection per JS realm, counted across databases. */
export const RXDB_OPEN_COLLECTION_LIMIT = 13;

export const DEFAULT_DATABASE_NAME = 'motcua-desk';

export const deskCollectionDefinitions = {
  events: { schema: eventSchema },
  dossiers: { schema: dossierSchema, migrationStrategies: dossierMigrations },
  searchkeys: { schema: searchKeySchema, migrationStrategies: searchKeyMigrations },
  reference: { schema: referenceSchema },
  printlog: { schema: printLogSchema, migrationStrategies: printLogMigrations },
  settings: { schema: settingsSchema, migrationStrategies: settingsMigrations },
};

export interface DeskCollections {
  events: RxCollection<EventDoc>;
  dossiers: RxCollection<DossierDoc>;
  searchkeys: RxCollection<SearchKeyDoc>;
  reference: RxCollection<ReferenceDoc>;
  printlog: RxCollection<PrintLogDoc>;
  settings: RxCollection<SettingsDoc>;
}

export type DeskDatabase = RxDatabase<DeskCollections>;

export interface OpenDatabaseOptions {
  /** Dexie storage in the app (`getRxStorageDexie()`); fake-indexeddb or memory in tests. */
  storage: RxStorage<unknown, unknown>;
  /** At-rest key from the KeyProvider; encrypts the personal fields. */
  encryptionKey: string;
  name?: string;
  /** Several windows on one database; the desk app has one, so off by default. */
  multiInstance?: boolean;
  /**
   * Wraps the final (encrypting) storage; tests add RxDB's ajv schema validation here, which
   * dev-mode requires. The app passes nothing: its inputs are parsed with zod before any write.
   */
  decorateStorage?: (storage: RxStorage<unknown, unknown>) => RxStorage<unknown, unknown>;
}

export const MIN_ENCRYPTION_KEY_LENGTH = 32;

/**
 * Opens the desk database with field encryption and runs pending schema migrations.
 * RxDB refuses a wrong key for an existing database (DB1) rather than returning garbage.
 */
export async function openDeskDatabase(options: OpenDatabaseOptions): Promise<DeskDatabase> {
  if (options.encryptionKey.length < MIN_ENCRYPTION_KEY_LENGTH) {
    throw new DomainError('store.weak_key', 'Khoá mã hoá dữ liệu quá ngắn: không thể mở kho dữ liệu của quầy.');
  }
  const encrypting = wrappedKeyEncryptionCryptoJsStorage({ storage: options.storage });
  const db = await createRxDatabase<DeskCollections>({
    name: options.name ?? DEFAULT_DATABASE_NAME,
    storage: options.decorateStorage ? options.decorateStorage(encrypting) : encrypting,
    password: options.encryptionKey,
    multiInstance: options.multiInstance ?? false,
    eventReduce: true,
  });
  try {
    await db.addCollections(deskCollectionDefinitions);
  } catch (error) {
    await db.close();
    throw error;
  }
  return db;
}
