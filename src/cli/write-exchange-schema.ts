import fs from 'node:fs';
import path from 'node:path';
import { exchangeJsonSchema } from '../shared/exchange/schema';
import { handoutJsonSchema } from '../shared/merge/handout-schema';

// `npm run schema:exchange`: writes the JSON Schemas of the files the app exchanges (a board's
// return, and hand-out files between devices), generated from the zod schemas, to
// resources/schemas/. A test fails when a committed file and its zod schema disagree.

export const EXCHANGE_SCHEMA_FILE = path.join('resources', 'schemas', 'exchange-v1.schema.json');
export const HANDOUT_SCHEMA_FILE = path.join('resources', 'schemas', 'handout-v1.schema.json');

export function exchangeSchemaText(): string {
  return `${JSON.stringify(exchangeJsonSchema(), null, 2)}\n`;
}

export function handoutSchemaText(): string {
  return `${JSON.stringify(handoutJsonSchema(), null, 2)}\n`;
}

if (require.main === module) {
  for (const [file, text] of [
    [EXCHANGE_SCHEMA_FILE, exchangeSchemaText()],
    [HANDOUT_SCHEMA_FILE, handoutSchemaText()],
  ] as const) {
    const target = path.resolve(__dirname, '..', '..', file);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, text);
    console.log(`Wrote ${file}`);
  }
}
