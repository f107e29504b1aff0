/** Default limits of the collaboration endpoint; the server may configure others. */
export const COLLAB_LIMITS = {
  /** Largest WebSocket message accepted (a frame header announcing more is refused). */
  maxPayloadBytes: 2 * 1024 * 1024,
  /** Sustained messages per second per connection, and the burst above it. */
  messagesPerSecond: 100,
  messagesBurst: 500,
  /** Sustained bytes per second per connection, and the burst above it. */
  bytesPerSecond: 1024 * 1024,
  bytesBurst: 4 * 1024 * 1024,
  /** A connection must send sync step 1 within this time after the upgrade. */
  syncTimeoutMs: 10_000,
  /** Open collaboration sockets per user (tabs and devices) and per network address (R4). */
  socketsPerUser: 20,
  socketsPerIp: 100,
} as const;

/** Bounds of consultation rounds and comments, checked by the server and shown by the client. */
export const COMMENT_LIMITS = {
  /** Longest comment, reply or committee note, in characters after trimming. */
  bodyMax: 5000,
  /** Longest replacement text of a suggestion. */
  replacementMax: 5000,
  /** Longest quoted text kept with an anchor (longer selections keep their start and end). */
  quoteMax: 2000,
  /** Characters of context kept before and after the quote, to find it again. */
  contextChars: 32,
  /** Longest round title. */
  roundTitleMax: 300,
  /** Most organisations invited to one round. */
  invitedMax: 2000,
  /** A round's deadline is at most this far ahead. */
  deadlineMaxDays: 366,
} as const;

/** Bounds of exports (DOCX, PDF, Markdown, HTML). */
export const EXPORT_LIMITS = {
  /** Longest text exported, in characters (about 500 pages; a political report runs 60–100). */
  maxChars: 1_500_000,
  /** Exports per user in one window, and the window: rendering a long PDF costs seconds of CPU. */
  perWindow: 10,
  windowMs: 60_000,
  /** Most export records listed for a draft. */
  listMax: 50,
} as const;

/** Largest request bodies, enforced while the body is read (a larger one is 413 before it is buffered). */
export const HTTP_LIMITS = {
  /** Every JSON request: the longest comment or header is a few tens of kilobytes. */
  jsonBodyBytes: 256 * 1024,
  /** Importing an outline template (`POST /api/templates`): a whole outline with its guidance. */
  templateImportBytes: 4 * 1024 * 1024,
} as const;

/**
 * Bounds of a draft's text, checked on every incoming update (and by `draft repair`). Deeper
 * nesting overflows the stack of the readers (Yjs' own toJSON at ~5 000 levels, y-tiptap and
 * ProseMirror earlier); a nested list or quote in a real report is a few levels deep.
 */
export const CONTENT_LIMITS = {
  /** Deepest node nesting below the document (a top-level paragraph is at depth 1). */
  maxDepth: 64,
  /** Most nodes (elements and text runs) one update may create: a pasted 500-page report is ~20 000. */
  maxNodesPerUpdate: 50_000,
  /** Longest attribute value (a section id, a link's href), in characters. */
  maxAttributeChars: 2048,
} as const;
