import { FormatProfileSchema, type FormatProfile } from './format-profile.ts';
import { HD36_2018 } from './profiles/hd36-2018.ts';

/** The format profiles shipped, validated once at load. */
const PROFILES: ReadonlyMap<string, FormatProfile> = new Map(
  [HD36_2018].map((data) => {
    const profile = FormatProfileSchema.parse(data);
    return [profile.id, profile];
  }),
);

/**
 * Names a template may give for the guidance rather than its version: templates say
 * "hd36-vptw", which means the current profile of that guidance.
 */
const ALIASES: Readonly<Record<string, string>> = { 'hd36-vptw': 'hd36-2018' };

/** The profile used when neither the request nor the draft's template names one. */
export const DEFAULT_PROFILE_ID = 'hd36-2018';

/** Ids of every shipped profile. */
export const PROFILE_IDS: readonly string[] = [...PROFILES.keys()];

/** A profile by id or alias, or undefined. */
export function findProfile(id: string): FormatProfile | undefined {
  return PROFILES.get(ALIASES[id] ?? id);
}
