import { useId, useMemo, useState } from 'react';
import type { KeyboardEvent } from 'react';
import { searchUnits } from '../../src/people/unit-search.ts';
import './unit-picker.css';

const MAX_SHOWN = 8;

export interface UnitPickerProps {
  id: string;
  units: ReadonlyArray<{ id: string; name: string }>;
  /** The chosen unit's id, '' for none. */
  value: string;
  onChange: (unitId: string) => void;
  invalid?: boolean;
  describedBy?: string;
}

/**
 * A searchable unit picker (ARIA combobox with a listbox): type any part of the name, with or
 * without accents ("phuong ba dinh", "ba đình"), ↑/↓ to move, Enter to pick, Esc to close. Only
 * listed units can be picked: an id is never typed.
 */
export function UnitPicker({ id, units, value, onChange, invalid, describedBy }: UnitPickerProps) {
  const listId = useId();
  const chosen = units.find((unit) => unit.id === value);
  const [query, setQuery] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const matches = useMemo(() => searchUnits(units, query ?? '').slice(0, MAX_SHOWN), [units, query]);
  const shown = open ? matches : [];

  const pick = (unitId: string) => {
    onChange(unitId);
    setQuery(null);
    setOpen(false);
    setActive(0);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      if (!open) setOpen(true);
      else setActive((current) => Math.min(current + 1, matches.length - 1));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((current) => Math.max(current - 1, 0));
    } else if (event.key === 'Enter' && open && matches.length > 0) {
      // Enter picks the highlighted unit; the form is submitted by the next Enter.
      event.preventDefault();
      event.stopPropagation();
      const picked = matches[active];
      if (picked) pick(picked.id);
    } else if (event.key === 'Escape' && open) {
      event.preventDefault();
      event.stopPropagation();
      setOpen(false);
      setQuery(null);
    }
  };

  const activeId = shown[active] ? `${listId}-${active}` : undefined;
  return (
    <div className="unit-picker">
      <input
        id={id}
        role="combobox"
        aria-expanded={shown.length > 0}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={activeId}
        aria-invalid={invalid ? true : undefined}
        aria-describedby={describedBy}
        autoComplete="off"
        spellCheck={false}
        placeholder="Gõ tên đơn vị, ví dụ: phuong ba dinh"
        value={query ?? chosen?.name ?? ''}
        data-unit-id={value}
        onChange={(event) => {
          setQuery(event.target.value);
          setActive(0);
          setOpen(true);
        }}
        onFocus={(event) => event.currentTarget.select()}
        onBlur={() => {
          setOpen(false);
          setQuery(null);
        }}
        onKeyDown={onKeyDown}
      />
      {chosen && query === null && <span className="unit-picker-id">{chosen.id}</span>}
      <ul id={listId} role="listbox" aria-label="Đơn vị" className="unit-picker-list" hidden={shown.length === 0}>
        {shown.map((unit, position) => (
          <li
            key={unit.id}
            id={`${listId}-${position}`}
            role="option"
            aria-selected={position === active}
            className={position === active ? 'active' : undefined}
            onMouseDown={(event) => {
              event.preventDefault();
              pick(unit.id);
            }}
          >
            {unit.name} <span className="unit-picker-id">{unit.id}</span>
          </li>
        ))}
      </ul>
      {open && query !== null && query.trim() !== '' && matches.length === 0 && (
        <p className="unit-picker-empty" role="status">
          Không có đơn vị nào khớp "{query.trim()}".
        </p>
      )}
    </div>
  );
}
