import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { toMermaid } from '../src';
import { MACHINE_TRANSITIONS } from './coverage';
import { withDiagram } from '../../../scripts/diagram-markers';

describe('the generated diagram', () => {
  const diagram = toMermaid();

  it('draws every transition the machine defines', () => {
    const missing = MACHINE_TRANSITIONS.map((t) => t.split(':')[1]).filter(
      (event) => !new RegExp(`: ${event}( when \\w+)?\n`).test(diagram),
    );
    expect(missing).toEqual([]);
  });

  it('is the one shown in the README and docs/ (run `npm run diagram` after changing the machine)', () => {
    const root = join(__dirname, '../../..');
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    expect(withDiagram(readme, diagram)).toBe(readme);
    expect(readFileSync(join(root, 'docs/case-machine.mmd'), 'utf8')).toBe(diagram);
  });
});
