import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { migrationsFolder } from '../../../db/client.ts';

/**
 * The data half of migration 0009: the rollups of what is stored already (stage changes, folded facts), as the
 * evaluation hook would have written them; the triggers build the aggregates. Read from the migration itself so
 * the tests and the bench run exactly what an upgrade runs.
 */
export function rollupBackfill(): string[] {
  const migration = readFileSync(join(migrationsFolder, '0009_report_rollups.sql'), 'utf8').split('--> statement-breakpoint');
  return migration.filter((s) => /^\s*(\/\*[\s\S]*?\*\/\s*)?INSERT INTO `report_/.test(s));
}
