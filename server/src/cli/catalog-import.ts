import { CliError } from './args.ts';

/** `npm run shoploop -- catalog import FILE [--site ID]` — being written; see the catalog import work. */
export async function catalogImportCommand(_argv: string[]): Promise<void> {
  throw new CliError('catalog import is not available yet');
}
