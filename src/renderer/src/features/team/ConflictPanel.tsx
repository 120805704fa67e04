import { useId, useState } from 'react';
import { call } from '../../api/call';
import { messageOf } from '../../api/api-error';
import { useAnnounce } from '../../app/status';
import { ErrorMessage } from '../../components/ErrorMessage';
import { instantText } from '../../components/instant';
import { REASON_TEXT, fieldLabel, fieldText, type Conflict } from './words';

export interface Names {
  areas: ReadonlyMap<string, string>;
  assessors: ReadonlyMap<string, string>;
}

/** Fields always shown for a kind of record, besides those that differ. */
const ALWAYS: Partial<Record<Conflict['kind'], string[]>> = {
  answer: ['value', 'note'],
  ligature_point: ['element', 'description'],
  action: ['description', 'status'],
  recheck: ['outcome', 'note'],
  photo: ['caption'],
};

/** One record in conflict: every version side by side, with who changed it, when and on which device. */
export function ConflictPanel({ assessmentId, conflict, names, onResolved }: { assessmentId: string; conflict: Conflict; names: Names; onResolved: () => Promise<void> }) {
  const announce = useAnnounce();
  const headingId = useId();
  const errorId = useId();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const fields = [...new Set([...(ALWAYS[conflict.kind] ?? []), ...conflict.fields])];

  async function keep(key: string, what: string) {
    setBusy(true);
    setError(null);
    try {
      const left = await call('merge.resolve', { assessmentId, kind: conflict.kind, recordId: conflict.id, keep: key });
      announce(`${conflict.label}: ${what}. ${left.conflicts + left.duplicates === 0 ? 'Nothing left to resolve.' : `${left.conflicts + left.duplicates} left to resolve.`}`);
      await onResolved();
    } catch (failure) {
      setError(messageOf(failure));
      setBusy(false);
    }
  }

  return (
    <section className="app-panel" aria-labelledby={headingId}>
      <h2 className="nhsuk-heading-s" id={headingId}>
        {conflict.label}
        {conflict.where && <span className="nhsuk-caption-m">{conflict.where}</span>}
      </h2>
      <p className="nhsuk-body">
        <strong className="nhsuk-tag nhsuk-tag--orange">In conflict</strong> {REASON_TEXT[conflict.reason]}.
      </p>
      {conflict.usedBy.length > 0 && (
        <p className="nhsuk-body">
          Still referred to by: {conflict.usedBy.map((u) => u.label).join('; ')}.
        </p>
      )}
      {error && <ErrorMessage id={errorId}>{error}</ErrorMessage>}
      <div className="app-versions">
        {conflict.versions.map((version, index) => {
          const title = version.deleted ? `Removed on ${version.device}` : `Version ${index + 1}, from ${version.device}`;
          return (
            <div className="app-version" key={version.key} aria-label={title} role="group">
              <h3 className="nhsuk-heading-xs">{title}</h3>
              {version.shownHere && <p className="nhsuk-body-s"><strong className="nhsuk-tag nhsuk-tag--grey">Shown on this device now</strong></p>}
              {!version.deleted && (
                <dl className="nhsuk-summary-list">
                  {fields.map((field) => (
                    <div className="nhsuk-summary-list__row" key={field}>
                      <dt className="nhsuk-summary-list__key">{fieldLabel(field)}</dt>
                      <dd className="nhsuk-summary-list__value">{fieldText(field, version.row[field], names)}</dd>
                    </div>
                  ))}
                </dl>
              )}
              <p className="nhsuk-body-s">
                By {version.who}, {instantText(version.when)}
              </p>
              <button
                type="button"
                className="nhsuk-button nhsuk-button--secondary"
                disabled={busy}
                onClick={() => void keep(version.key, version.deleted ? `removal kept (from ${version.device})` : `kept the version from ${version.device}`)}
              >
                {version.deleted ? (conflict.usedBy.length > 0 ? 'Remove it and what refers to it' : 'Keep the removal') : 'Keep this version'}
                <span className="nhsuk-u-visually-hidden"> ({title})</span>
              </button>
            </div>
          );
        })}
        {conflict.reason === 'removed_but_used' && (
          <div className="app-version" role="group" aria-label="Keep it">
            <h3 className="nhsuk-heading-xs">Keep it</h3>
            <p className="nhsuk-body-s">It stays, with what refers to it, as it is on this device now.</p>
            <button type="button" className="nhsuk-button nhsuk-button--secondary" disabled={busy} onClick={() => void keep('restore', 'kept')}>
              Keep it
            </button>
          </div>
        )}
      </div>
    </section>
  );
}
