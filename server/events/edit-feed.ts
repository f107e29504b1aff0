/** An edit the collaboration core accepted: which draft, by whom, how many bytes. */
export interface AcceptedEdit {
  readonly draftId: string;
  readonly userId: number;
  readonly bytes: number;
}

/** Where services hear of accepted edits ("last edited by", automatic snapshots). */
export interface EditSource {
  subscribe(listener: (edit: AcceptedEdit) => void): void;
}

/**
 * Accepted edits, published by the collaboration core and heard by the services that
 * subscribed when they were built. It lets the core exist before the services that need its
 * texts, without either holding the other. Listeners run synchronously on every edit: keep them
 * to memory.
 */
export class EditFeed implements EditSource {
  private readonly listeners: ((edit: AcceptedEdit) => void)[] = [];

  subscribe(listener: (edit: AcceptedEdit) => void): void {
    this.listeners.push(listener);
  }

  /** Tells every subscriber (the core's `onEdited`). */
  readonly publish = (draftId: string, userId: number, bytes: number): void => {
    for (const listener of this.listeners) listener({ draftId, userId, bytes });
  };
}
