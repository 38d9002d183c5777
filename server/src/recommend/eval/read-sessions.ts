import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import type { Click } from '../types.ts';

/** header names of the three columns the evaluator reads; other columns are ignored */
export interface ColumnNames {
  session: string;
  item: string;
  time: string;
}

export const sessionRecColumns: Readonly<ColumnNames> = { session: 'SessionId', item: 'ItemId', time: 'Time' };

export interface SessionFileFormat {
  /** field separator, tab by default (session-rec's files) */
  separator?: string;
  columns?: Partial<ColumnNames>;
}

/** A session or reference file that cannot be read or does not have the expected shape. */
export class DataFileError extends Error {
  override readonly name = 'DataFileError';
}

export function readSessionFile(path: string, format: SessionFileFormat = {}): Click[] {
  return parseSessions(readText(path), path, format);
}

export function readText(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new DataFileError(code === 'ENOENT' ? `${path}: file not found` : `${path}: cannot read (${code ?? String(error)})`);
  }
}

/**
 * Parses clicks from delimited text with a header row. Time may be a number (any unit) or a date string,
 * which becomes unix seconds.
 */
export function parseSessions(text: string, source: string, format: SessionFileFormat = {}): Click[] {
  const columns = { ...sessionRecColumns, ...format.columns };
  let rows: string[][];
  try {
    rows = parse(text, { delimiter: format.separator ?? '\t', skip_empty_lines: true, trim: true, relax_column_count: true });
  } catch (error) {
    throw new DataFileError(`${source}: ${(error as Error).message}`);
  }
  const header = rows[0];
  if (!header) throw new DataFileError(`${source}: empty file, expected a header row`);
  const at = (name: string): number => {
    const index = header.indexOf(name);
    if (index < 0) {
      throw new DataFileError(`${source}: no column "${name}" in header [${header.join(', ')}] (set --columns and --sep)`);
    }
    return index;
  };
  const sessionAt = at(columns.session);
  const itemAt = at(columns.item);
  const timeAt = at(columns.time);
  const clicks: Click[] = [];
  for (let r = 1; r < rows.length; r++) {
    const row = rows[r] as string[];
    const sessionId = row[sessionAt];
    const itemId = row[itemAt];
    const rawTime = row[timeAt];
    if (!sessionId || !itemId || rawTime === undefined || rawTime === '') {
      throw new DataFileError(`${source}: row ${r + 1} lacks a session, item or time: ${row.join(' | ')}`);
    }
    const time = parseTime(rawTime);
    if (time === undefined) throw new DataFileError(`${source}: row ${r + 1} has an unreadable time "${rawTime}"`);
    clicks.push({ sessionId, itemId, time });
  }
  if (clicks.length === 0) throw new DataFileError(`${source}: header only, no clicks`);
  return clicks;
}

function parseTime(raw: string): number | undefined {
  const number = Number(raw);
  if (Number.isFinite(number)) return number;
  const ms = Date.parse(raw);
  return Number.isNaN(ms) ? undefined : ms / 1000;
}
