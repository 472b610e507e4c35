import { createBlindIndex } from './blind-index.ts';
import { createConsultationRepository } from './consultation-repository.ts';
import type { ConsultationRepository } from './consultation-repository.ts';
import { openDeskDatabase } from './database.ts';
import { createDeadlineIndex } from './deadline-index.ts';
import type { DeskDatabase, OpenDatabaseOptions } from './database.ts';
import { createDossierRepository } from './dossier-repository.ts';
import type { DossierRepository } from './dossier-repository.ts';
import { createEventsRepository } from './events-repository.ts';
import type { EventsRepository } from './events-repository.ts';
import { createPrintLogRepository } from './print-log-repository.ts';
import type { PrintLogRepository } from './print-log-repository.ts';
import { createProjector } from './projector.ts';
import { createReportDays } from './report-days.ts';
import type { ReportDays } from './report-days.ts';
import {
  createIdentityRepository,
  createOfficersRepository,
  createReferenceRepository,
} from './reference-repository.ts';
import type { IdentityRepository, OfficersRepository, ReferenceRepository } from './reference-repository.ts';
import { upgradeNameKeysIfOld } from './search-key-format.ts';
import { createSerialQueue } from './serial-queue.ts';
import { afterPendingProjections, createPendingProjections } from './pending-projections.ts';
import { createSettingsRepository } from './settings-repository.ts';
import type { SettingsRepository } from './settings-repository.ts';

export interface DeskStoreOptions extends OpenDatabaseOptions {
  /** Unix milliseconds: the desk clock. */
  clock: () => number;
}

export interface DeskStore {
  events: EventsRepository;
  dossiers: DossierRepository;
  reference: ReferenceRepository;
  identity: IdentityRepository;
  officers: OfficersRepository;
  printLog: PrintLogRepository;
  settings: SettingsRepository;
  /** Counter consultations (guided to supplement, refused at the counter): not dossiers. */
  consultations: ConsultationRepository;
  /** The reports' read model (report-days.ts). */
  reportDays: Pick<ReportDays, 'isComplete' | 'read'>;
  projections: {
    /** Re-projects dossiers whose events arrived since the last run (after a sync pull). */
    catchUp(): Promise<number>;
    /** Resolves once the projections of receipts already saved are written (reads wait for it anyway). */
    settled(): Promise<void>;
    /** Rebuilds every projection from the event log. */
    rebuildAll(): Promise<number>;
  };
  /**
   * Calls `listener` after any dossier projection is written (a local action, a sync pull, a
   * rebuild); returns the unsubscribe. Several writes in a row call it several times.
   */
  onDossiersChanged(listener: () => void): () => void;
  /** For the sync client (replication of `events`). */
  database: DeskDatabase;
  close(): Promise<void>;
}

/** How long after a failed projection of a receipt it is tried again. */
const PROJECTION_RETRY_MS = 1_000;

/**
 * Opens the desk's local store: migrates old schemas, then brings projections up to date with
 * the event log (recovering from a crash between an event and its projection).
 */
export async function createDeskStore(options: DeskStoreOptions): Promise<DeskStore> {
  const db = await openDeskDatabase(options);
  try {
    const serial = createSerialQueue();
    const c = db.collections;
    const settings = createSettingsRepository(c.settings, options.clock);
    const blind = await createBlindIndex(options.encryptionKey);
    const reportDays = createReportDays(c.settings, c.dossiers, options.clock);
    const projector = createProjector(c, settings, blind, reportDays);
    const reference = createReferenceRepository(c.reference, options.clock);
    await serial(async () => {
      await projector.repairSearchKeys();
      await projector.catchUp();
    });
    const deadlines = createDeadlineIndex(c.dossiers);
    let closing = false;
    const pending = createPendingProjections((error) => {
      console.error('projection after a receipt failed; projecting it again shortly', error);
      // Once more a little later, so that a passing fault (an aborted transaction) mends itself
      // without waiting for the next append or open, which would project it anyway.
      setTimeout(() => {
        if (closing) return;
        serial(() => projector.catchUp()).catch((again: unknown) => {
          console.error('projection after a receipt failed again; the next append or open projects it', again);
        });
      }, PROJECTION_RETRY_MS);
    });
    // A database from before report days (or of an older row format) gets them in the background;
    // until then reports read the projections (load-report-dossiers.ts).
    const reportDaysBuilt = reportDays.rebuildIfIncomplete(serial, () => closing).catch((error: unknown) => {
      console.error('report days: rebuild failed; reports read the projections', error);
    });
    // Name keys of an older layout (before pair keys) get the new ones in the background; until
    // then a name is found by the older keys only.
    const nameKeysBuilt = upgradeNameKeysIfOld({ dossiers: c.dossiers, searchkeys: c.searchkeys, settings }, serial, () => closing).catch((error: unknown) => {
      console.error('name keys: upgrade failed; the next open tries again', error);
    });
    return {
      events: createEventsRepository(c.events, projector, serial, pending),
      dossiers: afterPendingProjections(createDossierRepository(c.dossiers, c.searchkeys, blind, deadlines, (code) => projector.eventsOf(code)), pending),
      reference,
      identity: createIdentityRepository(reference),
      officers: createOfficersRepository(reference),
      printLog: createPrintLogRepository(c.printlog, options.clock, serial),
      settings,
      consultations: createConsultationRepository(c.settings, options.clock),
      reportDays: afterPendingProjections(reportDays, pending),
      projections: {
        catchUp: () => serial(() => projector.catchUp()),
        settled: () => pending.settled(),
        rebuildAll: () => serial(() => projector.rebuildAll()),
      },
      onDossiersChanged(listener) {
        const subscription = c.dossiers.$.subscribe(() => listener());
        return () => subscription.unsubscribe();
      },
      database: db,
      async close() {
        closing = true;
        await Promise.all([reportDaysBuilt, nameKeysBuilt]);
        // Wait for queued writes so that closing never cuts an append in half.
        await serial(() => projector.flush());
        deadlines.close();
        await db.close();
      },
    };
  } catch (error) {
    await db.close();
    throw error;
  }
}
