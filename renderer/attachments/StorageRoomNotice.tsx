import { useEffect, useState } from 'react';
import { useDesk } from '../app/desk-context.tsx';
import { Notice } from '../components/Notice.tsx';
import { useDossierChanges } from '../components/use-live.ts';
import type { StorageRoom } from '../store/storage-room.ts';

/**
 * The desk's storage, checked when the shell opens and after each change (a saved scan is one):
 * a warning over every screen while there is still room for weeks of scanning, an error once new
 * files are refused. Nothing when all is well.
 */
export function StorageRoomNotice() {
  const { blobs, store } = useDesk();
  const version = useDossierChanges(store);
  const [room, setRoom] = useState<StorageRoom | null>(null);
  useEffect(() => {
    let cancelled = false;
    blobs.room().then((next) => !cancelled && setRoom(next), () => undefined);
    return () => {
      cancelled = true;
    };
  }, [blobs, version]);
  if (!room?.message) return null;
  return (
    <Notice tone={room.level === 'full' ? 'error' : 'warning'} testId="storage-room">
      {room.message}
    </Notice>
  );
}
