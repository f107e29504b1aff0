import { seedWorkspace, type Workspace } from './workspace.ts';

/**
 * The test workspace of a child-process server. Its drafts are made before the child starts
 * and the test process then keeps no handle on the database: the child alone holds the file,
 * as in production, so a kill leaves it exactly as a crash would.
 */
export interface ChildWorkspace {
  readonly users: Workspace['users'];
  readonly password: string;
  /** The drafts that exist; a client can only join these. */
  readonly drafts: readonly string[];
}

/** Seeds the workspace and these drafts into `<dataDir>/vankien.db` (migrating it), then closes the file. */
export async function seedChildWorkspace(
  dataDir: string,
  drafts: readonly string[],
): Promise<ChildWorkspace> {
  const workspace = await seedWorkspace(dataDir);
  try {
    for (const id of drafts) workspace.draft(id);
  } finally {
    workspace.close();
  }
  return { users: workspace.users, password: workspace.password, drafts: [...drafts] };
}
