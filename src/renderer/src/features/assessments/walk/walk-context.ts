import { createContext, useContext } from 'react';
import type { Output } from '../../../../../shared/contract';
import type { Domain } from '../../../../../shared/templates';
import type { RegisterFigure } from '../../../../../shared/walk/number-answers';
import type { AnswerSaves } from './answer-saves';
import type { Assessment, Instance, StoredAnswer, Template, Walk } from './model';

/**
 * What every part of one walkthrough shares and that changes rarely (not with each answer): the
 * assessment, its checklists and walk, who is answering, and how to move on. Each question reads
 * its own answer and save state from the query cache and the save tracker, so an answer given
 * re-renders that question, not the walk.
 */
export interface WalkContextValue {
  assessment: Assessment;
  ward: Output<'wards.get'>;
  templates: Record<Domain, Template>;
  walk: Walk;
  readOnly: boolean;
  saves: AnswerSaves;
  assessorId: string;
  areaName(areaId: string | null): string;
  questionOf(itemId: string): string | undefined;
  assessorName(assessorId: string): string | undefined;
  /** The figure the register gives for a number question, if it knows one. */
  figureFor(instance: Instance): RegisterFigure | null;
  /** A key answered the question: move on (once its save is confirmed, when it was the area's last). */
  answeredByKey(instance: Instance, saved: Promise<StoredAnswer | null>): void;
  focused(instance: Instance): void;
  /** Shows (and announces) a message about the walk, under its heading. */
  say(text: string): void;
}

export const WalkContext = createContext<WalkContextValue | null>(null);

export function useWalk(): WalkContextValue {
  const value = useContext(WalkContext);
  if (!value) throw new Error('useWalk is used outside a walkthrough');
  return value;
}

/** The DOM id of a question's card (its place in the walkthrough). */
export function cardId(instance: { key: string }): string {
  return `item-${instance.key.replace(/[^A-Za-z0-9_-]/g, '_')}`;
}
