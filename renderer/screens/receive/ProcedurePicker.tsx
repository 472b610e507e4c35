import { forwardRef, useMemo, useState } from 'react';
import type { KeyboardEvent } from 'react';
import type { Catalogue } from '../../../src/catalogue/catalogue.ts';
import type { Procedure } from '../../../src/catalogue/procedure-schema.ts';
import { foldForSearch } from '../../../src/people/search-key.ts';

const MAX_MATCHES = 8;

interface Indexed {
  procedure: Procedure;
  folded: string;
}

/** Every query word must appear in the folded name, field or code ("khai sinh", "1.0011", "thuong tru"). */
function search(index: readonly Indexed[], query: string): Procedure[] {
  const words = foldForSearch(query).split(' ').filter(Boolean);
  if (words.length === 0) return [];
  const raw = query.trim();
  return index
    .filter(({ procedure, folded }) => procedure.code.startsWith(raw) || words.every((word) => folded.includes(word)))
    .slice(0, MAX_MATCHES)
    .map(({ procedure }) => procedure);
}

export interface ProcedurePickerProps {
  catalogue: Catalogue;
  selected: Procedure | null;
  recent: readonly string[];
  onSelect: (procedure: Procedure) => void;
}

/** Diacritic-insensitive search by name or code, with the officer's recent procedures one key away. */
export const ProcedurePicker = forwardRef<HTMLInputElement, ProcedurePickerProps>(function ProcedurePicker(
  { catalogue, selected, recent, onSelect },
  ref,
) {
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const [open, setOpen] = useState(false);
  const index = useMemo(
    () => catalogue.procedures.map((procedure) => ({ procedure, folded: foldForSearch(`${procedure.name} ${procedure.field} ${procedure.code}`) })),
    [catalogue],
  );
  const matches = useMemo(() => search(index, query), [index, query]);
  const recentProcedures = useMemo(
    () => recent.map((code) => catalogue.procedures.find((procedure) => procedure.code === code)).filter((p): p is Procedure => p !== undefined),
    [catalogue, recent],
  );

  const choose = (procedure: Procedure) => {
    onSelect(procedure);
    setQuery('');
    setOpen(false);
    setActive(0);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' && matches.length > 0) {
      event.preventDefault();
      setOpen(true);
      setActive((current) => Math.min(current + 1, matches.length - 1));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((current) => Math.max(current - 1, 0));
    } else if (event.key === 'Enter' && open && matches.length > 0) {
      // Enter picks the highlighted procedure instead of saving the dossier.
      event.preventDefault();
      event.stopPropagation();
      const picked = matches[active];
      if (picked) choose(picked);
    } else if (event.key === 'Escape' && open) {
      event.preventDefault();
      event.stopPropagation();
      setOpen(false);
    }
  };

  return (
    <div className="procedure-picker">
      <label className="field" htmlFor="procedure-search">
        <span>
          Thủ tục hành chính <kbd>F2</kbd>
        </span>
      </label>
      <div className="combo">
        <input
          id="procedure-search"
          ref={ref}
          role="combobox"
          aria-expanded={open && matches.length > 0}
          aria-controls="procedure-options"
          aria-autocomplete="list"
          autoComplete="off"
          spellCheck={false}
          placeholder={selected ? 'Gõ để đổi thủ tục…' : 'Gõ tên hoặc mã thủ tục, ví dụ "khai sinh" hoặc 1.001193'}
          value={query}
          onChange={(event) => {
            setQuery(event.target.value);
            setActive(0);
            setOpen(true);
          }}
          onFocus={() => setOpen(true)}
          onBlur={() => setOpen(false)}
          onKeyDown={onKeyDown}
        />
        {open && matches.length > 0 && (
          <ul id="procedure-options" role="listbox" className="combo-list">
            {matches.map((procedure, position) => (
              <li
                key={procedure.code}
                role="option"
                aria-selected={position === active}
                className={position === active ? 'active' : undefined}
                onMouseDown={(event) => {
                  event.preventDefault();
                  choose(procedure);
                }}
              >
                <span className="code">{procedure.code}</span> {procedure.name}
                <span className="field-name">{procedure.field}</span>
              </li>
            ))}
          </ul>
        )}
        {open && query.trim() !== '' && matches.length === 0 && <p className="combo-empty">Không có thủ tục nào khớp "{query.trim()}".</p>}
      </div>
      {recentProcedures.length > 0 && (
        <div className="recent" aria-label="Thủ tục dùng gần đây">
          <span className="recent-label">Gần đây:</span>
          {recentProcedures.map((procedure, position) => (
            <button
              key={procedure.code}
              type="button"
              className={selected?.code === procedure.code ? 'chip selected' : 'chip'}
              onClick={() => choose(procedure)}
              title={`${procedure.code} · ${procedure.name}`}
            >
              <kbd>Alt+{position + 1}</kbd> {procedure.name}
            </button>
          ))}
        </div>
      )}
      {selected && (
        <div className="selected-procedure" data-testid="selected-procedure">
          <strong>{selected.name}</strong>
          <span>
            Mã {selected.code} · {selected.field}
          </span>
        </div>
      )}
    </div>
  );
});

/** Alt+1…Alt+6 on the receive screen pick a recent procedure. */
export function recentShortcut(event: globalThis.KeyboardEvent): number | null {
  if (!event.altKey || event.ctrlKey || event.metaKey) return null;
  const digit = /^Digit([1-6])$/.exec(event.code);
  return digit ? Number(digit[1]) - 1 : null;
}
