import { useState, type FormEvent } from 'react';
import type { Output } from '../../../../shared/contract';
import { WARD_TYPE_LABELS, type WardType } from '../../../../shared/domain/estate';
import { navigate } from '../../routing/routes';
import { compareHref, type CompareQuery } from './compare-query';

export interface ScopeChoices {
  boards: { id: string; name: string; sites: { id: string; name: string }[] }[];
}

/**
 * What to compare and which wards: plain selects and checkboxes (every value they can give is
 * valid, so there is nothing to check). Applying changes the address, so the choice survives a
 * drill-down and a reload.
 */
export function CompareFilters({ query, choices, filters }: { query: CompareQuery; choices: ScopeChoices; filters: Output<'compare.data'>['filters'] }) {
  const [scope, setScope] = useState(query.level === 'nation' ? 'nation' : `${query.level}:${query.id ?? ''}`);
  const [wardTypes, setWardTypes] = useState<WardType[]>(query.wardTypes);
  const [round, setRound] = useState(query.round ?? '');
  const [includeDrafts, setIncludeDrafts] = useState(query.includeDrafts);
  const typeChoices = [...new Set([...filters.availableWardTypes, ...query.wardTypes])];

  function apply(event: FormEvent) {
    event.preventDefault();
    const [level, id] = scope.split(':') as [CompareQuery['level'], string | undefined];
    navigate(compareHref({ level, id: id ?? null, wardTypes, round: round || null, includeDrafts }));
  }

  return (
    <form className="app-compare-filters" onSubmit={apply} noValidate>
      <div className="nhsuk-form-group">
        <label className="nhsuk-label" htmlFor="compare-scope">
          Compare
        </label>
        <select id="compare-scope" className="nhsuk-select" value={scope} onChange={(e) => setScope(e.target.value)}>
          <option value="nation">All boards (national view)</option>
          {choices.boards.map((board) => (
            <optgroup key={board.id} label={board.name}>
              <option value={`board:${board.id}`}>Sites of {board.name}</option>
              {board.sites.map((site) => (
                <option key={site.id} value={`site:${site.id}`}>
                  Wards of {site.name} ({board.name})
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </div>
      <div className="nhsuk-form-group">
        <label className="nhsuk-label" htmlFor="compare-round">
          Round
        </label>
        <select id="compare-round" className="nhsuk-select" value={round} onChange={(e) => setRound(e.target.value)}>
          <option value="">Latest round of each ward</option>
          {[...new Set([...filters.availableRounds, ...(query.round ? [query.round] : [])])].map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </select>
      </div>
      {typeChoices.length > 0 && (
        <div className="nhsuk-form-group">
          <fieldset className="nhsuk-fieldset" aria-describedby="compare-types-hint">
            <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">Ward types</legend>
            <div className="nhsuk-hint" id="compare-types-hint">
              Leave all unticked to compare every ward type.
            </div>
            <div className="nhsuk-checkboxes nhsuk-checkboxes--small">
              {typeChoices.map((type) => (
                <div className="nhsuk-checkboxes__item" key={type}>
                  <input
                    className="nhsuk-checkboxes__input"
                    id={`compare-type-${type}`}
                    type="checkbox"
                    checked={wardTypes.includes(type)}
                    onChange={(e) => setWardTypes((now) => (e.target.checked ? [...now, type] : now.filter((t) => t !== type)))}
                  />
                  <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor={`compare-type-${type}`}>
                    {WARD_TYPE_LABELS[type]}
                  </label>
                </div>
              ))}
            </div>
          </fieldset>
        </div>
      )}
      <div className="nhsuk-form-group">
        <div className="nhsuk-checkboxes nhsuk-checkboxes--small">
          <div className="nhsuk-checkboxes__item">
            <input
              className="nhsuk-checkboxes__input"
              id="compare-drafts"
              type="checkbox"
              aria-describedby="compare-drafts-hint"
              checked={includeDrafts}
              onChange={(e) => setIncludeDrafts(e.target.checked)}
            />
            <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor="compare-drafts">
              Include drafts
            </label>
            <div className="nhsuk-hint nhsuk-checkboxes__hint" id="compare-drafts-hint">
              Only signed-off assessments are counted unless you tick this. A ward with no signed-off assessment in the round is then shown by its draft, marked as a draft.
            </div>
          </div>
        </div>
      </div>
      <button className="nhsuk-button nhsuk-button--secondary" type="submit">
        Show comparison
      </button>
    </form>
  );
}
