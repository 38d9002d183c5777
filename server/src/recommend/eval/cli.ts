// npm run eval:recs -- --train FILE --test FILE [--reference DIR] [--json] [--limit-sessions N] [--model vsknn]
import { parseCliArgs, usage, UsageError } from './cli-args.ts';
import { vsknnDefaults } from '../session-knn.ts';
import { shoploopOptions } from '../tuned-options.ts';
import { evaluate } from './evaluate.ts';
import { DataFileError, readSessionFile } from './read-sessions.ts';
import { readReferenceDir } from './reference.ts';
import { toJson, toTable } from './report.ts';

function main(argv: readonly string[]): number {
  try {
    const options = parseCliArgs(argv);
    const train = readSessionFile(options.train, options.format);
    const test = readSessionFile(options.test, options.format);
    const reference = options.reference === undefined ? undefined : readReferenceDir(options.reference);
    const result = evaluate({
      train,
      test,
      options: options.model === 'vsknn' ? { knn: vsknnDefaults } : shoploopOptions,
      ...(reference && { reference }),
      ...(options.limitSessions && { maxSessions: options.limitSessions }),
    });
    process.stdout.write(options.json ? `${JSON.stringify(toJson(result), null, 2)}\n` : `${toTable(result)}\n`);
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`eval:recs: ${error.message}\n${usage}\n`);
      return 2;
    }
    if (error instanceof DataFileError) {
      process.stderr.write(`eval:recs: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
}

process.exitCode = main(process.argv.slice(2));
