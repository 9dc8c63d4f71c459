/**
 * Calendar arithmetic on plain values. The domain never reads a clock: instants arrive with
 * commands as ISO-8601 strings ("2026-03-01T09:30:00.000Z") and calendar dates are
 * "YYYY-MM-DD" strings, which compare correctly as text.
 */
export type Instant = string;
export type CalendarDate = string;

const DAY_MS = 86_400_000;
const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

/** Legal dates are Norwegian dates: an instant belongs to the day it is in Oslo. */
export const LEGAL_TIME_ZONE = 'Europe/Oslo';

const osloDay = new Intl.DateTimeFormat('en-CA', {
  timeZone: LEGAL_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

export function isCalendarDate(value: string): boolean {
  if (!DATE_RE.test(value)) return false;
  const parsed = new Date(`${value}T00:00:00.000Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value;
}

export function isInstant(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}T/.test(value) && !Number.isNaN(Date.parse(value));
}

const HOUR_MS = 3_600_000;
/** Oslo dates by UTC hour: formatting through Intl is slow, and a fold asks for the same few hours again and again. */
const osloDayByHour = new Map<number, CalendarDate>();

/**
 * The Norwegian calendar date an instant falls on. Oslo is a whole number of hours off UTC and
 * changes its offset on the hour, so its date is the same throughout a UTC hour.
 */
export function dateOf(instant: Instant): CalendarDate {
  const ms = Date.parse(instant);
  const hour = Math.floor(ms / HOUR_MS);
  let date = osloDayByHour.get(hour);
  if (date === undefined) {
    date = osloDay.format(new Date(ms));
    if (osloDayByHour.size >= 10_000) osloDayByHour.clear();
    osloDayByHour.set(hour, date);
  }
  return date;
}

export function addDays(date: CalendarDate, days: number): CalendarDate {
  const ms = Date.parse(`${date}T00:00:00.000Z`) + days * DAY_MS;
  return new Date(ms).toISOString().slice(0, 10);
}

export function addDaysToInstant(instant: Instant, days: number): Instant {
  return new Date(Date.parse(instant) + days * DAY_MS).toISOString();
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: CalendarDate, to: CalendarDate): number {
  return Math.round((Date.parse(`${to}T00:00:00.000Z`) - Date.parse(`${from}T00:00:00.000Z`)) / DAY_MS);
}

/** Same day and month `years` later; 29 February falls to 28 February in a common year. */
export function addYears(date: CalendarDate, years: number): CalendarDate {
  const [y, m, d] = date.split('-').map(Number);
  const target = new Date(Date.UTC(y + years, m - 1, d));
  if (target.getUTCMonth() !== m - 1) target.setUTCDate(0);
  return target.toISOString().slice(0, 10);
}

export function minDate(a: CalendarDate, b: CalendarDate): CalendarDate {
  return a <= b ? a : b;
}

export function maxDate(a: CalendarDate, b: CalendarDate): CalendarDate {
  return a >= b ? a : b;
}

/** Same day `months` later, clamped to the month's last day (31 Aug + 6 months = 28/29 Feb). */
export function addMonths(date: CalendarDate, months: number): CalendarDate {
  const [y, m, d] = date.split('-').map(Number);
  const target = new Date(Date.UTC(y, m - 1 + months, d));
  if (target.getUTCDate() !== d) target.setUTCDate(0);
  return target.toISOString().slice(0, 10);
}
