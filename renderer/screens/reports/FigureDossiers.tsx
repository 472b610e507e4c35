import type { DossierState } from '../../../src/dossier/dossier-state.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { formatDay, formatInstant } from '../../components/format.ts';
import { StatusBadge } from '../../components/StatusBadge.tsx';

export interface FigureSelection {
  title: string;
  codes: readonly string[];
}

const SHOWN = 1_000;

/** The dossiers behind one figure (the click-through); Enter or click opens a dossier. */
export function FigureDossiers({
  selection,
  byCode,
  onOpen,
  onClose,
}: {
  selection: FigureSelection;
  byCode: ReadonlyMap<string, DossierState>;
  onOpen: (code: string) => void;
  onClose: () => void;
}) {
  const shown = selection.codes.slice(0, SHOWN);
  return (
    <Dialog title={`${selection.title} – ${selection.codes.length.toLocaleString('vi-VN')} hồ sơ`} onClose={onClose} wide>
      <div className="figure-dossiers" data-testid="figure-dossiers">
        <table className="report-list">
          <thead>
            <tr>
              <th>Mã hồ sơ</th>
              <th>Người nộp</th>
              <th>Thủ tục</th>
              <th>Ngày nhận</th>
              <th>Hẹn trả</th>
              <th>Kết thúc</th>
              <th>Trạng thái</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((code) => {
              const dossier = byCode.get(code);
              return (
                <tr key={code}>
                  <td>
                    <button type="button" className="link-button" onClick={() => onOpen(code)}>
                      {code}
                    </button>
                  </td>
                  <td>{dossier?.applicantName}</td>
                  <td>{dossier?.procedureName}</td>
                  <td>{formatInstant(dossier?.receivedAt)}</td>
                  <td>{formatDay(dossier?.dueAt)}</td>
                  <td>{formatDay(dossier?.finishedAt)}</td>
                  <td>{dossier && <StatusBadge status={dossier.status} />}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
        {selection.codes.length > SHOWN && (
          <p className="list-note">{`Hiển thị ${SHOWN.toLocaleString('vi-VN')} hồ sơ đầu tiên. Xuất Excel để có đủ số liệu.`}</p>
        )}
      </div>
    </Dialog>
  );
}
