// The in-browser mock answers in Rust values, not JSON. The backend crate's native
// tests encode every kind of answer it gives (refusals too), prove the encoding
// decodes back to the same values, and write them to target/mock-answers.json;
// here they are checked against docs/openapi.yaml with the same checker as the
// fake backend's answers, so the document, the mock and the client cannot drift.
import { readFileSync } from 'node:fs';
import { test, expect } from '@playwright/test';

import { responseProblems } from './contract.mjs';

const file = new URL('../../../target/mock-answers.json', import.meta.url);

test('every answer of the mock conforms to docs/openapi.yaml', () => {
  let answers;
  try {
    answers = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    throw new Error(`${file.pathname} is missing: run "cargo test -p backend" first (make test does)`);
  }
  const paths = new Set(answers.map((a) => `${a.method} ${a.path.replace(/\/[^/]*\d[^/]*/g, '/{id}')}`));
  expect(paths.size, 'kinds of answer checked').toBeGreaterThanOrEqual(14);
  const problems = answers.flatMap((a) => responseProblems(a.method, a.path, a.status, JSON.stringify(a.body)));
  expect(problems).toEqual([]);
});
