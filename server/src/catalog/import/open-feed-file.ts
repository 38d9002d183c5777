import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { pipeline, type Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { FeedReadError } from './feed-row.ts';

/** A feed file opened for streaming: decoded UTF-8 text, and how far through the file on disk we are. */
export interface FeedFile {
  text: AsyncIterable<string>;
  /** bytes on disk (compressed bytes for a gzipped feed) */
  size: number;
  bytesRead(): number;
}

const GZIP_MAGIC = [0x1f, 0x8b];

/** Opens `path`, gunzipping when its first bytes say gzip (whatever the extension), and drops a UTF-8 BOM. */
export async function openFeedFile(path: string): Promise<FeedFile> {
  let size: number;
  let gzipped: boolean;
  try {
    const handle = await open(path, 'r');
    try {
      const stats = await handle.stat();
      if (!stats.isFile()) throw new Error('not a file');
      size = stats.size;
      const { buffer, bytesRead } = await handle.read(Buffer.alloc(2), 0, 2, 0);
      gzipped = bytesRead === 2 && buffer[0] === GZIP_MAGIC[0] && buffer[1] === GZIP_MAGIC[1];
    } finally {
      await handle.close();
    }
  } catch (e) {
    throw new FeedReadError(`cannot read ${path}: ${(e as Error).message}`);
  }
  const raw = createReadStream(path);
  const decoded: Readable = gzipped ? pipeline(raw, createGunzip(), () => {}) : raw;
  decoded.setEncoding('utf8');
  return { text: decodedText(decoded, path), size, bytesRead: () => raw.bytesRead };
}

async function* decodedText(stream: Readable, path: string): AsyncGenerator<string> {
  let first = true;
  try {
    for await (const chunk of stream as AsyncIterable<string>) {
      yield first && chunk.startsWith('\uFEFF') ? chunk.slice(1) : chunk;
      first = false;
    }
  } catch (e) {
    throw new FeedReadError(`cannot read ${path}: ${(e as Error).message}`);
  }
}
