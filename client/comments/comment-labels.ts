import { msg } from '@lit/localize';
import type { CommentKind, Disposition } from '../../shared/api/comments.ts';
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
