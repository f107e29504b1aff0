import { COMMENT_LIMITS } from '../../shared/limits.ts';
import { ValidationError } from '../http/app-error.ts';
import type { RoundReader } from './round.reader.ts';

/**
 * The organisations a new round invites: those named and every one of the kinds in `allOf`,
 * all of them sub-branches or mass organisations under the unit.
 */
export async function invitees(
  reader: RoundReader,
  unitId: number,
  orgIds: readonly number[],
  allOf: readonly string[],
): Promise<number[]> {
  const allowed = await reader.invitableUnder(unitId);
  const byId = new Map(allowed.map((o) => [o.id, o]));
  const chosen = new Set<number>(allowed.filter((o) => allOf.includes(o.kind)).map((o) => o.id));
  for (const id of orgIds) {
    if (!byId.has(id))
      throw new ValidationError(
        'validation_failed',
        `Organisation ${id} is not a sub-branch or mass organisation of this unit`,
      );
    chosen.add(id);
  }
  if (chosen.size === 0) throw new ValidationError('validation_failed', 'Invite at least one organisation');
  return [...chosen];
}

/** A round's deadline as a time: in the future and at most a year ahead. */
export function checkDeadline(text: string, now: number): number {
  const deadline = Date.parse(text);
  if (!(deadline > now)) throw new ValidationError('validation_failed', 'The deadline must be in the future');
  if (deadline > now + COMMENT_LIMITS.deadlineMaxDays * 86_400_000)
    throw new ValidationError('validation_failed', 'The deadline must be within a year');
  return deadline;
}
