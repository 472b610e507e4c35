/**
 * Keys of the PostgreSQL advisory locks the server takes. One place, so two features never
 * share a key by accident.
 */
export const AdvisoryLock = {
  migrations: 60_601,
  /** Serialises event writers so that a pull by sequence never skips a late commit. */
  eventWriters: 60_602,
  /** Same for reference documents. */
  referenceWriters: 60_603,
  /** First key of the two-key form (its own key space): one lock per dossier, keyed by its code's hash. */
  dossierWriters: 60_604,
} as const;
