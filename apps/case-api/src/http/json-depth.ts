import { Problems } from './problem';

/** Deeper than any body the API takes (the handover is 4 levels); deeper is an attack or a bug. */
export const MAX_JSON_DEPTH = 16;

const OPEN = new Set([0x5b, 0x7b]); // [ {
const CLOSE = new Set([0x5d, 0x7d]); // ] }
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/** How deeply the raw JSON nests, counted on the bytes before parsing (strings skipped). */
export function jsonDepth(raw: Buffer): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < raw.length; i++) {
    const byte = raw[i];
    if (inString) {
      if (byte === BACKSLASH) i++;
      else if (byte === QUOTE) inString = false;
    } else if (byte === QUOTE) inString = true;
    else if (OPEN.has(byte)) deepest = Math.max(deepest, ++depth);
    else if (CLOSE.has(byte)) depth--;
  }
  return deepest;
}

/** Refuses a body nested too deeply before it is parsed or validated (a 400, not a stack overflow). */
export function refuseDeepJson(raw: Buffer): void {
  if (jsonDepth(raw) > MAX_JSON_DEPTH) {
    throw Problems.tooDeep(`The JSON body nests deeper than ${MAX_JSON_DEPTH} levels.`);
  }
}
