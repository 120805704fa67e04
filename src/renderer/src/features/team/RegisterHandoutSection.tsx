import { useId, useState } from 'react';
import { call } from '../../api/call';
import { ErrorMessage } from '../../components/ErrorMessage';
import { href } from '../../routing/routes';
import { useFileDownload } from './use-file-download';

interface Scope {
  board: { id: string; name: string };
  /** On the board's page: the whole board or one of its sites. */
  sites?: { id: string; name: string }[];
  /** On a ward's page: that ward alone. */
  ward?: { id: string; name: string };
}

/**
 * The board lead hands the estate register to assessors' devices, so every device starts its
 * assessments on the board's own ids; a newer register later updates theirs.
 */
export function RegisterHandoutSection({ board, sites = [], ward }: Scope) {
  const scopeId = useId();
  const errorId = useId();
  const [siteId, setSiteId] = useState('');
  const { busy, error, download } = useFileDownload();
  const start = () =>
    download(
      () => call('handouts.exportRegister', ward ? { boardId: board.id, wardId: ward.id } : { boardId: board.id, siteId: siteId || null }),
      (file) => `Register downloaded: ${file.fileName}`,
    );

  return (
    <section aria-labelledby="register-handout-heading" className="nhsuk-u-margin-bottom-7">
      <h2 className="nhsuk-heading-m" id="register-handout-heading">
        {ward ? 'Hand out this ward’s register' : 'Hand out the register'}
      </h2>
      <p className="nhsuk-body">
        {ward ? `A file of ${ward.name}, its site and its areas` : 'A file of the register (sites, wards and areas)'} for assessors’ laptops and
        tablets. They take it on their <a href={href.handouts()}>Hand-outs</a> page, and assessments they start use the same{' '}
        {ward ? 'ward and areas' : 'wards and areas'} as here. A newer file updates their register later; their assessments in progress are not
        changed.
      </p>
      {error && <ErrorMessage id={errorId}>{error}</ErrorMessage>}
      {!ward && (
        <div className="nhsuk-form-group">
          <label className="nhsuk-label" htmlFor={scopeId}>
            What to hand out
          </label>
          <select className="nhsuk-select" id={scopeId} value={siteId} onChange={(e) => setSiteId(e.target.value)}>
            <option value="">The whole of {board.name}</option>
            {sites.map((site) => (
              <option key={site.id} value={site.id}>
                {site.name} only
              </option>
            ))}
          </select>
        </div>
      )}
      <button type="button" className="nhsuk-button nhsuk-button--secondary" disabled={busy} aria-describedby={error ? errorId : undefined} onClick={() => void start()}>
        Download register file
      </button>
    </section>
  );
}
