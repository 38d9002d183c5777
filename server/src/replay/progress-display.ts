import cliProgress from 'cli-progress';
import type { ReplayProgress } from './replay-uci.ts';

export interface ReplayProgressDisplay {
  update(progress: ReplayProgress): void;
  stop(): void;
}

const BAR_STEPS = 1000;
const phaseLabel = {
  read: 'reading the file',
  replay: 'replaying orders',
  resend: 'sending orders replayed before again (the collector acknowledges them as duplicates)',
  settle: 'settling stages',
} as const;
type Counting = Extract<ReplayProgress, { ordersDone: number }>;

/**
 * Replay progress on `out`: a live bar on a terminal; otherwise (CI logs, pipes) one line as each phase starts
 * and one per tenth of the orders, so a log gets a dozen lines and not thousands of redraws.
 */
export function createReplayProgress(out: NodeJS.WriteStream = process.stderr): ReplayProgressDisplay {
  let phase: ReplayProgress['phase'] | undefined;
  if (out.isTTY) {
    const bar = new cliProgress.SingleBar(
      { stream: out, format: 'replay {phase} |{bar}| {percentage}% | {detail}', hideCursor: true },
      cliProgress.Presets.shades_classic,
    );
    let running = false;
    return {
      update: (p) => {
        if (!running) bar.start(BAR_STEPS, 0, { phase: phaseLabel[p.phase], detail: '' });
        running = true;
        if (p.phase === 'read') bar.update(Math.round(p.fraction * BAR_STEPS), { phase: phaseLabel.read, detail: '' });
        else if (p.phase !== 'settle') bar.update(Math.round((p.ordersDone / Math.max(1, p.ordersTotal)) * BAR_STEPS), { phase: phaseLabel[p.phase], detail: detailOf(p) });
        else if (phase !== 'settle') bar.update(BAR_STEPS, { phase: phaseLabel.settle, detail: 'refitting buyer models' });
        phase = p.phase;
      },
      stop: () => {
        if (running) bar.stop();
        running = false;
      },
    };
  }
  let nextTenth = 0.1;
  return {
    update: (p) => {
      if (p.phase !== phase) {
        out.write(`replay: ${phaseLabel[p.phase]}\n`);
        nextTenth = 0.1;
      }
      phase = p.phase;
      if (!('ordersDone' in p) || p.ordersTotal === 0) return;
      const fraction = p.ordersDone / p.ordersTotal;
      if (fraction < nextTenth) return;
      while (nextTenth <= fraction) nextTenth += 0.1;
      out.write(`replay: ${Math.floor(fraction * 100)}% | ${detailOf(p)}\n`);
    },
    stop: () => {},
  };
}

function detailOf(p: Counting): string {
  return `${p.ordersDone.toLocaleString('en-US')}/${p.ordersTotal.toLocaleString('en-US')} orders, ${p.eventsSent.toLocaleString('en-US')} events`;
}
