import { useEffect, useMemo, useState } from 'react';
import { roleMayRecord } from '../../src/auth/role-permissions.ts';
import type { DossierEvent } from '../../src/dossier/events.ts';
import { projectDossier, type ProjectedDossier } from '../../src/dossier/projection.ts';
import { allowedActions } from '../../src/dossier/state-machine.ts';
import { unitWithAccountSchema, type UnitBankAccount } from '../../src/fees/bank-account.ts';
import type { FeeReceipt } from '../../src/fees/fee-receipts.ts';
import { formatDong } from '../../src/fees/format-dong.ts';
import { paymentMethodLabels, paymentMethods, type PaymentMethod } from '../../src/fees/payment-method.ts';
import { receiptLabel } from '../../src/fees/receipt-series.ts';
import { useDesk } from '../app/desk-context.tsx';
import { Dialog } from '../components/Dialog.tsx';
import { Notice } from '../components/Notice.tsx';
import { PrintFormDialog } from '../print/PrintFormDialog.tsx';
import { FormButtons, FormField } from '../screens/dossier-detail/actions/FormField.tsx';
import { issueFeeReceipt, voidFeeReceipt } from './fee-receipt-issuer.ts';
import { useIssuerDeps } from './use-issuer-deps.ts';
import { VoidReasonDialog } from './VoidReasonDialog.tsx';
import './fees.css';

type Ref = { symbol: string; number: number };

/** The unit's fee account as the server sent it with the unit's data, or null. */
function useBankAccount(): UnitBankAccount | null {
  const desk = useDesk();
  const [account, setAccount] = useState<UnitBankAccount | null>(null);
  useEffect(() => {
    let live = true;
    void desk.store.reference.get('unit', desk.identity.agencyId, unitWithAccountSchema).then((unit) => {
      if (live) setAccount(unit?.value.bankAccount ?? null);
    });
    return () => {
      live = false;
    };
  }, [desk]);
  return account;
}

/**
 * Phí, lệ phí of a dossier: its receipts (voided ones marked), "Thu phí, lệ phí" when the dossier
 * may take one and the officer may collect, and per receipt a reprint and a void with a reason.
 */
