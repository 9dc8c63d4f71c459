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
    for (const [i, child] of Object.values(node.states).entries()) {
      // The regions of a parallel state run side by side: Mermaid separates them with `--`.
      if (node.type === 'parallel' && i > 0) lines.push(`${indent}--`);
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
        const guard = definition.guard ? ` ${guardLabel(definition.guard)}` : '';
        for (const target of targets) transitions.push(`  ${nameOf(node)} --> ${nameOf(target)}: ${event}${guard}`);
      }
    }
    for (const always of node.always ?? []) {
      for (const target of always.target ?? []) {
        transitions.push(`  ${nameOf(node)} --> ${nameOf(target)}: ${guardLabel(always.guard)}`);
      }
    }
  }
  return [...lines, ...transitions].join('\n') + '\n';
}

/** An eventless move is drawn with the guard it waits for ("when disputeAtRest"). */
function guardLabel(guard: unknown): string {
  const name = typeof guard === 'string' ? guard : ((guard as { type?: string } | undefined)?.type ?? 'always');
  return `when ${name}`;
}

function allNodes(node: AnyStateNode): AnyStateNode[] {
  return [node, ...Object.values(node.states).flatMap(allNodes)];
}
