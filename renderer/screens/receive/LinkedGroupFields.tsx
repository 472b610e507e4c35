import { useWatch } from 'react-hook-form';
import type { Control, UseFormRegister } from 'react-hook-form';
import { linkedFieldSpecs, type LinkedFieldKey, type LinkedGroup } from '../../../src/catalogue/linked-group-schema.ts';
import type { StatutoryTime } from '../../../src/catalogue/statutory-time.ts';
import type { WorkingCalendar } from '../../../src/calendar/working-calendar.ts';
import { computeAppointment } from '../../../src/deadline/appointment.ts';
import { chosenComponents, fieldsToEnter, isRequired, unitKindOfAgency, type LinkedGroupErrors } from '../../../src/dossier/linked-group.ts';
import { timeAndDate } from '../../../src/print/forms/common.ts';
import { unitKindLabels } from '../../../src/units/unit-kind.ts';
import type { ReceiveValues } from './receive-form.ts';

/** The component's appointment if received now; '' when the calendar cannot tell (a year not loaded). */
function appointmentText(calendar: WorkingCalendar, nowMs: number, time: StatutoryTime): string {
  try {
    return timeAndDate(computeAppointment(calendar, nowMs, time));
  } catch {
    return '';
  }
}

/**
 * A linked group at the counter: the components the citizen asks for (the required ones ticked
 * and fixed), each with the unit that decides it and its own appointment, then the data they
 * share, entered once. Only the fields the ticked components need are shown.
 */
export function LinkedGroupFields({
  group,
  register,
  control,
  errors,
  calendar,
  nowMs,
  onEdited,
}: {
  group: LinkedGroup;
  register: UseFormRegister<ReceiveValues>;
  control: Control<ReceiveValues>;
  errors: LinkedGroupErrors;
  calendar: WorkingCalendar;
  nowMs: number;
  /** A value changed: its message, if any, no longer applies. */
  onEdited: (key: LinkedFieldKey) => void;
}) {
  const ticked = useWatch({ control, name: 'groupComponents' });
  const chosen = chosenComponents(group, ticked).map((c) => c.procedureCode);
  const fields = fieldsToEnter(group, chosen);
  return (
    <fieldset className="panel linked-group" data-testid="linked-group">
      <legend>Hồ sơ liên thông</legend>
      <ul className="linked-components">
        {group.components.map((component) => {
          const id = `group-component-${component.procedureCode}`;
          const due = appointmentText(calendar, nowMs, component.statutoryTime);
          return (
            <li key={component.procedureCode}>
              <label htmlFor={id}>
                {component.optional ? (
                  <input id={id} type="checkbox" value={component.procedureCode} {...register('groupComponents')} />
                ) : (
                  <input id={id} type="checkbox" checked disabled readOnly />
                )}{' '}
                <strong>{component.name}</strong>
                <span className="muted">
                  {' '}
                  · {unitKindLabels[unitKindOfAgency[component.agency]]} giải quyết{due && <> · hẹn {due}</>}
                  {!component.optional && ' · bắt buộc'}
                </span>
              </label>
              {component.when && <span className="muted when">{component.when}</span>}
            </li>
          );
        })}
      </ul>
      {errors.components && (
        <span className="field-error" role="alert">
          {errors.components}
        </span>
      )}
      <div className="grid-applicant">
        {fields.map((key) => {
          const spec = linkedFieldSpecs[key];
          const error = errors[`data.${key}`];
          const label = `${spec.label}${isRequired(group, chosen, key) ? '' : ' (nếu có)'}`;
          const id = `group-data-${key}`;
          const describedBy = error ? `${id}-error` : undefined;
          return (
            <div key={key} className={spec.format === 'text' && !/Name$/.test(key) ? 'group-field span-2' : 'group-field'}>
              <label htmlFor={id}>{label}</label>
              {spec.format === 'sex' ? (
                <select id={id} {...register(`groupData.${key}`, { onChange: () => onEdited(key) })} aria-invalid={error ? true : undefined} aria-describedby={describedBy}>
                  <option value="">– Chọn –</option>
                  <option value="Nam">Nam</option>
                  <option value="Nữ">Nữ</option>
                </select>
              ) : (
                <input
                  id={id}
                  {...register(`groupData.${key}`, { onChange: () => onEdited(key) })}
                  autoComplete="off"
                  inputMode={spec.format === 'citizen-id' || spec.format === 'social-insurance-code' ? 'numeric' : undefined}
                  placeholder={spec.format === 'date' ? 'dd/mm/yyyy' : undefined}
                  aria-invalid={error ? true : undefined}
                  aria-describedby={describedBy}
                />
              )}
              {error && (
                <span className="field-error" role="alert" id={`${id}-error`}>
                  {error}
                </span>
              )}
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}
