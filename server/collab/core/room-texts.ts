import type * as Y from 'yjs';
import type { DraftTexts } from '../../drafts/draft-text.ts';
import type { DocStore } from './doc-store.ts';
import type { RoomRegistry } from './room-registry.ts';

/** Drafts' texts as the rooms hold them: the live document when a room is loaded. */
export function roomTexts(store: DocStore, registry: RoomRegistry): DraftTexts {
  return {
    seed: async (draftId, update) => void (await store.append(draftId, update)),
    read: <T>(draftId: string, use: (doc: Y.Doc) => T) =>
      registry.withRoom(draftId, (room) => use(room.read())),
    edit: (draftId, userId, change) => registry.withRoom(draftId, (room) => room.edit(userId, change)),
    watch: (draftId, listener) => registry.withRoom(draftId, (room) => room.onChange(listener)),
  };
}
