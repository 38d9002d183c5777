import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { useAppContext } from '../ui/app-context.ts';
import { chartOptions, type ChartSpec } from './options.ts';

interface Props extends ChartSpec {
  /** what the chart shows, for screen readers (its numbers are in the table beside it) */
  title: string;
  height?: number;
}

/**
 * A uPlot chart that fills its container's width and follows it as it resizes; redrawn when the data or the theme
 * changes (the canvas takes colours, not CSS variables).
 */
export function Chart({ title, height = 260, ...spec }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const { theme } = useAppContext();
  const key = JSON.stringify([spec.kind, spec.x, spec.series]);

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const width = () => Math.max(240, Math.floor(el.clientWidth));
    const { opts, data } = chartOptions(spec, { width: width(), height });
    const plot = new uPlot(opts, data, el);
    const observer = new ResizeObserver(() => {
      if (Math.abs(plot.width - width()) > 1) plot.setSize({ width: width(), height });
    });
    observer.observe(el);
    return () => {
      observer.disconnect();
      plot.destroy();
    };
  }, [key, theme, height]);

  return <div class="chart" ref={box} role="img" aria-label={title} data-chart={title} />;
}
