import fs from 'node:fs';
import path from 'node:path';
import { exchangeJsonSchema } from '../shared/exchange/schema';

// `npm run schema:exchange`: writes the exchange file's JSON Schema, generated from the zod schema,
// to resources/schemas/. A test fails when the committed file and the zod schema disagree.

export const EXCHANGE_SCHEMA_FILE = path.join('resources', 'schemas', 'exchange-v1.schema.json');

export function exchangeSchemaText(): string {
  return `${JSON.stringify(exchangeJsonSchema(), null, 2)}\n`;
}

if (require.main === module) {
  const target = path.resolve(__dirname, '..', '..', EXCHANGE_SCHEMA_FILE);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(target, exchangeSchemaText());
  console.log(`Wrote ${EXCHANGE_SCHEMA_FILE}`);
}
