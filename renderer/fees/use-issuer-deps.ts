import { useDesk } from '../app/desk-context.tsx';
import type { FeeIssuerDeps } from './fee-receipt-issuer.ts';

/** What the fee receipt steps need of the logged-in desk. */
export function useIssuerDeps(): FeeIssuerDeps {
  const desk = useDesk();
  return { store: desk.store, identity: desk.identity, officerId: desk.officer.id, now: desk.now, newEventId: () => desk.newEventId() };
}