export function FeePanel({ events, deskUnitId }: { events: readonly DossierEvent[]; deskUnitId: string }) {
  const desk = useDesk();
  const dossier = useMemo(() => projectDossier(events), [events]);
  const received = events.find((e) => e.type === 'RECEIVED');
  const [collecting, setCollecting] = useState(false);
  const [voiding, setVoiding] = useState<FeeReceipt | null>(null);
  const [printing, setPrinting] = useState<Ref | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const legal = allowedActions(dossier.status, { handoverPending: dossier.handoverPending, holderUnitId: dossier.holderUnitId, receivingUnitId: dossier.receivingUnitId }, deskUnitId);
  const mayCollect = legal.includes('FEE_RECEIPT_ISSUED') && roleMayRecord(desk.officer.role, 'FEE_RECEIPT_ISSUED');
  const mayVoid = legal.includes('FEE_RECEIPT_VOIDED') && roleMayRecord(desk.officer.role, 'FEE_RECEIPT_VOIDED');
  const due = received?.type === 'RECEIVED' ? received.payload.fee.amount : 0;

  return (
    <section className="fee-panel" aria-labelledby="fee-panel-title" data-testid="fee-panel">
      <header>
        <h2 id="fee-panel-title">Phí, lệ phí</h2>
        <span className="muted">Phải thu theo tiếp nhận: {due === 0 ? 'Miễn phí' : formatDong(due)}</span>
        {mayCollect && (
          <button type="button" className="btn btn-primary" onClick={() => setCollecting(true)}>
            Thu phí, lệ phí
          </button>
        )}
      </header>
      {done && <Notice tone="success" testId="fee-done">{done}</Notice>}
      {dossier.feeReceipts.length === 0 ? (
        <p className="muted">Chưa có biên lai thu phí, lệ phí.</p>
      ) : (
        <table className="fee-receipts" data-testid="fee-receipts">
          <thead>
            <tr>
              <th>Biên lai</th>
              <th>Số tiền</th>
              <th>Hình thức</th>
              <th>Trạng thái</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {dossier.feeReceipts.map((receipt) => (
              <tr key={`${receipt.symbol}/${receipt.number}`} className={receipt.voided ? 'voided' : undefined}>
                <td>{receiptLabel(receipt)}</td>
                <td className="num">{receipt.method ? formatDong(receipt.amount) : '—'}</td>
                <td>{receipt.method ? paymentMethodLabels[receipt.method] : 'Số giữ chỗ'}</td>
                <td>{receipt.voided ? `Đã hủy: ${receipt.voided.reason}` : 'Đã thu'}</td>
                <td className="actions">
                  {receipt.method && (
                    <button type="button" className="btn" onClick={() => setPrinting(receipt)}>
                      In biên lai
                    </button>
                  )}
                  {mayVoid && !receipt.voided && (
                    <button type="button" className="btn btn-danger" onClick={() => setVoiding(receipt)}>
                      Hủy biên lai
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {collecting && received?.type === 'RECEIVED' && (
        <CollectFeeDialog
          dossier={dossier}
          suggested={due}
          payerName={received.payload.applicant.fullName}
          description={`Phí, lệ phí: ${received.payload.procedureName}`}
          onCancel={() => setCollecting(false)}
          onIssued={(ref) => {
            setCollecting(false);
            setDone(`Đã lập biên lai ${receiptLabel(ref)}.`);
            setPrinting(ref);
          }}
        />
      )}
      {voiding && (
        <VoidFeeDialog
          receipt={voiding}
          onCancel={() => setVoiding(null)}
          onVoided={() => {
            const ref = { symbol: voiding.symbol, number: voiding.number };
            setVoiding(null);
            setDone(`Đã hủy biên lai ${receiptLabel(ref)}.`);
            setPrinting(ref);
          }}
        />
      )}
      {printing && <PrintFormDialog form="fee-receipt" dossierCode={dossier.code} receipt={printing} onClose={() => setPrinting(null)} />}
    </section>
  );
}

function CollectFeeDialog(props: {
  dossier: ProjectedDossier;
  suggested: number;
  payerName: string;
  description: string;
  onCancel: () => void;
  onIssued: (ref: Ref) => void;
}) {
  const deps = useIssuerDeps();
  const account = useBankAccount();
  const [amount, setAmount] = useState(props.suggested > 0 ? String(props.suggested) : '');
  const [method, setMethod] = useState<PaymentMethod>('cash');
  const [payer, setPayer] = useState(props.payerName);
  const [description, setDescription] = useState(props.description);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setFailure(null);
    const digits = amount.replace(/[.\s]/g, '');
    if (!/^-?\d+(,\d+)?$/.test(digits)) {
      setFailure('Số tiền phải là số nguyên (đồng), ví dụ 8000 hoặc 8.000.');
      return;
    }
    setBusy(true);
    try {
      const issued = await issueFeeReceipt(
        { dossierCode: props.dossier.code, amount: Number(digits.replace(',', '.')), description, method, payer: { fullName: payer }, bankAccount: account },
        deps,
      );
      props.onIssued(issued.payload);
    } catch (error) {
      setFailure(error instanceof Error ? error.message : 'Không lập được biên lai.');
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog title={`Thu phí, lệ phí – ${props.dossier.code}`} onClose={props.onCancel} wide>
      <form className="form-grid" onSubmit={submit} noValidate>
        <FormField id="fee-amount" label="Số tiền (đồng)">
          <input id="fee-amount" inputMode="numeric" value={amount} onChange={(e) => setAmount(e.target.value)} autoFocus />
        </FormField>
        <fieldset className="fee-methods">
          <legend>Hình thức thanh toán</legend>
          {paymentMethods.map((m) => (
            <label key={m}>
              <input type="radio" name="fee-method" value={m} checked={method === m} onChange={() => setMethod(m)} /> {paymentMethodLabels[m]}
            </label>
          ))}
        </fieldset>
        {method !== 'cash' && (
          <p className="muted" data-testid="fee-account">
            {account
              ? `Tài khoản thu: ${account.accountNumber} – ${account.accountName} (BIN ${account.bankBin})`
              : 'Đơn vị chưa có tài khoản thu phí trên máy chủ tỉnh.'}
          </p>
        )}
        <FormField id="fee-payer" label="Người nộp tiền">
          <input id="fee-payer" value={payer} onChange={(e) => setPayer(e.target.value)} />
        </FormField>
        <FormField id="fee-description" label="Nội dung thu">
          <input id="fee-description" value={description} onChange={(e) => setDescription(e.target.value)} />
        </FormField>
        {failure && <Notice tone="error" testId="fee-error">{failure}</Notice>}
        <FormButtons submitLabel="Lập biên lai và in" busy={busy} onCancel={props.onCancel} />
      </form>
    </Dialog>
  );
}

function VoidFeeDialog({ receipt, onCancel, onVoided }: { receipt: FeeReceipt; onCancel: () => void; onVoided: () => void }) {
  const deps = useIssuerDeps();
  return (
    <VoidReasonDialog
      title={`Hủy biên lai ${receiptLabel(receipt)}`}
      idPrefix="void"
      reasonLabel="Lý do hủy (in trên biên lai đã hủy)"
      submitLabel="Hủy biên lai"
      missingReason="Cần ghi rõ lý do hủy biên lai."
      fallbackFailure="Không hủy được biên lai."
      onVoid={async (reason) => {
        await voidFeeReceipt(receipt, reason, deps);
        onVoided();
      }}
      onCancel={onCancel}
    />
  );
}
