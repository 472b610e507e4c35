import { DomainError, err, ok } from '../errors.ts';
import type { Result } from '../errors.ts';
import { DossierStatus, statusLabels } from './status.ts';
import type { EventType } from './events.ts';
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
 * - TRANSFERRED in 9 (resolved) hands the result back: the processing unit returns it to the
 *   one-stop desk that received the dossier, which hands it to the citizen (RETURNED). It is legal
 *   only while the dossier is held away from its receiving unit, only to that unit, and opens no
 *   hand-over (nothing is left to accept: the return is the receiving unit's next step).
 *
 * The holder rule: every event but RECEIVED is legal only from the unit that holds the dossier now
 * (`holderUnitId`: the receiving unit until a transfer, then the unit it was transferred to). Once
 * a unit hands a dossier on, it records nothing more on it until the dossier comes back, NOTE and
 * PRINTED included, as the rule was written (issue 18: "every event"). Reception flows checked
 * against it: the process control slip goes with the paper file, so it is printed before the
 * transfer (the transfer form says so); the receipt a citizen lost is reprinted by the unit that
 * holds the dossier, or by the receiving desk once the result is handed back for return, and in
 * between the public lookup answers the citizen by code. Letting former holders keep writing NOTE
 * and PRINTED would let every unit a dossier ever passed through write into its route for good.
 * The desk offers actions with the same rule (`allowedActions` with the acting unit) and the
 * server refuses what it forbids through the projection.
 */

export interface MachineState {
  status: DossierStatus;
  /** A TRANSFERRED waits for its receiver's ACCEPTED. */
  handoverPending: boolean;
}

export interface TransitionContext {
  handoverPending?: boolean;
  /** The unit that holds the dossier now (the projection's `holderUnitId`). */
  holderUnitId?: string;
  /** The unit that received it (the projection's `receivingUnitId`): where a result goes back. */
  receivingUnitId?: string;
}

/** What the state machine reads of an event. */
export interface TransitionEvent {
  type: EventType;
  /** The acting unit: the holder rule applies whenever it and the holder are known. */
  unitId?: string;
  /** A TRANSFERRED's destination, when known (the projection always knows it; a menu does not yet). */
  toUnitId?: string;
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
  TRANSFERRED: { from: [Received, InProcessing, Resolved], to: null },
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
  // A fee is collected while the dossier is open or resolved and not yet handed back; a refused,
  // withdrawn, stopped or returned dossier takes no new receipt. A void stays possible whatever
  // the status: a wrong receipt found later must still be cancelled.
  FEE_RECEIPT_ISSUED: { from: [Received, InProcessing, SupplementRequested, FinancialObligationPending, Resolved], to: null },
  FEE_RECEIPT_VOIDED: { from: ANY_RECEIVED, to: null },
  // Papers are digitised from reception on, results once resolved, and a late scan still counts.
  ATTACHED: { from: ANY_RECEIVED, to: null },
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
  FEE_RECEIPT_ISSUED: 'Thu phí, lệ phí',
  FEE_RECEIPT_VOIDED: 'Hủy biên lai thu phí, lệ phí',
  ATTACHED: 'Số hóa giấy tờ',
};

const notReceived = (status: DossierStatus | null): boolean => status === null || status === DossierStatus.New;

/**
 * The actions an officer may take now, in the canonical event order; the UI offers only these.
 * With `actingUnitId` (the desk's unit) and the holder in `context`, the holder rule applies too.
 */
export function allowedActions(status: DossierStatus | null, context: TransitionContext = {}, actingUnitId?: string): EventType[] {
  return eventTypes.filter((type) => applyTransition(status, actingUnitId === undefined ? { type } : { type, unitId: actingUnitId }, context).ok);
}

/** The state after `event`, or why it is illegal now. Pure: the caller keeps the state. */
export function applyTransition(
  status: DossierStatus | null,
  event: TransitionEvent,
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
  const holderProblem = holderRefusal(event, context);
  if (holderProblem) return err(holderProblem);
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
  if (event.type === 'TRANSFERRED' && status === Resolved) {
    const problem = handBackRefusal(event, context);
    if (problem) return err(problem);
    return ok({ status, handoverPending: false });
  }
  const nextPending = event.type === 'TRANSFERRED' ? true : event.type === 'ACCEPTED' ? false : handoverPending;
  return ok({ status: rule.to ?? status, handoverPending: nextPending });
}

/** The holder rule (see the top of this file): only the unit holding the dossier now acts on it. */
function holderRefusal(event: TransitionEvent, { holderUnitId }: TransitionContext): DomainError | null {
  if (event.unitId === undefined || holderUnitId === undefined || event.unitId === holderUnitId) return null;
  const message =
    event.type === 'ACCEPTED'
      ? `Cán bộ của đơn vị ${event.unitId} không thể nhận xử lý hồ sơ đang ở đơn vị ${holderUnitId}.`
      : `Không thể "${actionLabels[event.type]}": hồ sơ đang do đơn vị ${holderUnitId} giữ, đơn vị ${event.unitId} không còn thao tác được trên hồ sơ này.`;
  return new DomainError('transition.wrong_unit', message, undefined, { type: event.type, unitId: event.unitId, holderUnitId });
}

/** A resolved dossier goes back to its receiving unit, once, from wherever it was resolved. */
function handBackRefusal(event: TransitionEvent, { holderUnitId, receivingUnitId }: TransitionContext): DomainError | null {
  const label = actionLabels[event.type];
  if (holderUnitId === undefined || receivingUnitId === undefined || holderUnitId === receivingUnitId) {
    return new DomainError(
      'transition.illegal',
      `Không thể "${label}" khi hồ sơ đã giải quyết xong tại đơn vị tiếp nhận: bước tiếp theo là trả kết quả cho công dân.`,
      undefined,
      { type: event.type, status: Resolved },
    );
  }
  if (event.toUnitId !== undefined && event.toUnitId !== receivingUnitId) {
    return new DomainError(
      'transition.hand_back_elsewhere',
      `Hồ sơ đã giải quyết chỉ được chuyển trả kết quả về đơn vị tiếp nhận ${receivingUnitId}, không chuyển đến ${event.toUnitId}.`,
      ['payload', 'toUnitId'],
      { type: event.type, receivingUnitId, toUnitId: event.toUnitId },
    );
  }
  return null;
}
