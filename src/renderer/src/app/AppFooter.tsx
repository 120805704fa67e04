import type { Output } from '../../../shared/contract';

const DOORS = { ipc: 'desktop app', http: 'browser, served by this computer', cli: 'command line' } as const;

/** Which app and which database the assessor is working in: worth knowing on a shared laptop. */
export function AppFooter({ info }: { info: Output<'app.info'> | null }) {
  return (
    <footer className="nhsuk-footer" role="contentinfo">
      <div className="nhsuk-width-container">
        <div className="nhsuk-footer__meta">
          <p className="nhsuk-body-s nhsuk-u-margin-bottom-1">
            {info ? `${info.name} ${info.version} (${DOORS[info.door]})` : 'Mental Health Estates Assessment'}
          </p>
          {info && (
            <p className="nhsuk-body-s app-break-anywhere">
              Database: {info.databaseFile}
              {info.door === 'ipc' && ' (to use another, choose File, then Open database… or New database…)'}
            </p>
          )}
        </div>
      </div>
    </footer>
  );
}
