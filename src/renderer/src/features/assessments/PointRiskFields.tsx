import type { DeepPartial, UseFieldArrayReturn, UseFormReturn } from 'react-hook-form';
import type { SupervisionTier } from '../../../../shared/domain/estate';
import { isHighOrExtreme, scoreLigaturePoint, type ControlKind, type ScoredLigaturePoint } from '../../../../shared/scoring';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import { CONTROL_KIND_CHOICES, LIKELIHOOD_CHOICES, SEVERITY_CHOICES } from './labels';
import type { PointValues } from './LigaturePointForm';

/**
 * The risk half of a ligature point's form: its existing controls, likelihood and severity before
 * and after them, and the engine's reading of what is entered (the tier floor raising a
 * likelihood, and the warning when staff vigilance alone stands behind a high risk).
 */
export function PointRiskFields(props: {
  form: UseFormReturn<PointValues, unknown, PointValues>;
  controls: UseFieldArrayReturn<PointValues, 'controls'>;
  id: (field: string) => string;
  errorOf: (path: string) => string | undefined;
  tier: SupervisionTier;
  floor: number;
  preview: ScoredLigaturePoint | null;
}) {
  const { form, controls, id, errorOf, tier, floor, preview } = props;
  const inherent = preview ? riskText(preview.inherent, preview.floorApplied.inherent, tier, floor) : null;
  const residual = preview ? riskText(preview.residual, preview.floorApplied.residual, tier, floor) : null;
  const vigilanceAlone = preview !== null && isHighOrExtreme(preview.residual.band) && !preview.hasDocumentedControl;
  return (
    <>
      <div className={`nhsuk-form-group${errorOf('controls.root') ? ' nhsuk-form-group--error' : ''}`}>
        <fieldset className="nhsuk-fieldset" aria-describedby={errorOf('controls.root') ? `${id('controls')}-error` : undefined}>
          <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">Existing controls</legend>
          <div className="nhsuk-hint">Staff vigilance alone is never enough for a high or extreme risk after controls.</div>
          {errorOf('controls.root') && (
            <span className="nhsuk-error-message" id={`${id('controls')}-error`}>
              <span className="nhsuk-u-visually-hidden">Error: </span>
              {errorOf('controls.root')}
            </span>
          )}
          {controls.fields.map((field, index) => (
            <div key={field.id} className="app-control-row">
              <SelectField id={id(`controls.${index}.kind`)} label={`Control ${index + 1}: kind`} choices={CONTROL_KIND_CHOICES} error={errorOf(`controls.${index}.kind`)} {...form.register(`controls.${index}.kind`)} />
              <TextField id={id(`controls.${index}.description`)} label={`Control ${index + 1}: what it is`} autoComplete="off" error={errorOf(`controls.${index}.description`)} {...form.register(`controls.${index}.description`)} />
              <button type="button" className="app-link-button nhsuk-u-margin-bottom-4" onClick={() => controls.remove(index)}>
                Remove control {index + 1}
              </button>
            </div>
          ))}
          <button type="button" id={id('controls-add')} className="nhsuk-button nhsuk-button--secondary nhsuk-button--small" onClick={() => controls.append({ kind: 'physical_modification', description: '' })}>
            Add a control
          </button>
        </fieldset>
      </div>

      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-one-half">
          <h3 className="nhsuk-heading-s">Before controls</h3>
          <SelectField
            id={id('likelihoodBefore')}
            label="Likelihood before controls"
            hint={floor > 1 ? `Tier ${tier}: a likelihood below ${floor} is raised to ${floor}.` : 'Tier 1 has no floor.'}
            placeholder="Choose"
            choices={LIKELIHOOD_CHOICES}
            error={errorOf('likelihoodBefore')}
            {...form.register('likelihoodBefore', { valueAsNumber: true })}
          />
          <SelectField id={id('severityBefore')} label="Severity before controls" placeholder="Choose" choices={SEVERITY_CHOICES} error={errorOf('severityBefore')} {...form.register('severityBefore', { valueAsNumber: true })} />
          <p className="nhsuk-body-s" data-testid="inherent-risk">
            Inherent risk: {inherent ?? 'not yet scored'}
          </p>
        </div>
        <div className="nhsuk-grid-column-one-half">
          <h3 className="nhsuk-heading-s">After controls</h3>
          <SelectField
            id={id('likelihoodAfter')}
            label="Likelihood after controls"
            hint={floor > 1 ? `Below ${floor} only with a documented control other than staff vigilance.` : 'Any likelihood may be used in a tier 1 area.'}
            placeholder="Choose"
            choices={LIKELIHOOD_CHOICES}
            error={errorOf('likelihoodAfter')}
            {...form.register('likelihoodAfter', { valueAsNumber: true })}
          />
          <SelectField id={id('severityAfter')} label="Severity after controls" placeholder="Choose" choices={SEVERITY_CHOICES} error={errorOf('severityAfter')} {...form.register('severityAfter', { valueAsNumber: true })} />
          <p className="nhsuk-body-s" data-testid="residual-risk">
            Residual risk: {residual ?? 'not yet scored'}
          </p>
        </div>
      </div>
      {vigilanceAlone && (
        <div className="nhsuk-warning-callout" data-testid="vigilance-warning">
          <h3 className="nhsuk-warning-callout__label">
            <span className="nhsuk-u-visually-hidden">Important: </span>
            This point makes the ward red
          </h3>
          <p>
            The risk after controls is {preview?.residual.band} and staff vigilance or observation is its only control. That is not an acceptable control for a high
            or extreme ligature risk: record a documented control if there is one. If there is not, save the point as found; it stays on the register as a red gate.
          </p>
        </div>
      )}
    </>
  );
}

/** The engine's score of the point as entered so far, or null until every likelihood and severity is chosen. */
export function scorePreview(values: DeepPartial<PointValues>, tier: SupervisionTier, areaTier: SupervisionTier | null) {
  const [lb, sb, la, sa] = [values.likelihoodBefore, values.severityBefore, values.likelihoodAfter, values.severityAfter].map(Number);
  if (!lb || !sb || !la || !sa) return null;
  const controls = (values.controls ?? []).map((c) => ({ kind: (c?.kind ?? 'other') as ControlKind, description: c?.description ?? '' }));
  const point = { id: 'new', areaId: values.areaId ?? '', tier, tierReason: values.tierReason ?? null, element: '', heightBand: 'low_lying' as const, likelihoodBefore: lb, severityBefore: sb, likelihoodAfter: la, severityAfter: sa, controls };
  return scoreLigaturePoint(point, areaTier ?? undefined);
}

/** "4 × 5 = 20 (extreme), likelihood raised to the tier 3 floor of 4". */
function riskText(risk: { likelihood: number; severity: number; score: number; band: string }, raised: boolean, tier: number, floor: number): string {
  return `${risk.likelihood} × ${risk.severity} = ${risk.score} (${risk.band})${raised ? `, likelihood raised to the tier ${tier} floor of ${floor}` : ''}`;
}

