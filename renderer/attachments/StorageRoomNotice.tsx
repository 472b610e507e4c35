import { useEffect, useState } from 'react';
import { useDesk } from '../app/desk-context.tsx';
import { Notice } from '../components/Notice.tsx';
import { useDossierChanges } from '../components/use-live.ts';
import type { BlobStore } from '../store/blob-store.ts';
import type { StorageRoom } from '../store/storage-room.ts';
import './attachments.css';

/**
 * The desk's storage, checked when the shell opens and after each change (a saved scan is one):
 * a warning over every screen while there is still room for weeks of scanning, an error once new
 * files are refused. Nothing when all is well.
 */
export function StorageRoomNotice() {
  const { blobs, store } = useDesk();
  const room = useStorageRoom(blobs, useDossierChanges(store));
  if (!room?.message) return null;
  return (
    <div className="storage-room-banner">
      <Notice tone={room.level === 'full' ? 'error' : 'warning'} testId="storage-room">
        {room.message}
      </Notice>
    </div>
  );
}

/** How full the desk's storage is, read again whenever `version` changes; null until known. */
export function useStorageRoom(blobs: Pick<BlobStore, 'room'>, version = 0): StorageRoom | null {
  const [room, setRoom] = useState<StorageRoom | null>(null);
  useEffect(() => {
    let cancelled = false;
    blobs.room().then((next) => !cancelled && setRoom(next), () => undefined);
    return () => {
      cancelled = true;
    };
  }, [blobs, version]);
  return room;
}
