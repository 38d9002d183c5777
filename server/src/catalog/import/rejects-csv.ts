import { open } from 'node:fs/promises';
import { finished } from 'node:stream/promises';
import type { RejectedRow } from './import-report.ts';

const cell = (v: string | number | undefined): string => {
  const s = v === undefined ? '' : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

export interface RejectsCsv {
  write(rejected: RejectedRow): void;
  close(): Promise<void>;
}

/** Streams every rejected row to a CSV file (row, line, item_id, reason), so a feed of any size fits. */
export async function openRejectsCsv(path: string): Promise<RejectsCsv> {
  const handle = await open(path, 'w');
  const out = handle.createWriteStream();
  out.write('row,line,item_id,reason\n');
  return {
    write: (r) => void out.write(`${[r.row, r.line, r.itemId, r.reason].map(cell).join(',')}\n`),
    close: async () => {
      out.end();
      await finished(out);
    },
  };
}
