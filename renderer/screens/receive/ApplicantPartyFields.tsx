import { useEffect } from 'react';
import { useWatch } from 'react-hook-form';
import type { Control, UseFormGetValues, UseFormRegister, UseFormSetValue } from 'react-hook-form';
import { isAuthorisationPaper } from '../../../src/dossier/parties.ts';
import { AUTHORISATION_PAPER } from './applicant-parties.ts';
import type { ReceiveErrors, ReceiveValues } from './receive-form.ts';

type Register = UseFormRegister<ReceiveValues>;

function Message({ text }: { text: string | undefined }) {
  return text ? (
    <span className="field-error" role="alert">
      {text}
    </span>
  ) : null;
}

/** "Cá nhân" or "Tổ chức": a radio group (Tab to reach it, arrows to switch). */
export function ApplicantKindSwitch({ register }: { register: Register }) {
  return (
    <div className="applicant-kind" role="radiogroup" aria-label="Người nộp là">
      <label>
        <input type="radio" value="person" {...register('applicantKind')} /> Cá nhân
      </label>
      <label>
        <input type="radio" value="organisation" {...register('applicantKind')} /> Tổ chức
      </label>
    </div>
  );
}

/** An organisation's tax code and legal representative. */
export function OrganisationFields({ register, errors }: { register: Register; errors: ReceiveErrors }) {
  return (
    <>
      <label className="span-2">
        Mã số thuế / mã số doanh nghiệp
        <input {...register('taxCode')} inputMode="numeric" autoComplete="off" placeholder="0100109106" aria-invalid={errors.taxCode ? true : undefined} />
        <Message text={errors.taxCode} />
      </label>
      <label className="span-2">
        Người đại diện theo pháp luật
        <input {...register('legalRepName')} autoComplete="off" aria-invalid={errors.legalRepName ? true : undefined} />
        <Message text={errors.legalRepName} />
      </label>
      <label>
        Chức vụ
        <input {...register('legalRepPosition')} autoComplete="off" placeholder="Giám đốc" aria-invalid={errors.legalRepPosition ? true : undefined} />
        <Message text={errors.legalRepPosition} />
      </label>
      <label>
        CCCD người đại diện
        <input {...register('legalRepCitizenId')} inputMode="numeric" autoComplete="off" maxLength={14} aria-invalid={errors.legalRepCitizenId ? true : undefined} />
        <Message text={errors.legalRepCitizenId} />
      </label>
    </>
  );
}

/**
 * The person authorised to hand the dossier in (người được ủy quyền). Ticking the box adds the
 * authorisation paper to the papers (ticked), or ticks the catalogue's own line for it.
 */
export function RepresentativeFields({
  register,
  control,
  errors,
  setValue,
  getValues,
}: {
  register: Register;
  control: Control<ReceiveValues>;
  errors: ReceiveErrors;
  setValue: UseFormSetValue<ReceiveValues>;
  getValues: UseFormGetValues<ReceiveValues>;
}) {
  const [via, papers] = useWatch({ control, name: ['viaRepresentative', 'papers'] });
  useEffect(() => {
    const current = getValues('papers');
    const index = current.findIndex((paper) => isAuthorisationPaper(paper.name));
    if (via && index === -1) {
      setValue('papers', [...current, { name: AUTHORISATION_PAPER.name, checked: true, originals: '1', copies: '0', optional: false, presentOnly: false }]);
    } else if (via && !current[index]?.checked) {
      setValue(`papers.${index}.checked`, true);
    } else if (!via && index !== -1 && current[index]?.name === AUTHORISATION_PAPER.name) {
      setValue('papers', current.filter((_, at) => at !== index));
    }
  }, [via, papers.length, getValues, setValue]);
  return (
    <div className="representative span-4">
      <label className="inline-check">
        <input type="checkbox" {...register('viaRepresentative')} /> Nộp qua người được ủy quyền (kèm giấy ủy quyền)
      </label>
      {via && (
        <div className="grid-applicant">
          <label className="span-2">
            Họ và tên người được ủy quyền
            <input {...register('repName')} autoComplete="off" aria-invalid={errors.repName ? true : undefined} />
            <Message text={errors.repName} />
          </label>
          <label>
            CCCD người được ủy quyền
            <input {...register('repCitizenId')} inputMode="numeric" autoComplete="off" maxLength={14} aria-invalid={errors.repCitizenId ? true : undefined} />
            <Message text={errors.repCitizenId} />
          </label>
          <label>
            Điện thoại người được ủy quyền
            <input {...register('repPhone')} inputMode="tel" autoComplete="off" aria-invalid={errors.repPhone ? true : undefined} />
            <Message text={errors.repPhone} />
          </label>
        </div>
      )}
    </div>
  );
}
