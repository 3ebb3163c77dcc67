// The pictures in docs/images/ show what the code draws today: the light, English picture of every
// element is rendered again (demo data and clock fixed, motion off) and compared pixel by pixel,
// tolerant to anti-aliasing. `npm run screenshots -- --check` compares all of them (also dark and phone);
// `npm run screenshots` renders them anew.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { IMAGES_DIR, checkShots } from '../scripts/screenshots.mjs';
import { allShots } from '../scripts/screenshots/shots.mjs';
import { projectRoot } from '../scripts/lib/entries.mjs';

describe('docs/images/', () => {
  it('has every element in light, dark and phone, and nothing else', () => {
    const expected = allShots()
      .map((shot) => shot.file)
      .sort();
    const present = readdirSync(IMAGES_DIR)
      .filter((name) => name.endsWith('.png'))
      .sort();
    assert.deepEqual(present, expected);
  });

  it('the docs show every picture, the README some', () => {
    const docs = ['docs/screenshots.md', 'docs/elements/kudos.md', 'docs/elements/expertise-finder.md']
      .concat(['docs/ambassadors.md', 'docs/invitations.md', 'docs/metrics.md'])
      .map((path) => readFileSync(join(projectRoot, path), 'utf8'))
      .join('\n');
    for (const { file } of allShots())
      assert.ok(docs.includes(`images/${file}`), `${file} is shown in the docs`);
    const readme = readFileSync(join(projectRoot, 'README.md'), 'utf8');
    assert.ok((readme.match(/docs\/images\/[a-z-]+\.png/g) ?? []).length >= 3, 'the README shows pictures');
  });

  it(
    'is current: the light pictures rendered now match the committed ones',
    { timeout: 90_000 },
    async () => {
      const problems = await checkShots({ states: ['light-en'] });
      assert.deepEqual(problems, [], 'run `npm run screenshots` and commit docs/images/');
    },
  );
});
