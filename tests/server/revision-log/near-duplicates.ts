import type { PlannedComment } from './revision-round.ts';

/** Rewordings of one request on section p1-chi-tieu (case, punctuation, a word added). */
export const BUDGET = [
  'Đề nghị bổ sung số liệu cụ thể về thu ngân sách năm 2025.',
  'đề nghị bổ sung thêm số liệu cụ thể về thu ngân sách năm 2025',
  'Đề nghị bổ sung số liệu cụ thể về thu ngân sách năm 2025 của đơn vị!',
  'ĐỀ NGHỊ BỔ SUNG SỐ LIỆU CỤ THỂ VỀ THU NGÂN SÁCH NĂM 2025',
];
/** Another request on the same section sharing only the opening "đề nghị bổ sung". */
export const DIGITAL = [
  'Đề nghị bổ sung nội dung về chuyển đổi số trong công tác quản lý.',
  'Đề nghị bổ sung nội dung về chuyển đổi số trong công tác quản lý, điều hành.',
  'đề nghị bổ sung nội dung về chuyển đổi số trong công tác quản lý',
];
/** Rewordings of a request on section p2-du-bao. */
export const OUTLOOK = [
  'Phần dự báo tình hình cần sát với thực tiễn của địa phương hơn.',
  'Phần dự báo tình hình cần sát hơn với thực tiễn của địa phương.',
  'Phần dự báo tình hình cần sát với thực tiễn của địa phương hơn nữa',
];
/** Ten unrelated comments on section p2-du-bao, one each. */
export const SINGLES = [
  'Nên nêu rõ tác động của biến đổi khí hậu đến nhiệm vụ của ngành.',
  'Cần đánh giá thêm khó khăn về nguồn nhân lực chất lượng cao.',
  'Đoạn này trùng ý với phần mở đầu, nên lược bớt.',
  'Kiến nghị nhấn mạnh vai trò của cải cách hành chính.',
  'Thiếu phân tích về thị trường bất động sản trên địa bàn.',
  'Nội dung hội nhập quốc tế còn chung chung.',
  'Cần cập nhật các chủ trương mới của Trung ương về sắp xếp bộ máy.',
  'Văn phong đoạn cuối còn dài dòng, nên viết gọn.',
  'Làm rõ hơn dự báo về tăng trưởng kinh tế của tỉnh giai đoạn tới.',
  'Bổ sung cơ hội từ các dự án hạ tầng giao thông lớn.',
];
/** BUDGET[0] typed without diacritics: the same request once folded. */
export const BUDGET_PLAIN = 'De nghi bo sung so lieu cu the ve thu ngan sach nam 2025';

/** 60 organisations. */
export const ORGS = 60;
/** The first 45 send their comments (45/60 = 75%). */
export const SUBMITTED = 45;

/**
 * Who writes what: organisations 0–19 the budget request (organisation 0 twice), 20–34
 * the digital one, 35–49 the outlook one, 50–59 one unrelated comment each, and 50 also the
 * budget request without diacritics. With only the first 45 sent, the table holds 3 groups of
 * 21, 15 and 10 comments (46); with every comment (`?unsent=true`), 62 comments: the budget
 * request 22 with its unaccented copy, 15, 15, and the ten others (two short ones that both ask
 * to cut a paragraph are grouped by the synonym table: see the note).
 */
export function plan(i: number): PlannedComment[] {
  if (i === 0)
    return [
      { sectionId: 'p1-chi-tieu', body: BUDGET[0]! },
      { sectionId: 'p1-chi-tieu', body: BUDGET[1]! },
    ];
  if (i < 20) return [{ sectionId: 'p1-chi-tieu', body: BUDGET[i % BUDGET.length]! }];
  if (i < 35) return [{ sectionId: 'p1-chi-tieu', body: DIGITAL[i % DIGITAL.length]! }];
  if (i < 50) return [{ sectionId: 'p2-du-bao', body: OUTLOOK[i % OUTLOOK.length]! }];
  const single = { sectionId: 'p2-du-bao', body: SINGLES[i - 50]! };
  return i === 50 ? [single, { sectionId: 'p1-chi-tieu', body: BUDGET_PLAIN }] : [single];
}
