import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib';
import type { FastifyBodyParser, FastifyInstance, FastifyRequest } from 'fastify';
import { refuseDeepJson } from './json-depth';
import { Problems } from './problem';

/** JSON, and the types that say they are JSON (`application/problem+json`, `application/vnd.x+json`). */
const JSON_TYPES: Array<string | RegExp> = ['application/json', /^application\/[^;\s/]+\+json(?:;|$)/];

/** The encodings a body may come in (as Express's parser took them); anything else is a 415. */
const INFLATE = new Map<string, (raw: Buffer, options: { maxOutputLength: number }) => Buffer>([
  ['gzip', gunzipSync],
  ['deflate', inflateSync],
  ['br', brotliDecompressSync],
]);

const CHARSET = /;\s*charset\s*=\s*"?([^";\s]*)/i;

/** A body body-parser's strict mode took: an object or an array, after any byte order mark and whitespace. */
const STRICT = /^\uFEFF?[ \t\n\r]*[[{]/;

const UNITS = new Map([
  ['b', 1],
  ['kb', 1024],
  ['mb', 1024 ** 2],
]);

/** A size such as `100kb` in bytes, read as the `bytes` package (and so Express's body parser) read it: 1kb is 1,024. */
export function byteSize(size: string): number {
  const match = /^(\d+)(b|kb|mb)$/i.exec(size);
  if (!match) throw new Error(`Not a size: ${size}`);
  return Number(match[1]) * UNITS.get(match[2].toLowerCase())!;
}

/**
 * The API's only body: strict JSON in UTF-8, at most `limit` bytes (also once inflated), nested at
 * most 16 levels (counted on the bytes, before parsing), with no `__proto__` or
 * `constructor.prototype` key. Every refusal is a problem document: 400, 413 or 415, never a 500.
 * Fastify's own text/plain parser goes too, so a body of any other type is a 415.
 */
export function acceptJsonBodies(fastify: FastifyInstance, limit: number): void {
  const parseJson = fastify.getDefaultJsonParser('error', 'error');
  fastify.removeAllContentTypeParsers();
  const parse: FastifyBodyParser<Buffer> = (request, raw, done) => {
    let text: string;
    try {
      const bytes = inflated(request, raw, limit);
      refuseDeepJson(bytes);
      text = bytes.toString('utf8');
    } catch (error) {
      done(error as Error);
      return;
    }
    // An empty body is `{}`, as it was: a common slip of clients that send no fields.
    if (text.length === 0) return done(null, {});
    if (!STRICT.test(text)) return done(Problems.malformedJson('The body must be a JSON object or array.'));
    parseJson(request, text, (error, body) =>
      error
        ? done(Problems.malformedJson('The body is not valid JSON, or it sets __proto__ or constructor.prototype.'))
        : done(null, body),
    );
  };
  for (const type of JSON_TYPES) fastify.addContentTypeParser(type, { parseAs: 'buffer', bodyLimit: limit }, parse);
}

/** The body's bytes in UTF-8, inflated if it came compressed; a 415 for a charset or encoding not taken. */
function inflated(request: FastifyRequest, raw: Buffer, limit: number): Buffer {
  const charset = CHARSET.exec(request.headers['content-type'] ?? '')?.[1].toLowerCase();
  if (charset !== undefined && charset !== 'utf-8') {
    throw Problems.unsupportedBody(`The charset "${charset}" is not supported; send UTF-8.`);
  }
  const encoding = (request.headers['content-encoding'] ?? 'identity').toLowerCase();
  if (encoding === 'identity') return raw;
  const inflate = INFLATE.get(encoding);
  if (!inflate) throw Problems.unsupportedBody(`The content encoding "${encoding}" is not supported.`);
  try {
    return inflate(raw, { maxOutputLength: limit });
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ERR_BUFFER_TOO_LARGE') throw Problems.tooLarge();
    throw Problems.unreadableBody(`The body is not ${encoding}: ${(error as Error).message}.`);
  }
}
