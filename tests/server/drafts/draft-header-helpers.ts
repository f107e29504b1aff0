import { api, type ApiTarget } from '../../helpers/http-client.ts';

/** Every header field a final text needs. */
export const COMPLETE_HEADER = {
  superior: 'ĐẢNG BỘ KHỐI THỬ NGHIỆM',
  issuer: 'ĐẢNG BỘ SỞ THỬ NGHIỆM',
  numberSymbol: '12-BC/ĐU',
  place: 'Hà Nội',
  date: '2026-12-05',
  congressOrdinal: 7,
  term: '2025-2030',
  signerTitle: 'BÍ THƯ',
  signerName: 'Bùi Văn Khánh',
  recipients: ['- Đảng bộ Khối thử nghiệm (để báo cáo),', '- Lưu Văn phòng Đảng ủy.'],
};

/** Fills the header and takes the draft through consultation to final, as the unit's secretary. */
export async function markFinal(server: ApiTarget, draftId: string): Promise<void> {
  const token = server.workspace.users.secretary.token;
  const call = async (path: string, method: string, body: unknown) => {
    const response = await api(server, `/drafts/${draftId}${path}`, { token, method, body });
    if (response.status !== 200)
      throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  };
  await call('/header', 'PUT', COMPLETE_HEADER);
  await call('', 'PATCH', { status: 'final' });
}
