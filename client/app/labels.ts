import { msg, str } from '@lit/localize';
import type { DraftAccess, OrgKind, Role } from '../../shared/access.ts';
import type { InvitationState } from '../../shared/api/rounds.ts';
import type { ErrorCode } from '../../shared/errors.ts';
import { COMMENT_LIMITS } from '../../shared/limits.ts';

/** A role's name in the interface language. */
export function roleLabel(role: Role): string {
  switch (role) {
    case 'admin':
      return msg('Quản trị');
    case 'secretary':
      return msg('Bí thư');
    case 'drafter':
      return msg('Tiểu ban văn kiện');
    case 'commenter':
      // Its own id: elsewhere "Góp ý" is a comment, here the role ("Commenter").
      return msg('Góp ý', { id: 'role-commenter' });
  }
}

/** A draft status's name. */
export function statusLabel(status: 'drafting' | 'consultation' | 'final'): string {
  switch (status) {
    case 'drafting':
      return msg('Đang soạn thảo');
    case 'consultation':
      return msg('Đang lấy ý kiến');
    case 'final':
      return msg('Bản cuối cùng');
  }
}

/** What the user may do with a draft. */
export function accessLabel(access: DraftAccess): string {
  switch (access) {
    case 'edit':
      return msg('Được sửa');
    case 'comment':
      return msg('Được góp ý');
    case 'read':
      return msg('Chỉ xem');
  }
}

/** An organisation kind's name (chi bộ, đoàn thể…). */
export function orgKindLabel(kind: OrgKind): string {
  switch (kind) {
    case 'bloc':
      return msg('Đảng ủy Khối');
    case 'unit':
      return msg('Đảng bộ cơ sở');
    case 'branch':
      return msg('Chi bộ');
    case 'mass':
      return msg('Đoàn thể');
  }
}

/** An invited organisation's progress in a round. */
export function invitationStateLabel(state: InvitationState): string {
  switch (state) {
    case 'not_started':
      return msg('Chưa bắt đầu');
    case 'in_progress':
      return msg('Đang góp ý');
    case 'submitted':
      return msg('Đã gửi');
  }
}

/** Whether a round still takes comments. */
export function roundStatusLabel(status: 'open' | 'closed'): string {
  return status === 'open' ? msg('Đang lấy ý kiến') : msg('Đã kết thúc');
}

