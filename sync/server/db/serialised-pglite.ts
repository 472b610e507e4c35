import { PGliteDialect, type DatabaseConnection, type Driver, type TransactionSettings } from 'kysely';

/**
 * Kysely's PGlite driver hands every caller the one PGlite connection at once: a query from another
 * request then runs inside whatever transaction is open, and two concurrent transactions overwrite
 * each other's commit hooks and hang. This dialect lets one caller (one query, or one whole
 * transaction) hold the connection at a time; the others queue.
 */
export class SerialisedPGliteDialect extends PGliteDialect {
  override createDriver(): Driver {
    return new SerialisedDriver(super.createDriver());
  }
}

class SerialisedDriver implements Driver {
  readonly #inner: Driver;
  #tail: Promise<void> = Promise.resolve();
  #release: (() => void) | undefined;

  constructor(inner: Driver) {
    this.#inner = inner;
  }

  init(): Promise<void> {
    return this.#inner.init();
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    const previous = this.#tail;
    let release!: () => void;
    this.#tail = new Promise((resolve) => (release = resolve));
    await previous;
    this.#release = release;
    try {
      return await this.#inner.acquireConnection();
    } catch (error) {
      this.#freeConnection();
      throw error;
    }
  }

  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    try {
      await this.#inner.releaseConnection(connection);
    } finally {
      this.#freeConnection();
    }
  }

  beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    return this.#inner.beginTransaction(connection, settings);
  }

  commitTransaction(connection: DatabaseConnection): Promise<void> {
    return this.#inner.commitTransaction(connection);
  }

  rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    return this.#inner.rollbackTransaction(connection);
  }

  destroy(): Promise<void> {
    return this.#inner.destroy();
  }

  #freeConnection(): void {
    const release = this.#release;
    this.#release = undefined;
    release?.();
  }
}
