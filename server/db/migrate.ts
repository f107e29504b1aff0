import { Migrator, NO_MIGRATIONS, type Kysely, type Migration, type MigrationResultSet } from 'kysely';
import * as createCollabLog from './migrations/2026_11_25_1100_create_collab_log.ts';
import * as createIdentity from './migrations/2026_11_25_1400_create_identity.ts';
import * as templatesVersions from './migrations/2026_11_25_1600_templates_versions.ts';
import * as draftLastEdit from './migrations/2026_11_25_1700_draft_last_edit.ts';
import * as roundsComments from './migrations/2026_12_04_1000_rounds_comments.ts';
import * as revisionLog from './migrations/2026_12_04_1200_revision_log.ts';
import * as exports from './migrations/2026_12_04_1300_exports.ts';
import * as commentPositions from './migrations/2026_12_05_0800_comment_positions_encoded.ts';
import * as sessionRotation from './migrations/2026_12_05_0900_session_rotation.ts';
import * as clientOwnerCredential from './migrations/2026_12_07_1000_client_owner_credential.ts';
import * as auditLog from './migrations/2026_12_07_1300_audit_log.ts';
import * as autoSnapshots from './migrations/2026_12_07_1300_auto_snapshots.ts';
import * as sectionAssignments from './migrations/2026_12_07_1400_section_assignments.ts';
import * as draftStatusLog from './migrations/2026_12_08_1000_draft_status_log.ts';
import * as roundCompare from './migrations/2026_12_08_1100_round_compare.ts';
import * as collabSequence from './migrations/2026_12_09_1000_collab_sequence.ts';
import * as discussions from './migrations/2026_12_09_1000_discussions.ts';

// An in-code map rather than a directory scan: it works the same under tsx, tsc output
// and bundlers, where the directory scan of Kysely's FileMigrationProvider does not.
const migrations: Record<string, Migration> = {
  '2026_11_25_1100_create_collab_log': createCollabLog,
  '2026_11_25_1400_create_identity': createIdentity,
  '2026_11_25_1600_templates_versions': templatesVersions,
  '2026_11_25_1700_draft_last_edit': draftLastEdit,
  '2026_12_04_1000_rounds_comments': roundsComments,
  '2026_12_04_1200_revision_log': revisionLog,
  '2026_12_04_1300_exports': exports,
  '2026_12_05_0800_comment_positions_encoded': commentPositions,
  '2026_12_05_0900_session_rotation': sessionRotation,
  '2026_12_07_1000_client_owner_credential': clientOwnerCredential,
  '2026_12_07_1300_audit_log': auditLog,
  '2026_12_07_1300_auto_snapshots': autoSnapshots,
  '2026_12_07_1400_section_assignments': sectionAssignments,
  '2026_12_08_1000_draft_status_log': draftStatusLog,
  '2026_12_08_1100_round_compare': roundCompare,
  '2026_12_09_1000_collab_sequence': collabSequence,
  '2026_12_09_1000_discussions': discussions,
};

/** The names of the migrations this code knows (a restored database may hold no others). */
export function migrationNames(): string[] {
  return Object.keys(migrations);
}

function migrator<T>(db: Kysely<T>): Migrator {
  return new Migrator({ db, provider: { getMigrations: () => Promise.resolve(migrations) } });
}

/** Migrates to the newest schema; the caller decides what to do with an error. */
export async function migrateToLatest<T>(db: Kysely<T>): Promise<MigrationResultSet> {
  return migrator(db).migrateToLatest();
}

/** Undoes the newest applied migration (used by the migration tests). */
export async function migrateDown<T>(db: Kysely<T>): Promise<MigrationResultSet> {
  return migrator(db).migrateDown();
}

/** Migrates all the way down (used by the migration test). */
export async function migrateToZero<T>(db: Kysely<T>): Promise<MigrationResultSet> {
  return migrator(db).migrateTo(NO_MIGRATIONS);
}
