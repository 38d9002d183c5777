import type { Cohort } from '../../api/types.ts';
import type { Format } from '../../format/format.ts';
import { DataTable, type Column } from '../../table/data-table.tsx';
import { heatOf } from '../../ui/heat.ts';
import { Section } from '../../ui/parts.tsx';

/** First-order month × months since: the repeat-order rate as a coloured table (a heat map). */
export function CohortTable({ cohorts, f }: { cohorts: Cohort[]; f: Format }) {
  const width = Math.max(0, ...cohorts.map((c) => c.repeat.length));
  const max = Math.max(0, ...cohorts.flatMap((c) => c.repeat.map((v) => v ?? 0)));
  const columns: Array<Column<Cohort>> = [
    { label: 'First order', value: (c) => c.month, render: (c) => f.month(c.month) },
    { label: 'Buyers', value: (c) => c.buyers, render: (c) => f.count(c.buyers), numeric: true },
    ...Array.from({ length: width }, (_, k): Column<Cohort> => ({
      label: k === 0 ? 'Same month' : `+${k} mo`,
      value: (c) => c.repeat[k] ?? null,
      render: (c) => (c.repeat[k] === null || c.repeat[k] === undefined ? '' : f.percent(c.repeat[k])),
      numeric: true,
      cellClass: (c) => `cell ${heatOf(c.repeat[k], max).strong ? 'strong' : ''}`,
      cellVars: (c) => heatOf(c.repeat[k], max).vars,
    })),
  ];
  return (
    <Section title="Repeat-order rate by first-order month">
      <p class="hint">
        Each row is the buyers whose first order fell in that month; a cell is the share of them who ordered again that many months later
        ("Same month": a second order within the first month). Blank: that month has not begun.
      </p>
      <div class="heat">
        <DataTable name="cohorts" rows={cohorts} rowKey={(c) => c.month} columns={columns} empty="No buyers in this period." />
      </div>
    </Section>
  );
}
