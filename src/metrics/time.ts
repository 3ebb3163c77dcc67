import type { IsoMonth } from '../model.js';
import { DAY_MS } from '../time.js';

/** A calendar month as a number: `year * 12 + (month - 1)`; comparable and cheap. */
export type MonthIndex = number;

const MONTH_PATTERN = /^(\d{4})-(\d{2})$/;

/** `2026-10` → month index; throws a RangeError for anything else. */
export function monthIndexOf(month: IsoMonth): MonthIndex {
  const match = MONTH_PATTERN.exec(month);
  if (!match) throw new RangeError(`Not a month (YYYY-MM): ${month}`);
  const monthNumber = Number(match[2]);
  if (monthNumber < 1 || monthNumber > 12) throw new RangeError(`Not a month (YYYY-MM): ${month}`);
  return Number(match[1]) * 12 + monthNumber - 1;
}

export function monthOfIndex(index: MonthIndex): IsoMonth {
  const year = Math.floor(index / 12);
  const monthNumber = index - year * 12 + 1;
  return `${String(year).padStart(4, '0')}-${String(monthNumber).padStart(2, '0')}`;
}

/** First instant of the month, ms since the epoch (UTC). */
export function monthStartMs(index: MonthIndex): number {
  const year = Math.floor(index / 12);
  return Date.UTC(year, index - year * 12, 1);
}

export function daysInMonth(index: MonthIndex): number {
  return Math.round((monthStartMs(index + 1) - monthStartMs(index)) / DAY_MS);
}

/** The month before the one containing `now`: the last full month. */
export function lastFullMonth(now: Date = new Date()): IsoMonth {
  return monthOfIndex(now.getUTCFullYear() * 12 + now.getUTCMonth() - 1);
}

const ZERO = 48;
const digit = (text: string, at: number) => text.charCodeAt(at) - ZERO;

/**
 * Reads the UTC month and day of an ISO timestamp as `monthIndex * 32 + (day - 1)`, or -1 when
 * it cannot be read. `toISOString()` output (ending in `Z`) is read from its characters, which is
 * many times faster than `Date.parse` over a million events; anything else goes through `Date.parse`.
 */
export function monthAndDayOf(timestamp: string): number {
  if (timestamp.length >= 20 && timestamp.charCodeAt(timestamp.length - 1) === 90 /* Z */) {
    const year =
      digit(timestamp, 0) * 1000 + digit(timestamp, 1) * 100 + digit(timestamp, 2) * 10 + digit(timestamp, 3);
    const monthNumber = digit(timestamp, 5) * 10 + digit(timestamp, 6);
    const day = digit(timestamp, 8) * 10 + digit(timestamp, 9);
    if (year >= 0 && monthNumber >= 1 && monthNumber <= 12 && day >= 1 && day <= 31) {
      return (year * 12 + monthNumber - 1) * 32 + day - 1;
    }
    return -1;
  }
  const ms = Date.parse(timestamp);
  if (Number.isNaN(ms)) return -1;
  const date = new Date(ms);
  return (date.getUTCFullYear() * 12 + date.getUTCMonth()) * 32 + date.getUTCDate() - 1;
}

/** Monday 00:00 UTC of the week containing `ms`. */
export function weekStartMs(ms: number): number {
  const date = new Date(ms);
  const dayFromMonday = (date.getUTCDay() + 6) % 7;
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate() - dayFromMonday);
}
