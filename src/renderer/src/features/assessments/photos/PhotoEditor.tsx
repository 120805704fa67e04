import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type PointerEvent } from 'react';
import type { Output } from '../../../../../shared/contract';
import type { PhotoMarkup } from '../../../../../shared/domain/walkthrough-schemas';
import { describeMarkup } from '../../../../../shared/photos/markup';
import { messageOf } from '../../../api/api-error';
import { call } from '../../../api/call';
import { RadiosField } from '../../../components/RadiosField';
import { TextField } from '../../../components/TextField';
import { assessmentKeys } from '../assessment-queries';
import { MarkedPhoto } from './MarkedPhoto';

type Photo = Output<'photos.list'>[number];
type Tool = 'arrow' | 'circle' | 'label';
type Mark = PhotoMarkup[number];

const TOOLS = [
  { value: 'arrow', label: 'Arrow: press where it starts, lift where it points' },
  { value: 'circle', label: 'Circle: press at the centre, lift at the edge' },
  { value: 'label', label: 'Label: tap where the words go' },
];

const clamp = (n: number) => Math.min(1, Math.max(0, n));

/** Wide enough to draw on, short enough that a portrait photo fits a tablet's screen. */
function editorWidth(photo: Photo): number {
  const aspect = photo.width && photo.height ? photo.width / photo.height : 4 / 3;
  return Math.round(Math.min(480, 420 * aspect));
}
const round = (n: number) => Math.round(n * 1000) / 1000;

/** A mark in the middle of the photo, for adding one by keyboard (then moved with the arrows). */
function centred(tool: Tool, text: string): Mark {
  if (tool === 'arrow') return { kind: 'arrow', x1: 0.3, y1: 0.7, x2: 0.5, y2: 0.5 };
  if (tool === 'circle') return { kind: 'circle', x: 0.5, y: 0.5, r: 0.12 };
  return { kind: 'label', x: 0.4, y: 0.45, text };
}

function moved(mark: Mark, dx: number, dy: number): Mark {
  if (mark.kind === 'arrow') return { ...mark, x1: clamp(mark.x1 + dx), y1: clamp(mark.y1 + dy), x2: clamp(mark.x2 + dx), y2: clamp(mark.y2 + dy) };
  return { ...mark, x: clamp(mark.x + dx), y: clamp(mark.y + dy) };
}

/**
 * A photo's caption and mark-up: arrows, circles and short labels drawn over the photo with a
 * finger, pen or mouse, or added and moved by keyboard. Saved as a layer of its own; the stored
 * image never changes.
 */
