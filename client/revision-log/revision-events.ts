import type { RevisionGroup, RevisionLog } from '../../shared/api/revision-log.ts';

/** The table changed on the server (a group saved, answered or dissolved): here it is. */
export class RevisionLogChangedEvent extends Event {
  static readonly type = 'vk-revision-log-changed';

  constructor(readonly log: RevisionLog) {
    super(RevisionLogChangedEvent.type, { bubbles: true, composed: true });
  }
}

/** The committee wants these comments as one group (merging groups, or splitting one off). */
export class RevisionRegroupEvent extends Event {
  static readonly type = 'vk-revision-regroup';

  constructor(readonly commentIds: readonly number[]) {
    super(RevisionRegroupEvent.type, { bubbles: true, composed: true });
  }
}

/** The committee wants to word or answer this group. */
export class RevisionEditGroupEvent extends Event {
  static readonly type = 'vk-revision-edit-group';

  constructor(readonly group: RevisionGroup) {
    super(RevisionEditGroupEvent.type, { bubbles: true, composed: true });
  }
}

/** The committee wants this saved group dissolved. */
export class RevisionDissolveEvent extends Event {
  static readonly type = 'vk-revision-dissolve';

  constructor(readonly groupId: number) {
    super(RevisionDissolveEvent.type, { bubbles: true, composed: true });
  }
}

/** The committee wants the comments of organisations that have not sent shown (or hidden). */
export class RevisionShowUnsentEvent extends Event {
  static readonly type = 'vk-revision-show-unsent';

  constructor(readonly show: boolean) {
    super(RevisionShowUnsentEvent.type, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'vk-revision-log-changed': RevisionLogChangedEvent;
    'vk-revision-regroup': RevisionRegroupEvent;
    'vk-revision-edit-group': RevisionEditGroupEvent;
    'vk-revision-dissolve': RevisionDissolveEvent;
    'vk-revision-show-unsent': RevisionShowUnsentEvent;
  }
}
