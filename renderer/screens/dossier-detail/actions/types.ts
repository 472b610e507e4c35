import type { DossierEvent } from '../../../../src/dossier/events.ts';
import type { ProjectedDossier } from '../../../../src/dossier/projection.ts';
import type { DossierPersonalData } from '../../../store/index.ts';

export interface ActionFormProps {
  dossier: ProjectedDossier;
  events: readonly DossierEvent[];
  personal: DossierPersonalData;
  /** The event was stored. */
  onDone: () => void;
  onCancel: () => void;
}
