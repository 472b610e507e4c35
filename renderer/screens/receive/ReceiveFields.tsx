import { useWatch } from 'react-hook-form';
import type { Control, UseFormGetValues, UseFormRegister, UseFormSetValue } from 'react-hook-form';
import type { Procedure } from '../../../src/catalogue/procedure-schema.ts';
import { formatDong } from '../../../src/fees/format-dong.ts';
import { amountInWords } from '../../../src/fees/amount-in-words.ts';
import { ApplicantKindSwitch, OrganisationFields, RepresentativeFields } from './ApplicantPartyFields.tsx';
import { feeFor } from './receive-form.ts';
import type { ReceiveErrors, ReceiveValues } from './receive-form.ts';

type Register = UseFormRegister<ReceiveValues>;

function Message({ text }: { text: string | undefined }) {
  return text ? (
    <span className="field-error" role="alert">
      {text}
    </span>
  ) : null;
}

export function ApplicantFields({
  register,
  control,
  setValue,
  getValues,
  errors,
  nameRef,
}: {
  register: Register;
  control: Control<ReceiveValues>;
  setValue: UseFormSetValue<ReceiveValues>;
  getValues: UseFormGetValues<ReceiveValues>;
  errors: ReceiveErrors;
  nameRef: (el: HTMLInputElement | null) => void;
}) {
  const name = register('fullName');
  const organisation = useWatch({ control, name: 'applicantKind' }) === 'organisation';
  return (
    <fieldset className="panel applicant">
      <legend>
        Người nộp hồ sơ <kbd>F3</kbd>
      </legend>
      <ApplicantKindSwitch register={register} />
      <div className="grid-applicant">
        <label className="span-2">
          {organisation ? 'Tên tổ chức' : 'Họ và tên'}
          <input
            {...name}
            ref={(el) => {
              name.ref(el);
              nameRef(el);
            }}
            autoComplete="off"
            aria-invalid={errors.fullName ? true : undefined}
          />
          <Message text={errors.fullName} />
        </label>
        {organisation ? (
          <OrganisationFields register={register} errors={errors} />
        ) : (
          <>
            <label>
              Số định danh (CCCD)
              <input {...register('citizenId')} inputMode="numeric" autoComplete="off" maxLength={14} aria-invalid={errors.citizenId ? true : undefined} />
              <Message text={errors.citizenId} />
            </label>
            <label>
              Ngày sinh
              <input {...register('birthDate')} placeholder="dd/mm/yyyy" autoComplete="off" aria-invalid={errors.birthDate ? true : undefined} />
              <Message text={errors.birthDate} />
            </label>
            <label>
              Giới tính
              <select {...register('sex')}>
                <option value="">—</option>
                <option value="male">Nam</option>
                <option value="female">Nữ</option>
              </select>
            </label>
          </>
        )}
        <label>
          Số điện thoại
          <input {...register('phone')} inputMode="tel" autoComplete="off" aria-invalid={errors.phone ? true : undefined} />
          <Message text={errors.phone} />
        </label>
        <label className="span-2">
          Thư điện tử
          <input {...register('email')} type="text" inputMode="email" autoComplete="off" aria-invalid={errors.email ? true : undefined} />
          <Message text={errors.email} />
        </label>
        <label className="span-4">
          {organisation ? 'Địa chỉ trụ sở' : 'Địa chỉ'}
          <input {...register('address')} autoComplete="off" aria-invalid={errors.address ? true : undefined} />
          <Message text={errors.address} />
        </label>
        <RepresentativeFields register={register} control={control} errors={errors} setValue={setValue} getValues={getValues} />
      </div>
    </fieldset>
  );
}

