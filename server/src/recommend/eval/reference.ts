import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { PredictionPoint } from './protocol.ts';
import { DataFileError, readText } from './read-sessions.ts';

/** One saved top-N list of session-rec's Saver metric (evaluation/metrics/saver.py). */
export interface ReferenceList {
  sessionId: string;
  /** the protocol's position: the list was made after clicks 0..position of the session */
  position: number;
  items: string[];
}

export interface ReferenceRun {
  /** algorithm key, the file name's last `_` part: recoms_rsc15_100k_vsknn.csv → vsknn */
  name: string;
  lists: ReferenceList[];
}

const REFERENCE_FILE = /^recoms_.*_([^_]+)\.csv$/;

/** Parses `SessionId;Position;Recommendations;Scores`, lists comma separated. */
export function parseReferenceFile(text: string, source: string): ReferenceList[] {
  const lines = text.split(/\r?\n/).filter((line) => line.trim() !== '');
  const header = lines[0]?.split(';');
  if (!header || header[0] !== 'SessionId' || header[1] !== 'Position' || header[2] !== 'Recommendations') {
    throw new DataFileError(`${source}: expected header SessionId;Position;Recommendations;Scores`);
  }
  return lines.slice(1).map((line, i) => {
    const [sessionId, position, recommendations] = line.split(';');
    const parsedPosition = Number(position);
    if (!sessionId || !Number.isInteger(parsedPosition) || parsedPosition < 0 || recommendations === undefined) {
      throw new DataFileError(`${source}: line ${i + 2} is not SessionId;Position;Recommendations;Scores`);
    }
    return { sessionId, position: parsedPosition, items: recommendations === '' ? [] : recommendations.split(',') };
  });
}

/** every `recoms_*_<name>.csv` in `dir`, sorted by name */
export function readReferenceDir(dir: string): ReferenceRun[] {
  let files: string[];
  try {
    files = readdirSync(dir);
  } catch {
    throw new DataFileError(`${dir}: reference directory not found`);
  }
  const runs = files
    .map((file) => ({ file, match: REFERENCE_FILE.exec(file) }))
    .filter((f): f is { file: string; match: RegExpExecArray } => f.match !== null)
    .map(({ file, match }) => ({ name: match[1] as string, lists: parseReferenceFile(readText(join(dir, file)), join(dir, file)) }))
    .sort((a, b) => a.name.localeCompare(b.name));
  if (runs.length === 0) throw new DataFileError(`${dir}: no recoms_*_<algorithm>.csv files`);
  return runs;
}

export interface MatchedReference {
  /** the prediction points every run covers, in test order */
  points: PredictionPoint[];
  /** per run, its list at each of `points` */
  lists: Map<string, string[][]>;
}

export function pointKey(sessionId: string, position: number): string {
  return `${sessionId}\u0000${position}`;
}

/**
 * Lines the runs' lists up with the test's prediction points by (SessionId, Position). A list with no such
 * point means the test file or the protocol differs from the one that produced the run, so it is an error,
 * not something to skip; points that only some runs cover are left out so all runs share the same points.
 */
export function matchReference(points: readonly PredictionPoint[], runs: readonly ReferenceRun[]): MatchedReference {
  const byKey = new Map(points.map((point) => [pointKey(point.sessionId, point.position), point]));
  const perRun = runs.map((run) => {
    const lists = new Map<string, string[]>();
    for (const list of run.lists) {
      const key = pointKey(list.sessionId, list.position);
      if (!byKey.has(key)) {
        throw new DataFileError(
          `reference ${run.name}: session ${list.sessionId} position ${list.position} is not a prediction point of the test file`,
        );
      }
      lists.set(key, list.items);
    }
    return { name: run.name, lists };
  });
  const shared = points.filter((point) => perRun.every((run) => run.lists.has(pointKey(point.sessionId, point.position))));
  const lists = new Map<string, string[][]>();
  for (const run of perRun) {
    lists.set(run.name, shared.map((point) => run.lists.get(pointKey(point.sessionId, point.position)) as string[]));
  }
  return { points: shared, lists };
}
