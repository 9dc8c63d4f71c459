import type { ReadAllOptions } from '../port';

/** The `$all` read as SQL: after a position, in a direction, filtered by stream prefix and type. */
export function allQuery(options: ReadAllOptions): { sql: string; params: unknown[] } {
  const backwards = options.direction === 'backwards';
  const where: string[] = [];
  const params: unknown[] = [];
  if (options.after && options.after !== 'start') {
    where.push(backwards ? 'position < ?' : 'position > ?');
    params.push(Number(options.after.commit));
  }
  const prefixes = options.filter?.streamPrefixes ?? [];
  if (prefixes.length) {
    // substr() rather than LIKE: stream ids may hold % and _.
    where.push(`(${prefixes.map(() => 'substr(stream_id, 1, ?) = ?').join(' OR ')})`);
    for (const p of prefixes) params.push(p.length, p);
  }
  const types = options.filter?.eventTypes ?? [];
  if (types.length) {
    where.push(`type IN (${types.map(() => '?').join(', ')})`);
    params.push(...types);
  }
  params.push(options.maxCount ?? -1);
  const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
  return {
    sql: `SELECT position, stream_id, revision, event_id, type, data, metadata, created FROM es_events ${clause} ORDER BY position ${backwards ? 'DESC' : 'ASC'} LIMIT ?`,
    params,
  };
}
