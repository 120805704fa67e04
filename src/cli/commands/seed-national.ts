import { seedNational } from '../../core/services/national/seed';
import type { Command } from '../command';

function positiveInteger(name: string, raw: string | boolean | undefined): number | undefined | Error {
  if (raw === undefined) return undefined;
  const value = Number(raw);
  return typeof raw === 'string' && Number.isInteger(value) && value >= 0 ? value : new Error(`--${name} must be a whole number, not "${String(raw)}"`);
}

export const seedNationalCommand: Command = {
  name: 'seed-national',
  usage: 'seed-national [--seed N] [--boards N] [--wards-per-board N]',
  summary:
    'Build a synthetic national estate (14 boards, ~120 sites, ~400 wards, three rounds of\n' +
    '                       signed-off assessments) for benchmarks and demonstrations. Same seed, same data.',
  options: { seed: { type: 'string' }, boards: { type: 'string' }, 'wards-per-board': { type: 'string' } },
  run({ core, options }) {
    const seed = positiveInteger('seed', options.seed) ?? 1;
    const boards = positiveInteger('boards', options.boards);
    const wardsPerBoard = positiveInteger('wards-per-board', options['wards-per-board']);
    for (const value of [seed, boards, wardsPerBoard]) {
      if (value instanceof Error) {
        console.error(value.message);
        return 2;
      }
    }
    const started = performance.now();
    const summary = seedNational(core.store.db, {
      seed: seed as number,
      ...(typeof boards === 'number' ? { boards } : {}),
      ...(typeof wardsPerBoard === 'number' ? { wardsPerBoard } : {}),
      onProgress: (message) => console.log(message),
    });
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(
      `National estate added to ${core.file} in ${seconds} s (seed ${String(seed)}): ${summary.boards} boards, ${summary.sites} sites, ` +
        `${summary.wards} wards, ${summary.areas} areas, ${summary.assessments} signed-off assessments, ${summary.answers} answers, ` +
        `${summary.ligaturePoints} ligature points, ${summary.actions} actions.`,
    );
    return 0;
  },
};
