import { msg } from '@lit/localize';
/** A header field's name, "a round still open" (a FinalBlocker) or another form field, in the interface language. */
export function blockerLabel(field: string): string {
  switch (field) {
    case 'superior':
      return msg('Cấp trên');
    case 'issuer':
      return msg('Cơ quan ban hành');
    case 'numberSymbol':
      return msg('Số, ký hiệu');
    case 'place':
      return msg('Địa danh');
    case 'date':
      return msg('Ngày ban hành');
    case 'congressOrdinal':
      return msg('Đại hội lần thứ');
    case 'term':
      return msg('Nhiệm kỳ');
    case 'signerTitle':
      return msg('Chức vụ người ký');
    case 'signerName':
      return msg('Họ tên người ký');
    case 'recipients':
      return msg('Nơi nhận');
    case 'open_round':
      return msg('Đợt lấy ý kiến đang mở (cần kết thúc trước)');
    case 'reason':
      return msg('Lý do');
    default:
      return field;
  }
}