/** Re-renders only when the papers change (the rest of the form must stay cheap to type into). */
export function PapersChecklist({ register, control, errors }: { register: Register; control: Control<ReceiveValues>; errors: ReceiveErrors }) {
  const papers = useWatch({ control, name: 'papers' });
  return (
    <fieldset className="panel papers-panel">
      <legend>Thành phần hồ sơ</legend>
      {papers.length === 0 ? (
        <p className="muted">Chọn thủ tục để hiện danh mục giấy tờ.</p>
      ) : (
        <table className="papers-table">
          <thead>
            <tr>
              <th />
              <th>Giấy tờ</th>
              <th>Bản chính</th>
              <th>Bản sao</th>
            </tr>
          </thead>
          <tbody>
            {papers.map((paper, index) => (
              <tr key={paper.name} className={paper.checked ? undefined : 'unchecked'}>
                <td>
                  <input type="checkbox" {...register(`papers.${index}.checked`)} aria-label={`Đã nộp: ${paper.name}`} />
                </td>
                <td>
                  {paper.name}
                  {paper.optional && <span className="tag">nếu có</span>}
                  {paper.presentOnly && <span className="tag">xuất trình</span>}
                  <Message text={errors[`papers.${index}`]} />
                </td>
                {paper.presentOnly ? (
                  // Shown at the desk and given back: recorded as such, no counts to type.
                  <td colSpan={2} className="presented">
                    Chỉ xuất trình
                  </td>
                ) : (
                  <>
                    <td>
                      <input className="count" {...register(`papers.${index}.originals`)} inputMode="numeric" aria-label={`Bản chính: ${paper.name}`} />
                    </td>
                    <td>
                      <input className="count" {...register(`papers.${index}.copies`)} inputMode="numeric" aria-label={`Bản sao: ${paper.name}`} />
                    </td>
                  </>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </fieldset>
  );
}

export function FeeAndDelivery({
  register,
  control,
  procedure,
  errors: e,
}: {
  register: Register;
  control: Control<ReceiveValues>;
  procedure: Procedure | null;
  errors: ReceiveErrors;
}) {
  const [pages, feeCopies, sets, overrideAmount] = useWatch({ control, name: ['pages', 'feeCopies', 'sets', 'overrideAmount'] });
  const fee = procedure ? feeFor(procedure, { pages, feeCopies, sets, overrideAmount }) : null;
  const rule = procedure?.fee;
  return (
    <fieldset className="panel fee-panel">
      <legend>Số bộ, lệ phí và trả kết quả</legend>
      <div className="grid-fee">
        <label>
          Số bộ hồ sơ
          <input className="count" {...register('sets')} inputMode="numeric" aria-invalid={e.sets ? true : undefined} />
          <Message text={e.sets} />
        </label>
        {rule?.kind === 'per-page' && (
          <>
            <label>
              Số trang
              <input className="count" {...register('pages')} inputMode="numeric" aria-invalid={e.pages ? true : undefined} />
            </label>
            <label>
              Số bản
              <input className="count" {...register('feeCopies')} inputMode="numeric" />
            </label>
          </>
        )}
        {rule?.kind === 'fixed' && rule.per === 'copy' && (
          <label>
            Số bản
            <input className="count" {...register('feeCopies')} inputMode="numeric" />
          </label>
        )}
        {rule?.kind === 'set-by-province' && (
          <label>
            Số tiền thu (đồng)
            <input {...register('overrideAmount')} inputMode="numeric" aria-invalid={e.overrideAmount ? true : undefined} />
          </label>
        )}
        <label>
          Nhận kết quả
          <select {...register('resultDelivery')}>
            <option value="desk">Tại bộ phận một cửa</option>
            <option value="post">Qua bưu chính công ích</option>
          </select>
        </label>
      </div>
      <div className="fee-line" data-testid="fee">
        {!procedure && <span className="muted">Lệ phí hiện khi chọn thủ tục.</span>}
        {fee?.status === 'computed' && (
          <>
            <strong>{fee.amount === 0 ? 'Miễn phí' : formatDong(fee.amount)}</strong>
            {fee.amount > 0 && <span className="words">{amountInWords(fee.amount)}</span>}
            {fee.amount > 0 && <span className="muted">{fee.breakdown}</span>}
          </>
        )}
        {fee?.status === 'officer-entry-required' && <span className="warn">{fee.note}</span>}
        {/* After a save attempt the same words come back as the field's error: said once. */}
        {fee?.status === 'invalid' && !(e.pages ?? e.overrideAmount) && <span className="warn">{fee.message}</span>}
        <Message text={e.pages ?? e.overrideAmount} />
      </div>
      <label>
        Ghi chú
        <input {...register('notes')} autoComplete="off" aria-invalid={e.notes ? true : undefined} />
        <Message text={e.notes} />
      </label>
    </fieldset>
  );
}
