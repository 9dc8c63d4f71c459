/** One step of a field path: a property, and whether it holds an array whose elements go on. */
interface Step {
  key: string;
  each: boolean;
}

const STEP = /^([^.[\]]+)(\[\])?$/;
const parsed = new Map<string, Step[]>();

function parse(path: string): Step[] {
  let steps = parsed.get(path);
  if (steps) return steps;
  steps = path.split('.').map((part) => {
    const match = STEP.exec(part);
    if (!match) throw new Error(`Invalid field path "${path}": use dotted names with [] for arrays`);
    return { key: match[1], each: match[2] !== undefined };
  });
  parsed.set(path, steps);
  return steps;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * `data` with every non-null value the path reaches replaced by what `visit` returns for it.
 * Copy on write: what `visit` leaves as it is stays shared, and when nothing changes `data`
 * itself is returned, so events read from a cache are never altered and cost no copy. Paths
 * that lead nowhere (absent, null, not an object) are skipped: events of older versions lack
 * fields that newer ones have.
 */
export function mapAt<T>(data: T, path: string, visit: (value: unknown) => unknown): T {
  return mapSteps(data, parse(path), 0, visit) as T;
}

function mapSteps(container: unknown, steps: Step[], i: number, visit: (value: unknown) => unknown): unknown {
  if (!isRecord(container)) return container;
  const { key, each } = steps[i];
  const last = i === steps.length - 1;
  const value = container[key];
  if (value === undefined || value === null) return container;
  let next: unknown;
  if (!each) {
    next = last ? visit(value) : mapSteps(value, steps, i + 1, visit);
  } else {
    if (!Array.isArray(value)) return container;
    let changed = false;
    const elements = value.map((element: unknown) => {
      const mapped =
        element === undefined || element === null
          ? element
          : last
            ? visit(element)
            : mapSteps(element, steps, i + 1, visit);
      if (mapped !== element) changed = true;
      return mapped;
    });
    next = changed ? elements : value;
  }
  return next === value ? container : { ...container, [key]: next };
}

/** Calls `visit` with every non-null value the path reaches; changes nothing. */
export function visitAt(data: unknown, path: string, visit: (value: unknown) => void): void {
  mapAt(data, path, (value) => {
    visit(value);
    return value;
  });
}
