import { CliError } from './args.ts';

/** `npm run shoploop -- replay uci FILE` — being written. */
export async function replayCommand(_argv: string[]): Promise<void> {
  throw new CliError('replay is not available yet');
}
