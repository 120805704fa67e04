import { describe, expect, it } from 'vitest';
import { addDays, financialYearOf, londonDate, londonDateOf } from '../../../src/shared/dates';
import { isActionOverdue, isDatedRemoval } from '../../../src/shared/scoring';

// The one definition of "today", of the round a date falls in, and of "overdue": shared by the
// forms, the engine, the action plan, the reports and the exchange file.

describe('the calendar date in Europe/London', () => {
  it('is the UTC date in winter (GMT) and the next day from 23:00 UTC in summer (BST)', () => {
    expect(londonDate(new Date('2026-12-31T23:59:00.000Z'))).toBe('2026-12-31');
    expect(londonDate(new Date('2026-06-30T22:59:00.000Z'))).toBe('2026-06-30');
    expect(londonDate(new Date('2026-06-30T23:00:00.000Z'))).toBe('2026-07-01');
    expect(londonDateOf('2026-03-29T00:30:00.000Z')).toBe('2026-03-29'); // the night the clocks go forward
    expect(londonDateOf('2026-10-24T23:30:00.000Z')).toBe('2026-10-25'); // still BST until 01:00 UTC on the 25th
  });

  it('moves by whole calendar days', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
  });
});

describe('the round (financial year) a date falls in', () => {
  it('starts on 1 April', () => {
    expect(financialYearOf('2026-11-20')).toBe('2026/27');
    expect(financialYearOf('2027-03-31')).toBe('2026/27');
    expect(financialYearOf('2027-04-01')).toBe('2027/28');
    expect(financialYearOf('2099-05-01')).toBe('2099/00');
  });
});

describe('overdue', () => {
  it('is an action not complete whose date has passed, or marked overdue; due on the day is not overdue', () => {
    expect(isActionOverdue('open', '2026-11-22', '2026-11-23')).toBe(true);
    expect(isActionOverdue('open', '2026-11-23', '2026-11-23')).toBe(false);
    expect(isActionOverdue('complete', '2020-01-01', '2026-11-23')).toBe(false);
    expect(isActionOverdue('overdue', null, '2026-11-23')).toBe(true);
    expect(isActionOverdue('overdue', '2030-01-01', '2026-11-23')).toBe(true);
    expect(isActionOverdue('on_track', null, '2026-11-23')).toBe(false);
    expect(isActionOverdue('at_risk', undefined, '2026-11-23')).toBe(false);
  });

  it('judged on the London date: an action due 30 June is overdue from 00:00 BST on 1 July, an hour before the UTC date turns', () => {
    const justAfterMidnightInLondon = new Date('2026-06-30T23:30:00.000Z');
    expect(isActionOverdue('open', '2026-06-30', londonDate(justAfterMidnightInLondon))).toBe(true);
    expect(isActionOverdue('open', '2026-06-30', justAfterMidnightInLondon.toISOString().slice(0, 10))).toBe(false);
  });
});

describe('a dated remove or replace action', () => {
  it('is open, of type remove or replace, and has a target date', () => {
    expect(isDatedRemoval('remove', 'open', '2027-01-31')).toBe(true);
    expect(isDatedRemoval('replace', 'overdue', '2026-01-31')).toBe(true);
    expect(isDatedRemoval('replace', 'complete', '2027-01-31')).toBe(false);
    expect(isDatedRemoval('replace', 'on_track', null)).toBe(false);
    expect(isDatedRemoval('mitigate', 'open', '2027-01-31')).toBe(false);
    expect(isDatedRemoval('accept', 'open', '2027-01-31')).toBe(false);
  });
});
