/** One step of a field path: a property, and whether it holds an array whose elements go on. */
interface Step {
  key: string;
  each: boolean;
}

const STEP = /^([^.[\]]+)(\[\])?$/;

function parse(path: string): Step[] {
  return path.split('.').map((part) => {
    const match = STEP.exec(part);
    if (!match) throw new Error(`Invalid field path "${path}": use dotted names with [] for arrays`);
    return { key: match[1], each: match[2] !== undefined };
  });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Calls `visit` with every non-null value the path reaches in `data` and stores what it returns
 * in its place. Paths that lead nowhere (absent, null, not an object) are skipped: events of
 * older versions lack fields that newer ones have.
 */
export function rewriteAt(data: unknown, path: string, visit: (value: unknown) => unknown): void {
  const steps = parse(path);
  // Only changed values are written, so counting can walk frozen (e.g. cached) events.
  const replace = (holder: Record<string, unknown> | unknown[], at: string | number, value: unknown): void => {
    const next = visit(value);
    if (next !== value) (holder as Record<string | number, unknown>)[at] = next;
  };
  const walk = (container: unknown, i: number): void => {
    if (!isRecord(container)) return;
    const { key, each } = steps[i];
    const last = i === steps.length - 1;
    const value = container[key];
    if (value === undefined || value === null) return;
    if (!each) {
      if (last) replace(container, key, value);
      else walk(value, i + 1);
      return;
    }
    if (!Array.isArray(value)) return;
    value.forEach((element, index) => {
      if (!last) walk(element, i + 1);
      else if (element !== undefined && element !== null) replace(value, index, element);
    });
  };
  walk(data, 0);
}
