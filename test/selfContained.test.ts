/**
 * A clone with nothing beside it runs every test (issue 11): no string literal under src/, e2e/ or
 * test/ names a path in the shared folder beside the repository, and every file the tests read is here.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scanTree, sharedPathLiterals } from '../scripts/ci/sharedPathLiterals';
import { DATA_FIXTURES, NIR_FIXTURES, NIR_PAPER, REPO_ROOT, VALIDATOR } from './paths';

describe('sharedPathLiterals', () => {
  // The sources under test are built from pieces so that this file holds no such literal itself.
  const up = '..';
  it('flags literals that name the sibling folder, at any depth and in templates, and join(…, "shared")', () => {
    const source = [
      `const a = readFileSync('${up}/shared/data/x.bin');`,
      `const b = join(__dirname, "../../../${up}/shared/fixtures/nir");`,
      `const c = \`\${root}/${up}/shared/tools/validate_nir.py\`;`,
      "const d = join(root, '..', 'shared', 'fixtures');",
      `const e = 'see (${up}/shared/specs/bench.md §1.9)';`,
    ].join('\n');
    expect(sharedPathLiterals(source, 'x.ts').map((f) => f.line)).toEqual([1, 2, 3, 4, 5]);
  });

  it('leaves comments, identifiers and unrelated words alone', () => {
    const source = [
      `// reads ${up}/shared/specs/nir.md §10`,
      `/** ${up}/shared/fixtures/nir */`,
      "const program = { shared: 'zs' };",
      "const note = 'a shared buffer';",
      "const label = 'shared';",
    ].join('\n');
    expect(sharedPathLiterals(source, 'y.tsx')).toEqual([]);
  });

  it('finds none in src/, e2e/ and test/', () => {
    expect(scanTree(REPO_ROOT, ['src', 'e2e', 'test'])).toEqual([]);
  });
});

describe('the test files are in the repository', () => {
  it('has the NIR fixtures, the NIR paper traces, the data excerpts and the validator', () => {
    for (const path of [
      join(NIR_FIXTURES, 'fixtures.md'), join(NIR_FIXTURES, 'bad', 'EXPECTED.md'), join(NIR_FIXTURES, 'upstream', 'MANIFEST.tsv'),
      join(NIR_PAPER, 'lif_norse.csv'), join(DATA_FIXTURES, 'nmnist', 'tonic_sample_nmnist.bin'), VALIDATOR,
    ]) expect(existsSync(path), path).toBe(true);
  });

  it('says where each fixture came from and under which licence', () => {
    const readme = readFileSync(join(REPO_ROOT, 'test', 'README.md'), 'utf8');
    for (const folder of ['fixtures/nir', 'fixtures/nir-paper', 'fixtures/data/nmnist', 'fixtures/data/dvs_gesture',
      'fixtures/data/fsdd', 'fixtures/data/mnist', 'fixtures/data/synthetic_format_fixtures', 'tools/validate_nir.py']) {
      expect(readme, folder).toContain(`\`${folder}`);
    }
    expect(readme).toMatch(/licen[cs]e/i);
  });
});
