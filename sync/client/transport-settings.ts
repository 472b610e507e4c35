import type { DeskStore } from '../../renderer/store/index.ts';
import { DEFAULT_TRANSPORT_SETTINGS, SYNC_TRANSPORT_KEY, transportSettingsSchema } from './server-address.ts';
import type { TransportSettings } from './server-address.ts';

/** Whether the administrator allowed plain HTTP to a server on the network (off unless set). */
export function loadTransportSettings(store: DeskStore): Promise<TransportSettings> {
  return store.settings.get(SYNC_TRANSPORT_KEY, transportSettingsSchema, DEFAULT_TRANSPORT_SETTINGS);
}

export async function saveTransportSettings(store: DeskStore, settings: TransportSettings): Promise<void> {
  await store.settings.set(SYNC_TRANSPORT_KEY, transportSettingsSchema.parse(settings));
}
