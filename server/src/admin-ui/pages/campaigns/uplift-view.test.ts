import { expect, test } from 'vitest';
import { makeFormat } from '../../format/format.ts';
import { upliftOf } from '../../../campaigns/uplift/uplift.ts';
import { upliftView } from './uplift-view.ts';

const f = makeFormat('EUR', 'en');

test('underpowered groups show no number, only what they need (from the real uplift computation)', () => {
  const u = upliftOf({ people: 40, converted: 6 }, { people: 5, converted: 0 });
  expect(u.enoughData).toBe(false);
  const v = upliftView(u, f);
  expect(v).toMatchObject({ verdict: 'underpowered', headline: 'not enough data yet', points: null, lower: null, upper: null });
  expect(v.detail).toMatch(/^needs [\d,]+ people in each group$/);
});

test('an interval above zero reads as better, with the uplift and its 95 % interval in points', () => {
  const u = upliftOf({ people: 20_000, converted: 3_000 }, { people: 20_000, converted: 2_000 });
  expect(u.enoughData).toBe(true);
  const v = upliftView(u, f);
  expect(v.verdict).toBe('better');
  expect(v.headline).toBe('+5.0 pts');
  expect(v.points).toBe(5);
  expect(v.lower!).toBeGreaterThan(0);
  expect(v.upper!).toBeGreaterThan(v.points!);
  expect(v.detail).toMatch(/^95 %: \+4\.\d pts to \+5\.\d pts$/);
});

test('an interval across zero is unclear; one below zero is worse (minus sign, not hyphen)', () => {
  const unclear = upliftView({ enoughData: true, treatmentRate: 0.1, controlRate: 0.1, uplift: 0.001, ci95: [-0.004, 0.006] }, f);
  expect(unclear).toMatchObject({ verdict: 'unclear', headline: '+0.1 pts', detail: '95 %: −0.4 pts to +0.6 pts' });
  const worse = upliftView({ enoughData: true, treatmentRate: 0.08, controlRate: 0.1, uplift: -0.02, ci95: [-0.03, -0.01] }, f);
  expect(worse).toMatchObject({ verdict: 'worse', headline: '−2.0 pts', points: -2, lower: -3, upper: -1 });
});
