import { msg } from '@lit/localize';
import type { DraftAccess, Role } from '../../shared/access.ts';
import type { ErrorCode } from '../../shared/errors.ts';

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
      return msg('Góp ý');
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
    case 'no_changes':
      return msg('Chưa có thay đổi nào kể từ lần dự thảo trước.');
    case 'draft_final':
      return msg('Dự thảo đã là bản cuối cùng, không sửa được nữa.');
    case 'validation_failed':
      return msg('Thông tin nhập chưa hợp lệ.');
    case 'forbidden':
      return msg('Bạn không có quyền làm việc này.');
    default:
      return msg('Đã có lỗi. Vui lòng thử lại.');
  }
}
