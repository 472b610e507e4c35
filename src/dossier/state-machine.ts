import { DomainError, err, ok } from '../errors.ts';
import type { Result } from '../errors.ts';
import { DossierStatus, statusLabels } from './status.ts';
import type { DossierEvent, EventType } from './events.ts';
import { eventTypes } from './events.ts';

/**
 * Legal moves between the national statuses (1–10). Choices where the law is silent:
 * - "Not yet received" is `null` or status 1 (new): only RECEIVED is possible there.
 * - ACCEPTED from 2 needs no prior transfer: a commune officer may process what they received.
 *   In 4 it is legal only while a transfer waits for its receiver (`handoverPending`), so a
 *   dossier cannot be "accepted" twice by accident.
 * - A pending hand-over does not block the other actions of status 4; only ACCEPTED reads it.
 * - SUPPLEMENT_RECEIVED returns to 4 even when the supplement was asked at reception (from 2):
 *   the complete dossier is then in processing.
 * - REFUSED is not offered in 6: once the financial obligation is asked, the dossier has been
 *   judged acceptable; the remaining exits are WITHDRAWN and STOPPED.
 * - NOTE and PRINTED never change anything and are allowed once received, even when finished
 *   (reprints of receipts and notes on returned dossiers are normal).
 */

export interface MachineState {
  status: DossierStatus;
  /** A TRANSFERRED waits for its receiver's ACCEPTED. */
  handoverPending: boolean;
}

export interface TransitionContext {
  handoverPending?: boolean;
}

const { Received, Refused, InProcessing, SupplementRequested, FinancialObligationPending, Withdrawn, Stopped, Resolved, Returned } =
  DossierStatus;

const ANY_RECEIVED: readonly DossierStatus[] = [Received, Refused, InProcessing, SupplementRequested, FinancialObligationPending, Withdrawn, Stopped, Resolved, Returned];

interface Rule {
  from: readonly DossierStatus[];
  /** `null` keeps the status. */
  to: DossierStatus | null;
}

const rules: Readonly<Record<Exclude<EventType, 'RECEIVED'>, Rule>> = {
  ACCEPTED: { from: [Received, InProcessing], to: InProcessing },
  TRANSFERRED: { from: [Received, InProcessing], to: null },
  SUPPLEMENT_REQUESTED: { from: [Received, InProcessing], to: SupplementRequested },
  SUPPLEMENT_RECEIVED: { from: [SupplementRequested], to: InProcessing },
  FINANCIAL_OBLIGATION_REQUESTED: { from: [InProcessing], to: FinancialObligationPending },
  FINANCIAL_OBLIGATION_FULFILLED: { from: [FinancialObligationPending], to: InProcessing },
  REFUSED: { from: [Received, InProcessing, SupplementRequested], to: Refused },
  RESOLVED: { from: [InProcessing], to: Resolved },
  RETURNED: { from: [Resolved], to: Returned },
  WITHDRAWN: { from: [Received, InProcessing, SupplementRequested, FinancialObligationPending], to: Withdrawn },
  STOPPED: { from: [InProcessing, SupplementRequested, FinancialObligationPending], to: Stopped },
  EXTENDED: { from: [Received, InProcessing, SupplementRequested, FinancialObligationPending], to: null },
  NOTE: { from: ANY_RECEIVED, to: null },
  PRINTED: { from: ANY_RECEIVED, to: null },
};

/** Vietnamese names of the actions, for buttons and messages. */
export const actionLabels: Readonly<Record<EventType, string>> = {
  RECEIVED: 'Tiếp nhận hồ sơ',
  SUPPLEMENT_REQUESTED: 'Yêu cầu bổ sung hồ sơ',
  SUPPLEMENT_RECEIVED: 'Nhận hồ sơ bổ sung',
  REFUSED: 'Từ chối giải quyết',
  TRANSFERRED: 'Chuyển hồ sơ',
  ACCEPTED: 'Nhận xử lý hồ sơ',
  RESOLVED: 'Hoàn thành giải quyết',
  RETURNED: 'Trả kết quả',
  WITHDRAWN: 'Rút hồ sơ theo yêu cầu',
  STOPPED: 'Dừng giải quyết',
  EXTENDED: 'Xin lỗi và hẹn lại ngày trả',
  FINANCIAL_OBLIGATION_REQUESTED: 'Yêu cầu thực hiện nghĩa vụ tài chính',
  FINANCIAL_OBLIGATION_FULFILLED: 'Ghi nhận đã thực hiện nghĩa vụ tài chính',
  NOTE: 'Ghi chú',
  PRINTED: 'In phiếu',
};

const notReceived = (status: DossierStatus | null): boolean => status === null || status === DossierStatus.New;

/** The actions an officer may take now, in the canonical event order; the UI offers only these. */
export function allowedActions(status: DossierStatus | null, context: TransitionContext = {}): EventType[] {
  return eventTypes.filter((type) => applyTransition(status, { type }, context).ok);
}

/** The state after `event`, or why it is illegal now. Pure: the caller keeps the state. */
export function applyTransition(
  status: DossierStatus | null,
  event: Pick<DossierEvent, 'type'>,
  context: TransitionContext = {},
): Result<MachineState> {
  const handoverPending = context.handoverPending ?? false;
  const label = actionLabels[event.type];
  if (event.type === 'RECEIVED') {
    if (notReceived(status)) return ok({ status: Received, handoverPending: false });
    return err(
      new DomainError('transition.already_received', `Không thể "${label}": hồ sơ với mã này đã được tiếp nhận trước đó.`, undefined, {
        type: event.type,
        status,
      }),
    );
  }
  if (status === null || notReceived(status)) {
    return err(
      new DomainError('transition.not_received', `Không thể "${label}": hồ sơ chưa được tiếp nhận.`, undefined, { type: event.type, status }),
    );
  }
  const rule = rules[event.type];
  if (!rule.from.includes(status)) {
    return err(
      new DomainError('transition.illegal', `Không thể "${label}" khi hồ sơ đang ở trạng thái "${statusLabels[status]}".`, undefined, {
        type: event.type,
        status,
      }),
    );
  }
  if (event.type === 'ACCEPTED' && status === InProcessing && !handoverPending) {
    return err(
      new DomainError(
        'transition.not_handed_over',
        `Không thể "${label}": hồ sơ đang được giải quyết và không có lần chuyển nào chờ nhận.`,
        undefined,
        { type: event.type, status },
      ),
    );
  }
  const nextPending = event.type === 'TRANSFERRED' ? true : event.type === 'ACCEPTED' ? false : handoverPending;
  return ok({ status: rule.to ?? status, handoverPending: nextPending });
}
