/**
 * Collaboration room names. A room is one draft; its name is the draft id, carried in
 * the URL (`/collab/<draftId>`) because y-websocket messages do not name their room.
 * Until drafts are stored, a strict pattern is all that stands between a client and a
 * freshly allocated Y.Doc, so it is deliberately narrow.
 */
export const ROOM_NAME_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

/** Whether `name` is an acceptable room name (checked before any document is created). */
export function isValidRoomName(name: string): boolean {
  return ROOM_NAME_PATTERN.test(name);
}
