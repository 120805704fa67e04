import type { Output } from '../../shared/contract';
import type { Result } from '../../shared/result';
import { printResult, report, type Command } from '../command';

export const seedDemo: Command = {
  name: 'seed-demo',
  usage: 'seed-demo',
  summary: 'Add the fictional demo board (3 sites, 12 wards with their areas).',
  async run({ core }) {
    const result = (await core.dispatch('demo.seed', {})) as Result<Output<'demo.seed'>>;
    if (!result.ok) return report(result);
    const { sites, wards, areas } = result.data;
    console.log(`Demo estate added to ${core.file}: 1 board, ${sites} sites, ${wards} wards, ${areas} areas.`);
    return 0;
  },
};

export const info: Command = {
  name: 'info',
  usage: 'info',
  summary: 'Show the database in use and its schema version (and what is wrong with it, if it is damaged).',
  worksInRecovery: true,
  async run({ core }) {
    return printResult(await core.dispatch('app.info', {}));
  },
};

export const score: Command = {
  name: 'score',
  usage: 'score --assessment ID',
  summary: 'Print the full scored result of an assessment as JSON.',
  options: { assessment: { type: 'string' } },
  async run({ core, options }) {
    if (typeof options.assessment !== 'string') {
      console.error('Name the assessment: score --assessment ID');
      return 2;
    }
    return printResult(await core.dispatch('assessments.score', { id: options.assessment }));
  },
};

export const call: Command = {
  name: 'call',
  usage: 'call OP [JSON]',
  summary:
    'Run one operation of the app\'s contract with a JSON input and print the JSON result,\n' +
    '                       e.g.  call boards.list   or   call sites.list \'{"boardId":"…"}\'',
  worksInRecovery: true,
  async run({ core, args }) {
    const [operation, json] = args;
    if (!operation) {
      console.error('Name the operation to call, e.g. "call boards.list". "operations" lists them.');
      return 2;
    }
    let input: unknown = {};
    if (json !== undefined) {
      try {
        input = JSON.parse(json);
      } catch {
        console.error(`The input for ${operation} is not valid JSON: ${json}`);
        return 2;
      }
    }
    return printResult(await core.dispatch(operation, input));
  },
};
