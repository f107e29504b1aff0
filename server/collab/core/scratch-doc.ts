import * as Y from 'yjs';
import type { ContentRule } from './content-rule.ts';

/** Why the scratch copy refused an update: it does not integrate, or its content breaks the rule. */
export interface Refusal {
  readonly code: 'invalid_update' | 'invalid_content';
  readonly detail: string;
}

/**
 * A copy of a room's document that runs ahead of it: every incoming update is applied here
 * first, and only an update that integrates completely (no exception, no pending structs,
 * no pending deletes) goes on to be stored, applied to the shared document and relayed
 * (R3). Yjs parks updates with missing history as "pending" and would later
 * serve them to every client; refusing them here keeps the stored log gap-free. In the same
 * pass the content rule looks at the structs the update added (from the transaction's
 * state vector before it), so an update the editor could not show is never stored either.
 */
export class ScratchDoc {
  private doc: Y.Doc | null = null;

  constructor(
    /** Produces the updates the copy must hold: the committed state plus accepted, uncommitted updates. */
    private readonly source: () => Uint8Array[],
    private readonly rule: ContentRule | null = null,
  ) {}

  /** Tries an update; returns why it was refused, or null if it was accepted. */
  tryApply(update: Uint8Array): Refusal | null {
    const doc = (this.doc ??= this.build());
    let since: Map<number, number> | null = null;
    const capture = (transaction: Y.Transaction) => {
      since ??= transaction.beforeState;
    };
    doc.on('beforeTransaction', capture);
    try {
      Y.applyUpdate(doc, update);
    } catch (error) {
      this.discard();
      return { code: 'invalid_update', detail: `update does not apply: ${(error as Error).message}` };
    } finally {
      doc.off('beforeTransaction', capture);
    }
    if (doc.store.pendingStructs !== null || doc.store.pendingDs !== null) {
      this.discard();
      return { code: 'invalid_update', detail: 'update depends on history the document does not have' };
    }
    const broken = since === null ? null : this.rule?.check(doc, since);
    if (broken !== null && broken !== undefined) {
      this.discard();
      return { code: 'invalid_content', detail: broken };
    }
    return null;
  }

  /**
   * Takes an update already committed elsewhere (another instance's), so later updates are
   * checked against it too. Not built yet, the copy will take it from its source.
   */
  absorb(update: Uint8Array): void {
    if (this.doc !== null) Y.applyUpdate(this.doc, update);
  }

  /** How many structs of a client the copy holds (its clock in the state vector). */
  clockOf(clientId: number): number {
    this.doc ??= this.build();
    return Y.getState(this.doc.store, clientId);
  }

  /** Drops the copy; it is rebuilt from the source on the next update. */
  discard(): void {
    this.doc?.destroy();
    this.doc = null;
  }

  private build(): Y.Doc {
    const doc = new Y.Doc();
    Y.transact(doc, () => {
      for (const update of this.source()) Y.applyUpdate(doc, update);
    });
    return doc;
  }
}

/** Whether an update carries nothing (no structs, no deletions): the usual step 2 of a fresh client. */
export function isEmptyUpdate(update: Uint8Array): boolean {
  return update.length === 2 && update[0] === 0 && update[1] === 0;
}
