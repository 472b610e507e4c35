import { useCallback } from 'react';
import { createEvent } from '../../../../src/dossier/events.ts';
import type { EventOf, PayloadInput } from '../../../../src/dossier/events.ts';
import type { TrackingAction } from '../role-actions.ts';
import { useDesk } from '../../../app/desk-context.tsx';

/**
 * Builds the event of an action or a digitised file (validated by its schema) and appends it through the store,
 * which stores it and re-projects the dossier, or stores nothing and throws.
 */
export function useRecordEvent() {
  const desk = useDesk();
  return useCallback(
    async <T extends TrackingAction | 'ATTACHED'>(type: T, dossierCode: string, payload: PayloadInput<T>): Promise<EventOf<T>> => {
      const event = createEvent(
        {
          type,
          dossierCode,
          officerId: desk.officer.id,
          deskId: desk.identity.deskId,
          unitId: desk.identity.agencyId,
          payload,
        },
        { nextId: desk.newEventId, now: desk.now },
      );
      await desk.store.events.append(event);
      return event;
    },
    [desk],
  );
}

/** The officer-facing text of a failure; domain and store errors are already Vietnamese. */
export function failureText(error: unknown): string {
  if (error instanceof Error && error.message) return error.message;
  return 'Không ghi được thao tác. Hãy thử lại.';
}
