import { Dialog } from '../../../components/Dialog.tsx';
import { actionLabelFor } from '../role-actions.ts';
import type { TrackingAction } from '../role-actions.ts';
import { ExtendForm } from './ExtendForm.tsx';
import { ReasonForm } from './ReasonForm.tsx';
import { ReturnForm } from './ReturnForm.tsx';
import { ObligationFulfilledForm, ObligationRequestForm } from './ObligationForms.tsx';
import { AcceptForm, ResolveForm, SupplementReceivedForm } from './SimpleActions.tsx';
import { WithdrawForm } from './WithdrawForm.tsx';
import { SupplementRequestForm } from './SupplementRequestForm.tsx';
import { TransferForm } from './TransferForm.tsx';
import type { ActionFormProps } from './types.ts';

export function ActionDialog({ action, ...props }: ActionFormProps & { action: TrackingAction }) {
  return (
    <Dialog title={`${actionLabelFor(action, props.dossier)} – ${props.dossier.code}`} onClose={props.onCancel} wide={action === 'EXTENDED' || action === 'RETURNED' || action === 'WITHDRAWN'}>
      <ActionForm action={action} {...props} />
    </Dialog>
  );
}

function ActionForm({ action, ...props }: ActionFormProps & { action: TrackingAction }) {
  switch (action) {
    case 'ACCEPTED':
      return <AcceptForm {...props} />;
    case 'TRANSFERRED':
      return <TransferForm {...props} />;
    case 'SUPPLEMENT_REQUESTED':
      return <SupplementRequestForm {...props} />;
    case 'SUPPLEMENT_RECEIVED':
      return <SupplementReceivedForm {...props} />;
    case 'FINANCIAL_OBLIGATION_REQUESTED':
      return <ObligationRequestForm {...props} />;
    case 'FINANCIAL_OBLIGATION_FULFILLED':
      return <ObligationFulfilledForm {...props} />;
    case 'RESOLVED':
      return <ResolveForm {...props} />;
    case 'RETURNED':
      return <ReturnForm {...props} />;
    case 'EXTENDED':
      return <ExtendForm {...props} />;
    case 'WITHDRAWN':
      return <WithdrawForm {...props} />;
    case 'REFUSED':
    case 'STOPPED':
      return <ReasonForm type={action} {...props} />;
  }
}
