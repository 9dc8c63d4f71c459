import { addDays, addDaysToInstant, dateOf, type CalendarDate, type Instant } from '../time/dates';

/** Easter Sunday (Gregorian; the anonymous "Meeus/Jones/Butcher" computation). */
export function easterSunday(year: number): CalendarDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const holidayCache = new Map<number, ReadonlySet<CalendarDate>>();

/** Norway's public holidays (helligdagsloven, and 1 and 17 May) for a year. */
export function norwegianHolidays(year: number): ReadonlySet<CalendarDate> {
  let holidays = holidayCache.get(year);
  if (!holidays) {
    const easter = easterSunday(year);
    holidays = new Set([
      `${year}-01-01`,
      addDays(easter, -3), // Maundy Thursday
      addDays(easter, -2), // Good Friday
      easter,
      addDays(easter, 1), // Easter Monday
      `${year}-05-01`,
      `${year}-05-17`,
      addDays(easter, 39), // Ascension Day
      addDays(easter, 49), // Whit Sunday
      addDays(easter, 50), // Whit Monday
      `${year}-12-25`,
      `${year}-12-26`,
    ]);
    holidayCache.set(year, holidays);
  }
  return holidays;
}

const danishCache = new Map<number, ReadonlySet<CalendarDate>>();

/**
 * Denmark's public holidays (RULES-DK.md § 8): no 1 or 17 May; Great Prayer Day (Store
 * Bededag, Easter + 26) only until 2023, abolished from 2024.
 */
export function danishHolidays(year: number): ReadonlySet<CalendarDate> {
  let holidays = danishCache.get(year);
  if (!holidays) {
    const easter = easterSunday(year);
    holidays = new Set([
      `${year}-01-01`,
      addDays(easter, -3), // Skærtorsdag
      addDays(easter, -2), // Langfredag
      easter,
      addDays(easter, 1), // 2. påskedag
      ...(year <= 2023 ? [addDays(easter, 26)] : []), // Store Bededag
      addDays(easter, 39), // Kristi himmelfartsdag
      addDays(easter, 49), // Pinsedag
      addDays(easter, 50), // 2. pinsedag
      `${year}-12-25`,
      `${year}-12-26`,
    ]);
    danishCache.set(year, holidays);
  }
  return holidays;
}

/** A country's calendar: which days count as working days for its deadlines. */
export type HolidayCalendar = (year: number) => ReadonlySet<CalendarDate>;

const isWeekend = (date: CalendarDate) => {
  const weekday = new Date(`${date}T00:00:00.000Z`).getUTCDay();
  return weekday === 0 || weekday === 6;
};

export function isWorkingDay(date: CalendarDate, holidays: HolidayCalendar = norwegianHolidays): boolean {
  return !isWeekend(date) && !holidays(Number(date.slice(0, 4))).has(date);
}

/**
 * A Danish limitation deadline on a weekend, a public holiday, Constitution Day (5 Jun), 24 or
 * 31 Dec moves to the next weekday (forældelsesloven § 27 (2)).
 */
export function isDanishLimitationDay(date: CalendarDate): boolean {
  const monthDay = date.slice(5);
  return isWorkingDay(date, danishHolidays) && monthDay !== '06-05' && monthDay !== '12-24' && monthDay !== '12-31';
}

/**
 * A deadline `days` calendar days after `from`. When it falls on a Saturday, Sunday or a
 * public holiday of the calendar (Norway's unless told) and the rule rolls forward, it moves to the next working day
 * (the time of day is kept), as payment deadlines do (domstolloven § 149 by analogy).
 */
export function deadlineAfter(
  from: Instant,
  days: number,
  rollForward = true,
  holidays: HolidayCalendar = norwegianHolidays,
): Instant {
  let due = addDaysToInstant(from, days);
  if (!rollForward) return due;
  while (!isWorkingDay(dateOf(due), holidays)) due = addDaysToInstant(due, 1);
  return due;
}
