import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { vsknnDefaults } from '../session-knn.ts';
import { evaluate } from './evaluate.ts';
import { readSessionFile } from './read-sessions.ts';
import { readReferenceDir } from './reference.ts';

// the shared data lives next to the repository, never in it (see docs/recommendations.md)
const dir = join(import.meta.dirname, '../../../../../shared/data/yoochoose_rsc15');
const available = existsSync(join(dir, 'reference_recommendations'));
if (!available) console.warn(`skipping the RSC15 reference checks: ${dir} not found`);

test.skipIf(!available)('RSC15 reference: the framework outputs score as published, on 387 points, and so does our V-SKNN', () => {
  const train = readSessionFile(join(dir, 'yoochoose-clicks-100k_train_full.txt'));
  const test = readSessionFile(join(dir, 'yoochoose-clicks-100k_test.txt'));
  // only the first 99 test sessions are needed for the reference points: keeps the test fast
  const result = evaluate({
    train,
    test,
    reference: readReferenceDir(join(dir, 'reference_recommendations')),
    maxSessions: 120,
    options: { knn: vsknnDefaults },
  });
  const reference = result.reference;
  expect(reference?.points).toBe(387);
  const figures = (name: string) => {
    const scores = reference?.scores[name];
    return [scores?.['HR@20'].toFixed(4), scores?.['MRR@20'].toFixed(4)];
  };
  expect(figures('vsknn')).toEqual(['0.6098', '0.3342']);
  expect(figures('ar')).toEqual(['0.5917', '0.3160']);
  expect(figures('sr')).toEqual(['0.5607', '0.3275']);
  expect(figures('gru4rec')).toEqual(['0.5711', '0.3289']);
  expect(figures('popularity')).toEqual(['0.0672', '0.0168']);
  // our V-SKNN with session-rec's parameters: identical lists up to ties among neighbours at the k-th place
  expect(figures('shoploop')).toEqual(['0.6098', '0.3342']);
}, 30_000);
