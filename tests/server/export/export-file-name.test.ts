import { describe, expect, it } from 'vitest';
import { exportFileName } from '../../../server/export/export-file-name.ts';

const NAMING = {
  documentTitle: 'BÁO CÁO CHÍNH TRỊ',
  congress: 'ĐẠI HỘI ĐẠI BIỂU LẦN THỨ {ordinal}',
  orgName: 'Đảng bộ Sở Tài nguyên và Môi trường',
};
const DRAFT = { title: 'Dự thảo Báo cáo chính trị', header: { congressOrdinal: 7 } };

describe('export file names', () => {
  it('say what the file is, short and in ASCII; final, working and numbered copies differ', () => {
    const name = (kind: 'working' | 'final', version?: number) =>
      exportFileName(DRAFT, { format: 'docx', kind, version }, NAMING);
    expect(name('working', 2)).toBe('BCCT-DHDB-So-TNMT-lan-VII-du-thao-lan-2.docx');
    expect(name('working')).toBe('BCCT-DHDB-So-TNMT-lan-VII-du-thao.docx');
    expect(name('final')).toBe('BCCT-DHDB-So-TNMT-lan-VII.docx');
  });

  it('a sub-branch report, a blank draft and a draft without a congress number still get a sensible name', () => {
    const branch = {
      documentTitle: 'BÁO CÁO CHÍNH TRỊ',
      congress: 'ĐẠI HỘI CHI BỘ LẦN THỨ {ordinal}',
      orgName: 'Chi bộ Văn phòng Sở',
    };
    expect(
      exportFileName(
        { title: 'x', header: { congressOrdinal: 14 } },
        { format: 'pdf', kind: 'final' },
        branch,
      ),
    ).toBe('BCCT-DHCB-Van-PS-lan-XIV.pdf');
    expect(
      exportFileName({ title: 'Tờ trình: "nhân sự"/2026', header: {} }, { format: 'md', kind: 'working' }),
    ).toBe('To-trinh-nhan-su-2026-du-thao.md');
  });
});