export function PhotoEditor({ photo, idPrefix, assessmentId, assessorId, onDone }: { photo: Photo; idPrefix: string; assessmentId: string; assessorId: string; onDone: () => void }) {
  const client = useQueryClient();
  const [caption, setCaption] = useState(photo.caption ?? '');
  const [marks, setMarks] = useState<Mark[]>(photo.markup ?? []);
  const [tool, setTool] = useState<Tool>('arrow');
  const [labelText, setLabelText] = useState('');
  const [selected, setSelected] = useState<number | null>(null);
  const [drawing, setDrawing] = useState<Mark | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  const save = useMutation({
    mutationFn: () => call('photos.update', { id: photo.id, caption, markup: marks, assessorId }),
    onSuccess: (updated) => {
      client.setQueryData<Output<'photos.list'>>(assessmentKeys.photos(assessmentId), (list) => list?.map((p) => (p.id === updated.id ? updated : p)));
      onDone();
    },
    onError: (error) => setProblem(messageOf(error)),
  });

  const at = (e: PointerEvent<SVGSVGElement>) => {
    const box = e.currentTarget.getBoundingClientRect();
    return { x: round(clamp((e.clientX - box.left) / box.width)), y: round(clamp((e.clientY - box.top) / box.height)), width: box.width, height: box.height };
  };
  const pointer = {
    down: (e: PointerEvent<SVGSVGElement>) => {
      const p = at(e);
      if (tool === 'label') {
        if (labelText.trim() === '') {
          setProblem('Write the label’s words first, then tap where they go.');
          return;
        }
        setMarks((list) => [...list, { kind: 'label', x: p.x, y: p.y, text: labelText.trim() }]);
        return;
      }
      e.currentTarget.setPointerCapture(e.pointerId);
      setDrawing(tool === 'arrow' ? { kind: 'arrow', x1: p.x, y1: p.y, x2: p.x, y2: p.y } : { kind: 'circle', x: p.x, y: p.y, r: 0.01 });
    },
    move: (e: PointerEvent<SVGSVGElement>) => {
      if (!drawing) return;
      const p = at(e);
      if (drawing.kind === 'arrow') setDrawing({ ...drawing, x2: p.x, y2: p.y });
      else if (drawing.kind === 'circle') setDrawing({ ...drawing, r: round(Math.min(1, Math.max(0.01, Math.hypot((p.x - drawing.x) * p.width, (p.y - drawing.y) * p.height) / p.width))) });
    },
    up: () => {
      if (!drawing) return;
      const tiny = drawing.kind === 'arrow' ? Math.hypot(drawing.x2 - drawing.x1, drawing.y2 - drawing.y1) < 0.02 : false;
      if (!tiny) setMarks((list) => [...list, drawing]);
      setDrawing(null);
    },
  };

  const description = describeMarkup(marks);
  const nudge = (dx: number, dy: number) => selected !== null && setMarks((list) => list.map((m, i) => (i === selected ? moved(m, dx, dy) : m)));

  return (
    <section className="app-inline-form app-photo-editor" aria-labelledby={`${idPrefix}-editor-heading`}>
      <h4 className="nhsuk-heading-xs" id={`${idPrefix}-editor-heading`} tabIndex={-1} ref={heading}>
        Caption and mark-up
      </h4>
      {problem && (
        <p className="nhsuk-error-message" role="alert">
          {problem}
        </p>
      )}
      <TextField id={`${idPrefix}-caption`} label="Caption" hint="What the photo shows and where, e.g. Door closer arm, patient side" autoComplete="off" value={caption} onChange={(e) => setCaption(e.target.value)} />
      <RadiosField idPrefix={`${idPrefix}-tool`} legend="Mark with" choices={TOOLS} checkedValue={tool} inputProps={{ name: `${idPrefix}-tool`, onChange: (e) => setTool(e.target.value as Tool) }} />
      {tool === 'label' && <TextField id={`${idPrefix}-label-text`} label="Label words" hint="Up to 40 characters" maxLength={40} autoComplete="off" value={labelText} onChange={(e) => setLabelText(e.target.value)} />}
      <MarkedPhoto photo={photo} alt="The photo being marked up" markup={drawing ? [...marks, drawing] : marks} width={editorWidth(photo)} onPointer={pointer} />
      <div className="app-button-row">
        <button
          type="button"
          className="nhsuk-button nhsuk-button--secondary nhsuk-button--small"
          onClick={() => {
            if (tool === 'label' && labelText.trim() === '') {
              setProblem('Write the label’s words first.');
              return;
            }
            setMarks((list) => [...list, centred(tool, labelText.trim())]);
            setSelected(marks.length);
          }}
        >
          Add {tool === 'arrow' ? 'an arrow' : tool === 'circle' ? 'a circle' : 'the label'} in the middle
        </button>
      </div>
      {marks.length > 0 && (
        <fieldset className="nhsuk-fieldset">
          <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">Marks</legend>
          <ul className="nhsuk-list app-mark-list">
            {marks.map((mark, index) => (
              <li key={index} className={selected === index ? 'app-mark-selected' : undefined}>
                {description[index]}{' '}
                <button type="button" className="app-link-button" aria-pressed={selected === index} onClick={() => setSelected(selected === index ? null : index)}>
                  {selected === index ? 'Selected' : 'Select to move'}
                  <span className="nhsuk-u-visually-hidden"> mark {index + 1}</span>
                </button>{' '}
                <button
                  type="button"
                  className="app-link-button"
                  onClick={() => {
                    setMarks((list) => list.filter((_, i) => i !== index));
                    setSelected(null);
                  }}
                >
                  Remove<span className="nhsuk-u-visually-hidden"> mark {index + 1}</span>
                </button>
              </li>
            ))}
          </ul>
          {selected !== null && (
            <div className="app-button-row" aria-label="Move the selected mark" role="group">
              {(
                [
                  ['Up', 0, -0.05],
                  ['Down', 0, 0.05],
                  ['Left', -0.05, 0],
                  ['Right', 0.05, 0],
                ] as const
              ).map(([label, dx, dy]) => (
                <button key={label} type="button" className="nhsuk-button nhsuk-button--secondary nhsuk-button--small" onClick={() => nudge(dx, dy)}>
                  {label}
                </button>
              ))}
            </div>
          )}
        </fieldset>
      )}
      <div className="nhsuk-button-group">
        <button type="button" className="nhsuk-button" aria-disabled={save.isPending || undefined} onClick={() => !save.isPending && save.mutate()}>
          Save caption and mark-up
        </button>
        <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={onDone}>
          Cancel
        </button>
      </div>
    </section>
  );
}
