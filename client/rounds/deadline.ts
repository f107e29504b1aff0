import { msg, str } from '@lit/localize';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** How long until a deadline, in words: "Còn 5 ngày", "Còn 3 giờ", "Hết hạn". */
export function timeLeftLabel(deadline: string, now = Date.now()): string {
  const left = new Date(deadline).getTime() - now;
  if (Number.isNaN(left)) return '';
  if (left <= 0) return msg('Hết hạn');
  // Whole days, rounded down: "còn 1 ngày" must never hide that only 30 hours remain.
  if (left >= DAY) return msg(str`Còn ${Math.floor(left / DAY)} ngày`);
  if (left >= HOUR) return msg(str`Còn ${Math.floor(left / HOUR)} giờ`);
  return msg('Còn dưới 1 giờ');
}

/** Whether a deadline has passed. */
export function isPast(deadline: string, now = Date.now()): boolean {
  return new Date(deadline).getTime() <= now;
}

/** A date as a `datetime-local` input value (local time, minutes). */
export function toLocalInput(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return (
    `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}` +
    `T${pad(date.getHours())}:${pad(date.getMinutes())}`
  );
}

/** The usual deadline of a new round: a week ahead, at the end of the working day (17:00 local). */
export function defaultDeadline(now = new Date()): string {
  const date = new Date(now);
  date.setDate(date.getDate() + 7);
  date.setHours(17, 0, 0, 0);
  return toLocalInput(date);
}

/**
 * A `datetime-local` value as ISO 8601 with the browser's own offset ("…T17:00:00+07:00"),
 * so the server stores the hour the committee meant; null when the value is not a date.
 */
export function localInputToIso(value: string): string | null {
  const date = new Date(value);
  if (value === '' || Number.isNaN(date.getTime())) return null;
  const offset = -date.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  const pad = (n: number) => String(Math.floor(Math.abs(n))).padStart(2, '0');
  return `${toLocalInput(date)}:00${sign}${pad(offset / 60)}:${pad(offset % 60)}`;
}
