import { closeSync, linkSync, openSync, readFileSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';

/** The file inside a PGlite data directory that says which process owns it. */
export const LOCK_FILE_NAME = 'motcua-server.lock';

export class DataDirLockedError extends Error {
  override readonly name = 'DataDirLockedError';
  constructor(
    readonly dataDir: string,
    readonly ownerPid: number,
  ) {
    super(
      `The data directory ${dataDir} is already used by process ${ownerPid} (lock file ${join(dataDir, LOCK_FILE_NAME)}). ` +
        'PGlite allows one process per directory: stop the other server, or point this one at another --data directory.',
    );
  }
}

export interface DataDirLock {
  path: string;
  release(): void;
}

interface LockOwner {
  pid: number;
  host: string;
}

/**
 * Takes the data directory for this process. PGlite does not lock its directory itself, and two
 * processes writing one directory corrupt it. A lock left by a dead process is taken over.
 */
export function acquireDataDirLock(dataDir: string): DataDirLock {
  const path = join(dataDir, LOCK_FILE_NAME);
  const me: LockOwner = { pid: process.pid, host: hostname() };
  for (let attempt = 0; attempt < 3; attempt += 1) {
    if (tryCreate(path, me)) return { path, release: () => releaseLock(path, me) };
    const owner = readOwner(path);
    if (owner === 'missing') continue;
    if (owner !== 'unreadable' && isAlive(owner)) throw new DataDirLockedError(dataDir, owner.pid);
    takeOverStale(path, owner);
  }
  throw new Error(`Could not take the lock file ${path}: another process keeps replacing it.`);
}

function tryCreate(path: string, me: LockOwner): boolean {
  let fd: number;
  try {
    fd = openSync(path, 'wx', 0o644);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    writeSync(fd, JSON.stringify({ ...me, since: new Date().toISOString() }));
  } finally {
    closeSync(fd);
  }
  return true;
}

function readOwner(path: string): LockOwner | 'missing' | 'unreadable' {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'missing';
    throw error;
  }
  try {
    const parsed = JSON.parse(text) as Partial<LockOwner>;
    if (typeof parsed.pid === 'number' && Number.isInteger(parsed.pid) && parsed.pid > 0) {
      return { pid: parsed.pid, host: typeof parsed.host === 'string' ? parsed.host : '' };
    }
  } catch {
    // A lock file cut short by a crash while being written: its writer is gone.
  }
  return 'unreadable';
}

function isAlive(owner: LockOwner): boolean {
  // A pid from another machine (a shared disk) cannot be checked: assume it is alive.
  if (owner.host !== hostname()) return true;
  try {
    process.kill(owner.pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Moves the stale file aside atomically so that two processes taking over at once cannot both
 * win: if the file moved is not the stale one we read, someone else already took the lock and
 * we put theirs back.
 */
function takeOverStale(path: string, stale: LockOwner | 'unreadable'): void {
  const aside = `${path}.stale-${process.pid}-${Date.now()}`;
  try {
    renameSync(path, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  const moved = readOwner(aside);
  const sameAsRead =
    stale === 'unreadable' ? moved === 'unreadable' : typeof moved === 'object' && moved.pid === stale.pid && moved.host === stale.host;
  if (!sameAsRead) {
    try {
      linkSync(aside, path);
    } catch {
      // The directory was taken again meanwhile; the next attempt reads the new owner.
    }
  }
  unlinkSync(aside);
}

function releaseLock(path: string, me: LockOwner): void {
  const owner = readOwner(path);
  if (typeof owner === 'object' && owner.pid === me.pid && owner.host === me.host) unlinkSync(path);
}