/** A user-facing message for an API error code (the server's message is for logs). */
export function errorMessage(code: ErrorCode | 'network_error'): string {
  switch (code) {
    case 'invalid_credentials':
      return msg('Tên đăng nhập hoặc mật khẩu không đúng.');
    case 'too_many_requests':
      return msg('Bạn đã thử quá nhiều lần. Vui lòng đợi ít phút rồi thử lại.');
    case 'network_error':
      return msg('Không kết nối được máy chủ. Kiểm tra mạng rồi thử lại.');
    case 'unauthenticated':
      return msg('Phiên làm việc đã hết. Vui lòng đăng nhập lại.');
    case 'draft_not_found':
      return msg('Không tìm thấy dự thảo, hoặc bạn không có quyền xem.');
    case 'version_not_found':
      return msg('Không tìm thấy lần dự thảo này.');
    case 'snapshot_not_found':
      return msg('Không tìm thấy bản tự động lưu này (có thể đã được gộp vào bản sau).');
    case 'no_changes':
      return msg('Chưa có thay đổi nào kể từ lần dự thảo trước.');
    case 'draft_final':
      return msg('Dự thảo đã là bản cuối cùng, không sửa được nữa.');
    case 'draft_not_ready':
      return msg('Chưa chốt được bản cuối cùng. Còn thiếu:');
    case 'draft_not_final':
      return msg('Dự thảo không phải bản cuối cùng, không cần mở lại.');
    case 'validation_failed':
      return msg('Thông tin nhập chưa hợp lệ.');
    case 'forbidden':
      return msg('Bạn không có quyền làm việc này.');
    case 'conflict':
      return msg('Đã có một bản ghi như vậy (ví dụ: tên đăng nhập đã được dùng).');
    case 'payload_too_large':
      return msg('Nội dung gửi lên quá lớn.');
    case 'org_not_found':
      return msg('Không tìm thấy tổ chức; có thể danh sách tổ chức vừa thay đổi. Hãy mở lại hộp thoại.');
    case 'draft_archived':
      return msg('Dự thảo đã được lưu trữ, không sửa được nữa.');
    case 'round_not_found':
      return msg('Không tìm thấy đợt lấy ý kiến này.');
    case 'round_already_open':
      return msg(
        'Dự thảo đang có một đợt lấy ý kiến chưa kết thúc. Hãy kết thúc đợt đó trước khi mở đợt mới.',
      );
    case 'round_closed':
      return msg('Đợt lấy ý kiến đã kết thúc, không góp ý hay gửi góp ý được nữa.');
    case 'not_invited':
      return msg('Tổ chức của bạn không được mời góp ý trong đợt này.');
    case 'org_submitted':
      return msg('Tổ chức của bạn đã gửi góp ý; các góp ý đã gửi không sửa được nữa.');
    case 'comment_not_found':
      return msg('Không tìm thấy góp ý này; có thể nó đã được rút lại.');
    case 'comment_empty':
      return msg('Nội dung góp ý đang để trống.');
    case 'comment_too_long':
      return msg(
        str`Góp ý dài quá ${COMMENT_LIMITS.bodyMax} ký tự. Hãy rút gọn hoặc tách thành nhiều góp ý.`,
      );
    case 'comment_html':
      return msg('Góp ý chỉ nhận văn bản thuần, không nhận mã HTML.');
    case 'comment_locked':
      return msg('Góp ý này đã được trả lời hoặc đã gửi, không sửa hay rút lại được nữa.');
    case 'anchor_unresolved':
      return msg(
        'Không tìm thấy đoạn văn được chọn trong dự thảo (có thể vừa bị sửa). Hãy chọn lại rồi thử lại.',
      );
    case 'suggestion_span':
      return msg('Đề xuất sửa chỉ áp dụng cho đoạn chọn nằm trong một đoạn văn.');
    case 'comment_orphaned':
      return msg('Đoạn văn của góp ý này đã bị xóa khỏi dự thảo, nên không áp dụng được đề xuất sửa.');
    case 'revision_log_empty':
      return msg('Đợt lấy ý kiến này chưa có góp ý nào, chưa có gì để xuất.');
    case 'answer_reason_required':
      return msg('Giải trình hoặc tiếp thu một phần cần ghi rõ lý do, nội dung giải trình.');
    case 'group_not_found':
      return msg('Không tìm thấy nhóm ý kiến này; có thể bảng vừa được người khác sắp xếp lại.');
    case 'group_invalid':
      return msg('Chỉ gộp được các góp ý của cùng một đợt và cùng một phần của dự thảo.');
    case 'section_not_found':
      return msg('Không tìm thấy mục này trong đề cương dự thảo.');
    case 'assignee_not_drafter':
      return msg('Chỉ giao được cho thành viên tiểu ban soạn thảo của đơn vị.');
    case 'invalid_due_date':
      return msg('Hạn hoàn thành chưa đúng (ngày/tháng/năm).');
    case 'not_secretary':
      return msg('Chỉ bí thư của đơn vị được phân công viết các mục.');
    case 'discussion_not_found':
      return msg('Không tìm thấy trao đổi này trong dự thảo.');
    case 'mention_invalid':
      return msg('Chỉ nhắc được thành viên tiểu ban văn kiện có quyền với dự thảo này.');
    case 'export_profile_not_found':
      return msg('Không có mẫu thể thức văn bản này.');
    case 'export_final_forbidden':
      return msg('Chỉ bí thư được xuất bản chính thức.');
    case 'export_not_final':
      return msg('Dự thảo chưa được chốt là bản cuối cùng, nên chưa xuất được bản chính thức.');
    case 'export_header_incomplete':
      return msg(
        'Bản chính thức cần có đủ số và ký hiệu, địa danh, ngày ban hành (và lần thứ của đại hội). Hãy điền phần đầu văn bản rồi xuất lại.',
      );
    case 'export_too_large':
      return msg('Dự thảo quá dài để xuất thành một tệp.');
    case 'export_busy':
      return msg('Máy chủ đang bận tạo các tệp khác. Vui lòng thử lại sau ít phút.');
    default:
      return msg('Đã có lỗi. Vui lòng thử lại.');
  }
}
