import { parseArgs } from 'node:util';
import type { ColumnNames, SessionFileFormat } from './read-sessions.ts';

export interface CliOptions {
  train: string;
  test: string;
  reference?: string;
  json: boolean;
  limitSessions?: number;
  /** `shoploop` (the tuned configuration) or `vsknn` (session-rec's V-SKNN parameters, no extensions) */
  model: 'shoploop' | 'vsknn';
  format: SessionFileFormat;
}

export const usage =
  'usage: npm run eval:recs -- --train FILE --test FILE [--reference DIR] [--json] [--limit-sessions N]\n' +
  '                            [--columns session=COL,item=COL,time=COL] [--sep CHAR] [--model shoploop|vsknn]';

/** A command line the evaluator cannot run; the message says what to fix. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export function parseCliArgs(argv: readonly string[]): CliOptions {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        train: { type: 'string' },
        test: { type: 'string' },
        reference: { type: 'string' },
        json: { type: 'boolean', default: false },
        'limit-sessions': { type: 'string' },
        columns: { type: 'string' },
        sep: { type: 'string' },
        model: { type: 'string', default: 'shoploop' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (!values.train || !values.test) throw new UsageError('--train and --test are required');
  const model = values.model ?? 'shoploop';
  if (model !== 'shoploop' && model !== 'vsknn') throw new UsageError('--model must be shoploop or vsknn');
  const options: CliOptions = { train: values.train, test: values.test, json: values.json ?? false, model, format: {} };
  if (values.reference) options.reference = values.reference;
  if (values['limit-sessions'] !== undefined) {
    const n = Number(values['limit-sessions']);
    if (!Number.isInteger(n) || n < 1) throw new UsageError('--limit-sessions must be a positive integer');
    options.limitSessions = n;
  }
  if (values.sep !== undefined) options.format.separator = values.sep === '\\t' ? '\t' : values.sep;
  if (values.columns !== undefined) options.format.columns = parseColumns(values.columns);
  return options;
}

/** `session=visitor_id,item=sku,time=ts` → column names; unnamed roles keep session-rec's defaults */
function parseColumns(spec: string): Partial<ColumnNames> {
  const columns: Partial<ColumnNames> = {};
  for (const part of spec.split(',')) {
    const [role, name] = part.split('=').map((s) => s.trim());
    if ((role !== 'session' && role !== 'item' && role !== 'time') || !name) {
      throw new UsageError(`--columns: "${part}" is not session=NAME, item=NAME or time=NAME`);
    }
    columns[role] = name;
  }
  return columns;
}
