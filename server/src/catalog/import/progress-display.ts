import cliProgress from 'cli-progress';

export interface ProgressDisplay {
  update(rowsDone: number, rowsTotal: number | undefined, fractionRead: number): void;
  stop(): void;
}

/** A terminal needs more than 100 steps for a bar that visibly moves on a large feed. */
const BAR_STEPS = 1000;

/**
 * Import progress on `out`: a live bar when it is a terminal, otherwise (CI logs, pipes) a plain line at each
 * quarter, so a log file gets a few lines and not thousands of redraws.
 */
export function createProgressDisplay(out: NodeJS.WriteStream = process.stderr, label = 'catalog import'): ProgressDisplay {
  if (out.isTTY) {
    const bar = new cliProgress.SingleBar(
      { stream: out, format: `${label} |{bar}| {percentage}% | {rows} rows`, hideCursor: true },
      cliProgress.Presets.shades_classic,
    );
    bar.start(BAR_STEPS, 0, { rows: '0' });
    let running = true;
    return {
      update: (rows, _total, fraction) => {
        if (running) bar.update(Math.round(fraction * BAR_STEPS), { rows: rows.toLocaleString('en-US') });
      },
      stop: () => {
        if (running) bar.stop();
        running = false;
      },
    };
  }
  let nextQuarter = 0.25;
  return {
    update: (rows, _total, fraction) => {
      if (fraction < nextQuarter || fraction >= 1) return;
      while (nextQuarter <= fraction) nextQuarter += 0.25;
      out.write(`${label}: ${Math.floor(fraction * 100)}% read, ${rows.toLocaleString('en-US')} rows\n`);
    },
    stop: () => {},
  };
}
