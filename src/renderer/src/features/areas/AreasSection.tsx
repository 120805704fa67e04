import { useEffect, useRef, useState } from 'react';
import type { Output } from '../../../../shared/contract';
import { call } from '../../api/call';
import { useAnnounce } from '../../app/status';
import { ConfirmRemoval } from '../../components/ConfirmRemoval';
import { AreaForm } from './AreaForm';
import { AreasTable } from './AreasTable';
import { FormColumn } from '../../components/FormColumn';

type Area = Output<'areas.list'>[number];
type Mode = { kind: 'add' } | { kind: 'change'; area: Area } | { kind: 'remove'; area: Area };

/** A ward's areas: the table, and one form (add, or change the chosen area) below it. */
export function AreasSection({ wardId, areas, onChanged }: { wardId: string; areas: Area[]; onChanged: () => Promise<void> }) {
  const announce = useAnnounce();
  const [mode, setMode] = useState<Mode>({ kind: 'add' });
  /** The element to focus once the next render is on screen (after closing a form, say). */
  const [focusTarget, setFocusTarget] = useState<string | null>(null);
  const formHeading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (!focusTarget) return;
    document.getElementById(focusTarget)?.focus();
    setFocusTarget(null);
  }, [focusTarget]);

  useEffect(() => {
    if (mode.kind === 'change') formHeading.current?.focus();
  }, [mode]);

  const closeOn = (targetId: string) => {
    setMode({ kind: 'add' });
    setFocusTarget(targetId);
  };

  const remove = async (area: Area) => {
    await call('areas.remove', { id: area.id });
    announce(`Area removed: ${area.name}`);
    await onChanged();
    closeOn('areas-heading');
  };

  return (
    <section aria-labelledby="areas-heading">
      <h2 className="nhsuk-heading-m" id="areas-heading" tabIndex={-1}>
        Areas <span className="nhsuk-u-secondary-text-colour">({areas.length})</span>
      </h2>
      {mode.kind === 'remove' && (
        <ConfirmRemoval
          title={`Remove ${mode.area.name}?`}
          confirmLabel="Yes, remove this area"
          onConfirm={() => remove(mode.area)}
          onCancel={() => closeOn(`remove-area-${mode.area.id}`)}
        >
          <p className="nhsuk-body">This cannot be undone.</p>
        </ConfirmRemoval>
      )}
      {areas.length === 0 ? (
        <p className="nhsuk-body">
          This ward has no areas yet. Add each room and space an assessment walks through: bedrooms, en-suites,
          bathrooms, lounges, corridors, the garden and so on.
        </p>
      ) : (
        <AreasTable areas={areas} onChange={(area) => setMode({ kind: 'change', area })} onRemove={(area) => setMode({ kind: 'remove', area })} />
      )}
      <FormColumn>
        <h2 className="nhsuk-heading-m" ref={formHeading} tabIndex={-1}>
          {mode.kind === 'change' ? `Change ${mode.area.name}` : 'Add an area'}
        </h2>
        {mode.kind === 'change' ? (
          <AreaForm
            key={`change-${mode.area.id}`}
            wardId={wardId}
            area={mode.area}
            onSaved={async () => {
              await onChanged();
              closeOn(`change-area-${mode.area.id}`);
            }}
            onCancel={() => closeOn(`change-area-${mode.area.id}`)}
          />
        ) : (
          <AreaForm key="add" wardId={wardId} onSaved={onChanged} />
        )}
      </FormColumn>
    </section>
  );
}
