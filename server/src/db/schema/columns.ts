import { integer } from 'drizzle-orm/sqlite-core';

/** Milliseconds since the Unix epoch, stored as an integer (sortable, zone-free). */
export const epochMs = (name: string) => integer(name, { mode: 'number' });
