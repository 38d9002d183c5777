import { describe, expect, test } from 'vitest';
import { everyDay, stackedBars, tickStep, type Frame } from './stacked-bars.ts';

const frame: Frame = { width: 340, height: 240, margin: { top: 10, right: 10, bottom: 30, left: 30 } };
const zero = { potential: 0, here_and_now: 0, at_risk: 0, dormant: 0, loyal: 0 };

describe('everyDay', () => {
  test('lists the days of a period across a month end, both ends included', () => {
    expect(everyDay('2026-10-30', '2026-11-02')).toEqual(['2026-10-30', '2026-10-31', '2026-11-01', '2026-11-02']);
    expect(everyDay('2026-11-02', '2026-11-01')).toEqual([]);
  });
});

describe('tickStep', () => {
  test.each([
    [0, 1],
    [3, 1],
    [7, 2],
    [17, 5],
    [40, 10],
    [1234, 500],
  ])('max %i → step %i', (max, step) => expect(tickStep(max)).toBe(step));
});

describe('stackedBars', () => {
  test('stacks stages bottom-up in stage order, heights in proportion, the tallest bar reaching no higher than the top', () => {
    const rows = [
      { day: '2026-11-01', ...zero, potential: 6, loyal: 2 },
      { day: '2026-11-03', ...zero, at_risk: 3 },
    ];
    const chart = stackedBars(rows, '2026-11-01', '2026-11-03', frame);
    expect(chart.days).toHaveLength(3);
    expect(chart.ticks.map((t) => t.value)).toEqual([0, 2, 4, 6, 8]);
    const plotBottom = 240 - 30;
    const [first, second] = chart.bars;
    expect(first!.segments.map((s) => s.stage)).toEqual(['potential', 'loyal']);
    const [potential, loyal] = first!.segments;
    expect(potential!.y + potential!.height).toBeCloseTo(plotBottom);
    expect(loyal!.y + loyal!.height).toBeCloseTo(potential!.y); // loyal sits on potential
    expect(potential!.height / loyal!.height).toBeCloseTo(3);
    expect(loyal!.y).toBeCloseTo(10); // 8 of 8: the plot's top
    // placed by date: the 3rd is two slots to the right of the 1st, the 2nd is a gap
    expect(second!.x - first!.x).toBeCloseTo(2 * chart.slot);
  });

  test('no rows: no bars, an axis from 0 to 1', () => {
    const chart = stackedBars([], '2026-11-01', '2026-11-30', frame);
    expect(chart.bars).toEqual([]);
    expect(chart.ticks.map((t) => t.value)).toEqual([0, 1]);
  });

  test('rows outside the period are not drawn', () => {
    const chart = stackedBars([{ day: '2026-12-01', ...zero, potential: 1 }], '2026-11-01', '2026-11-30', frame);
    expect(chart.bars).toEqual([]);
  });
});
