import { msg } from '@lit/localize';
import type { CommentKind, Disposition } from '../../shared/api/comments.ts';

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
