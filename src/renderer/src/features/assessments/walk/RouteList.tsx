import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type PointerEvent } from 'react';
import { messageOf } from '../../../api/api-error';
import { call } from '../../../api/call';
import { href } from '../../../routing/routes';
import { assessmentKeys, refreshAssessment } from '../assessment-queries';
import type { Progress, WalkArea } from './model';
import { useWalk } from './walk-context';
import { AreaAssignee } from '../../team/walk-signs';

/** Moves the entry at `from` to `to`, the others keeping their order. */
export function moveStop<T>(list: readonly T[], from: number, to: number): T[] {
  if (from === to || from < 0 || to < 0 || from >= list.length || to >= list.length) return [...list];
  const next = [...list];
  const [moved] = next.splice(from, 1);
  next.splice(to, 0, moved!);
  return next;
}

/**
 * The places of the walk in the assessor's route, each with its progress; and the route itself,
 * changed by keyboard (move up, move down) or by dragging with a finger, pen or mouse. The route
 * is kept for the ward's next round.
 */
export function RouteList({ current, progress }: { current: string; progress: Progress }) {
  const walk = useWalk();
  const [editing, setEditing] = useState<WalkArea[] | null>(null);
  return (
    <nav className="app-panel" aria-labelledby="areas-nav-heading">
      <h2 className="nhsuk-heading-s" id="areas-nav-heading">
        {editing ? 'Your route through the ward' : 'Areas in walking order'}
      </h2>
      {editing ? (
        <RouteEditor stops={editing} onChange={setEditing} onDone={() => setEditing(null)} />
      ) : (
        <>
          <ul className="nhsuk-list app-area-list">
            {walk.walk.areas.map((a) => {
              const c = progress.byArea.get(a.key) ?? { answered: 0, applicable: 0 };
              const done = c.applicable > 0 && c.answered === c.applicable;
              return (
                <li key={a.key}>
                  <a href={href.walk(walk.assessment.id, a.key)} aria-current={a.key === current ? 'location' : undefined}>
                    {a.name}
                  </a>{' '}
                  <span className="app-area-count">
                    {c.answered} of {c.applicable}
                    {done && <strong className="nhsuk-tag nhsuk-tag--green app-tag-small">Done</strong>}
                  </span>{' '}
                  <AreaAssignee areaId={a.areaId} />
                </li>
              );
            })}
          </ul>
          {!walk.readOnly && (
            <button type="button" className="nhsuk-button nhsuk-button--secondary nhsuk-button--small nhsuk-u-margin-bottom-0" onClick={() => setEditing(walk.walk.areas)}>
              Change the route
            </button>
          )}
        </>
      )}
    </nav>
  );
}

function RouteEditor({ stops, onChange, onDone }: { stops: WalkArea[]; onChange: (stops: WalkArea[]) => void; onDone: () => void }) {
  const walk = useWalk();
  const client = useQueryClient();
  const dragging = useRef<number | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [moved, setMoved] = useState<string>('');
  const save = useMutation({
    mutationFn: () => call('assessments.setRoute', { assessmentId: walk.assessment.id, route: stops.map((s) => s.key) }),
    onSuccess: async (assessment) => {
      client.setQueryData(assessmentKeys.assessment(walk.assessment.id), assessment);
      await refreshAssessment(client, walk.assessment.id, []);
      walk.say('Route saved: the areas follow it, and the ward’s next round starts from it.');
      onDone();
    },
    onError: (error) => setProblem(messageOf(error)),
  });
  const move = (from: number, to: number) => {
    onChange(moveStop(stops, from, to));
    setMoved(`${stops[from]!.name} moved to place ${to + 1} of ${stops.length}.`);
  };
  const overIndex = (e: PointerEvent) => {
    const row = document.elementFromPoint(e.clientX, e.clientY)?.closest<HTMLElement>('[data-stop-index]');
    return row ? Number(row.dataset.stopIndex) : null;
  };
  return (
    <>
      <p className="nhsuk-body-s">Put the areas in the order you walk them. Drag a row by its handle, or use Up and Down.</p>
      {problem && (
        <p className="nhsuk-error-message" role="alert">
          {problem}
        </p>
      )}
      <ol className="nhsuk-list app-route-list">
        {stops.map((stop, index) => (
          <li key={stop.key} data-stop-index={index} className={dragging.current === index ? 'app-route-dragging' : undefined}>
            <button
              type="button"
              className="app-drag-handle"
              aria-label={`Drag ${stop.name}`}
              tabIndex={-1}
              onPointerDown={(e) => {
                e.currentTarget.setPointerCapture(e.pointerId);
                dragging.current = index;
              }}
              onPointerMove={(e) => {
                if (dragging.current === null) return;
                const to = overIndex(e);
                if (to !== null && to !== dragging.current) {
                  move(dragging.current, to);
                  dragging.current = to;
                }
              }}
              onPointerUp={() => {
                dragging.current = null;
              }}
            >
              <span aria-hidden="true">⠿</span>
            </button>
            <span className="app-route-name">
              {index + 1}. {stop.name}
            </span>
            <button type="button" className="app-route-move" disabled={index === 0} onClick={() => move(index, index - 1)}>
              Up<span className="nhsuk-u-visually-hidden">: move {stop.name} earlier</span>
            </button>
            <button type="button" className="app-route-move" disabled={index === stops.length - 1} onClick={() => move(index, index + 1)}>
              Down<span className="nhsuk-u-visually-hidden">: move {stop.name} later</span>
            </button>
          </li>
        ))}
      </ol>
      <p className="nhsuk-u-visually-hidden" role="status">
        {moved}
      </p>
      <div className="nhsuk-button-group nhsuk-u-margin-bottom-0">
        <button type="button" className="nhsuk-button nhsuk-button--small" aria-disabled={save.isPending || undefined} onClick={() => !save.isPending && save.mutate()}>
          Save the route
        </button>
        <button type="button" className="nhsuk-button nhsuk-button--secondary nhsuk-button--small" onClick={onDone}>
          Cancel
        </button>
      </div>
    </>
  );
}
