import { loadConfig } from '../config.ts';
import { openMigratedDb } from '../db/client.ts';

/** The database the server would use, migrated: every CLI command starts here. */
export async function dbFromEnv() {
  const config = loadConfig();
  return openMigratedDb(config.dbUrl, config.dbAuthToken);
}
