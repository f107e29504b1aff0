import { msg } from '@lit/localize';
import type { CommentKind, Disposition } from '../../shared/api/comments.ts';
import type { InvitationState } from '../../shared/api/rounds.ts';
import type { ErrorCode } from '../../shared/errors.ts';
import { errorMessage } from '../app/labels.ts';
import { currentLanguage } from '../i18n/locale.ts';

/** "Góp ý" or "Đề xuất sửa". */
export function kindLabel(kind: CommentKind): string {
  return kind === 'comment' ? msg('Góp ý') : msg('Đề xuất sửa');
}

/** The committee's answer in words. */
export function dispositionLabel(value: Disposition): string {
  switch (value) {
    case 'accepted':
      return msg('Tiếp thu');
    case 'partly':
      return msg('Tiếp thu một phần');
    case 'explained':
      return msg('Giải trình');
    case 'noted':
      return msg('Ghi nhận');
  }
}

/** An invited organisation's progress in words. */
export function invitationStateLabel(state: InvitationState): string {
  switch (state) {
    case 'not_started':
      return msg('Chưa có góp ý');
    case 'in_progress':
      return msg('Đang góp ý, chưa gửi');
    case 'submitted':
      return msg('Đã gửi góp ý');
  }
}

/** A user-facing message for errors of comments and rounds; other codes as everywhere else. */
export function commentErrorMessage(code: ErrorCode | 'network_error'): string {
  switch (code) {
    case 'round_not_found':
      return msg('Không tìm thấy đợt lấy ý kiến.');
    case 'round_closed':
      return msg('Đợt lấy ý kiến đã kết thúc, không góp ý thêm được.');
    case 'not_invited':
      return msg('Tổ chức của bạn không được mời góp ý trong đợt này.');
    case 'org_submitted':
      return msg('Tổ chức của bạn đã gửi góp ý; các góp ý không sửa được nữa.');
    case 'comment_not_found':
      return msg('Góp ý này không còn nữa (có thể đã được rút lại).');
    case 'comment_empty':
      return msg('Hãy nhập nội dung góp ý.');
    case 'comment_too_long':
      return msg('Nội dung quá dài.');
    case 'comment_html':
      return msg('Nội dung chỉ được là văn bản thuần, không chứa thẻ HTML.');
    case 'comment_locked':
      return msg('Góp ý đã được trả lời hoặc đã gửi, không sửa được nữa.');
    case 'anchor_unresolved':
      return msg('Không tìm thấy đoạn văn đã chọn trong dự thảo (có thể vừa bị sửa). Hãy chọn lại.');
    case 'suggestion_span':
      return msg('Đề xuất sửa chỉ áp dụng cho văn bản trong một đoạn. Hãy chọn lại trong một đoạn.');
    case 'comment_orphaned':
      return msg('Đoạn văn được góp ý đã bị xoá, không tiếp thu đề xuất này được.');
    default:
      return errorMessage(code);
  }
}

/** A timestamp as people read it in the interface language ("14:05 03/06/2025"). */
export function formatTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(currentLanguage() === 'vi' ? 'vi-VN' : 'en-GB', {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(date);
}
