import type { PageSize } from '../../../src/bridge/desk-bridge.ts';
import type { FormModel } from '../../../src/print/forms/index.ts';
import type { PrintMark } from './FormParts.tsx';
import { NoticeSheet, ProcessControlSheet } from './NoticeSheets.tsx';
import { ReceiptDocument } from './ReceiptSheet.tsx';
import { FeeReceiptSheet } from './FeeReceiptSheet.tsx';

/** The sheets of any form model; wrapped into a printable document by `documentHtml`. */
export function FormDocument({ model, pageSize, mark }: { model: FormModel; pageSize: PageSize; mark: PrintMark }) {
  switch (model.form) {
    case 'receipt':
      return <ReceiptDocument model={model} pageSize={pageSize} mark={mark} />;
    case 'process-control':
      return <ProcessControlSheet model={model} pageSize={pageSize} mark={mark} />;
    case 'fee-receipt':
      return <FeeReceiptSheet model={model} pageSize={pageSize} mark={mark} />;
    default:
      return <NoticeSheet model={model} pageSize={pageSize} mark={mark} />;
  }
}
