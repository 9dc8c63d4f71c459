/**
 * Writes the case machine's Mermaid diagram to docs/case-machine.mmd and into the README
 * between its diagram markers. `npm run diagram`; a test fails when either is stale.
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { toMermaid } from '@app/case-domain';
import { README_BEGIN, README_END, withDiagram } from './diagram-markers';

const root = join(__dirname, '..');
const diagram = toMermaid();
mkdirSync(join(root, 'docs'), { recursive: true });
writeFileSync(join(root, 'docs/case-machine.mmd'), diagram);
const readmePath = join(root, 'README.md');
writeFileSync(readmePath, withDiagram(readFileSync(readmePath, 'utf8'), diagram));
console.log(
  `wrote docs/case-machine.mmd and README.md (${diagram.split('\n').length} lines between ${README_BEGIN} and ${README_END})`,
);
