import { useId, useState } from 'react';
import { call } from '../../api/call';
import { messageOf } from '../../api/api-error';
import { useAnnounce } from '../../app/status';
import { ErrorMessage } from '../../components/ErrorMessage';

/** This device's name, as the team sees it in files and on the Resolve page; renamable. */
export function DeviceName({ device, onRenamed }: { device: { name: string }; onRenamed: () => Promise<void> }) {
  const announce = useAnnounce();
  const inputId = useId();
  const [editing, setEditing] = useState(false);
  const [name, setName] = useState(device.name);
  const [error, setError] = useState<string | null>(null);

  async function save() {
    try {
      const renamed = await call('device.rename', { name });
      setEditing(false);
      setError(null);
      announce(`This device is now called ${renamed.name}`);
      await onRenamed();
    } catch (failure) {
      setError(messageOf(failure));
    }
  }

  return (
    <section aria-labelledby="device-heading" className="nhsuk-u-margin-bottom-7">
      <h2 className="nhsuk-heading-m" id="device-heading">
        This device
      </h2>
      {!editing ? (
        <p className="nhsuk-body">
          Files from here say they come from <strong>{device.name}</strong>.{' '}
          <button type="button" className="app-link-button" onClick={() => setEditing(true)}>
            Rename this device
          </button>
        </p>
      ) : (
        <form
          noValidate
          aria-label="Rename this device"
          onSubmit={(event) => {
            event.preventDefault();
            void save();
          }}
        >
          <div className={`nhsuk-form-group${error ? ' nhsuk-form-group--error' : ''}`}>
            <label className="nhsuk-label" htmlFor={inputId}>
              Name of this device
            </label>
            <div className="nhsuk-hint" id={`${inputId}-hint`}>
              A name the team will recognise, such as “Ailsa’s laptop”.
            </div>
            {error && <ErrorMessage id={`${inputId}-error`}>{error}</ErrorMessage>}
            <input className="nhsuk-input nhsuk-u-width-two-thirds" id={inputId} value={name} onChange={(e) => setName(e.target.value)} aria-describedby={`${inputId}-hint${error ? ` ${inputId}-error` : ''}`} />
          </div>
          <div className="nhsuk-button-group">
            <button type="submit" className="nhsuk-button">
              Save name
            </button>
            <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={() => setEditing(false)}>
              Cancel
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
