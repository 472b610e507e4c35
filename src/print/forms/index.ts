export * from './common.ts';
export * from './receipt.ts';
export * from './notices.ts';
export * from './process-control.ts';
export * from './parties.ts';
export * from './fee-receipt.ts';
export * from './form-numbers.ts';

import type { ApologyModel, RefusalModel, StopNoticeModel, SupplementRequestModel } from './notices.ts';
import type { ProcessControlModel } from './process-control.ts';
import type { ReceiptModel } from './receipt.ts';
import type { FeeReceiptModel } from './fee-receipt.ts';

/** Every printable document model, told apart by `form` (the print log's form names). */
export type FormModel = ReceiptModel | SupplementRequestModel | RefusalModel | ApologyModel | StopNoticeModel | ProcessControlModel | FeeReceiptModel;
export * from './cash-up.ts';
