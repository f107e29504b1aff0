/**
 * Stable error codes shared by server and client. A code never changes meaning once
 * released; the client chooses its user-facing message from the code alone, in the
 * interface language. The server's `message` is for API clients and logs: English only.
 */
export const ERROR_CODES = [
  // HTTP
  'validation_failed',
  'not_found',
  'invalid_room_name',
  'internal_error',
  // Identity and access
  'unauthenticated',
  'invalid_credentials',
  'forbidden_origin',
  'csrf_rejected',
  'too_many_requests',
  'payload_too_large',
  'forbidden',
  'draft_not_found',
  'org_not_found',
  'user_not_found',
  'token_not_found',
  'conflict',
  // Templates, drafts, versions
  'invalid_template',
  'template_not_found',
  'version_not_found',
  'snapshot_not_found',
  'no_changes',
  'draft_final',
  'draft_archived',
  'draft_damaged',
  'draft_not_ready',
  'draft_not_final',
  // Consultation rounds and comments
  'round_not_found',
  'round_already_open',
  'round_closed',
  'not_invited',
  'org_submitted',
  'comment_not_found',
  'comment_empty',
  'comment_too_long',
  'comment_html',
  'comment_locked',
  'anchor_unresolved',
  'suggestion_span',
  'comment_orphaned',
  // Export
  'export_profile_not_found',
  'export_final_forbidden',
  'export_not_final',
  'export_header_incomplete',
  'export_too_large',
  'export_busy',
  // Revision log
  'revision_log_empty',
  'answer_reason_required',
  'group_not_found',
  'group_invalid',
  // Section assignments
  'section_not_found',
  'assignee_not_drafter',
  'invalid_due_date',
  'not_secretary',
  // The committee's internal threads
  'discussion_not_found',
  'mention_invalid',
  // Collaboration (WebSocket close reasons)
  'malformed_message',
  'invalid_update',
  'rate_limited',
  'too_many_connections',
  'message_too_big',
  'sync_timeout',
  'slow_consumer',
  'server_shutdown',
  'room_unavailable',
  'session_ended',
  'access_revoked',
  'access_changed',
  'client_id_owned',
  'invalid_content',
] as const;

/** One of the stable error codes. */
export type ErrorCode = (typeof ERROR_CODES)[number];

/**
 * Machine-readable detail some refusals carry: `fields` names the input fields a validation
 * failure is about; `missing` lists what keeps a draft from being marked final.
 */
export interface ErrorDetails {
  fields?: string[];
  missing?: string[];
}

/** The JSON body of every error response: `{"error":{"code":…,"message":…}}`. */
export interface ErrorBody {
  error: { code: ErrorCode; message: string } & ErrorDetails;
}
