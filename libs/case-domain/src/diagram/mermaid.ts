import type { AnyStateNode } from 'xstate';
import { caseMachine } from '../machine/case-machine';

const nameOf = (node: AnyStateNode) => node.id.replace(/^case\.?/, '').replace(/\./g, '_') || 'case';
const labelOf = (node: AnyStateNode) => (node.type === 'history' ? 'resume collection (H)' : node.key);

/**
 * The machine as a Mermaid state diagram, read from the machine definition itself, so the
 * picture in the README cannot drift from the code.
 */
export function toMermaid(root: AnyStateNode = caseMachine.root): string {
  const lines = ['stateDiagram-v2', `  [*] --> ${nameOf(root.states[root.config.initial as string])}`];
  const transitions: string[] = [];
  const visit = (node: AnyStateNode, indent: string) => {
    for (const child of Object.values(node.states)) {
      const name = nameOf(child);
      if (Object.keys(child.states).length > 0) {
        lines.push(`${indent}state "${child.key}" as ${name} {`);
        const initial = child.config.initial as string | undefined;
        if (initial) lines.push(`${indent}  [*] --> ${nameOf(child.states[initial])}`);
        visit(child, `${indent}  `);
        lines.push(`${indent}}`);
      } else {
        lines.push(`${indent}state "${labelOf(child)}" as ${name}`);
        if (child.type === 'final') transitions.push(`  ${name} --> [*]`);
      }
    }
  };
  visit(root, '  ');
  for (const node of allNodes(root)) {
    if (node === root) continue;
    for (const [event, definitions] of node.transitions) {
      for (const definition of definitions) {
        const targets = definition.target?.length ? definition.target : [node];
        for (const target of targets) transitions.push(`  ${nameOf(node)} --> ${nameOf(target)}: ${event}`);
      }
    }
  }
  return [...lines, ...transitions].join('\n') + '\n';
}

function allNodes(node: AnyStateNode): AnyStateNode[] {
  return [node, ...Object.values(node.states).flatMap(allNodes)];
}
