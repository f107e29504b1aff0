import type { DispositionRequest } from '../../shared/api/comments.ts';

/** The demo draft's first text, by section of the political-report outline. */
export const DEMO_TEXT: Readonly<Record<string, readonly string[]>> = {
  'mo-dau': [
    'Đại hội đại biểu Đảng bộ Sở Tài nguyên và Môi trường lần thứ VI, nhiệm kỳ 2025–2030 diễn ra trong bối cảnh toàn Đảng, toàn dân thi đua lập thành tích chào mừng Đại hội Đảng các cấp.',
    'Chủ đề Đại hội: Nâng cao năng lực lãnh đạo, sức chiến đấu của Đảng bộ; đoàn kết, đổi mới, quản lý hiệu quả tài nguyên, bảo vệ môi trường, góp phần phát triển bền vững tỉnh nhà.',
  ],
  'p1-boi-canh': [
    'Nhiệm kỳ 2020–2025, Đảng bộ thực hiện Nghị quyết Đại hội trong điều kiện có nhiều thuận lợi đan xen khó khăn: dịch bệnh kéo dài những năm đầu nhiệm kỳ, thiên tai diễn biến phức tạp, yêu cầu quản lý đất đai và môi trường ngày càng cao.',
  ],
  'p1-chi-tieu': [
    'Đến cuối nhiệm kỳ, 9/10 chỉ tiêu chủ yếu đạt và vượt kế hoạch. Tỷ lệ hồ sơ thủ tục hành chính giải quyết đúng hạn đạt 98,5%; diện tích đất được cấp giấy chứng nhận lần đầu đạt 96% kế hoạch.',
    'Tỷ lệ chất thải rắn sinh hoạt đô thị được thu gom, xử lý đạt 95%; 100% khu công nghiệp đang hoạt động có hệ thống xử lý nước thải tập trung đạt chuẩn.',
  ],
  'p1-nhiem-vu-chinh-tri': [
    'Đảng ủy lãnh đạo hoàn thành việc lập quy hoạch sử dụng đất thời kỳ 2021–2030, đưa cơ sở dữ liệu đất đai vào vận hành tại tất cả các huyện, thị xã, thành phố.',
  ],
  'p1-xay-dung-dang-to-chuc': [
    'Công tác phát triển đảng viên được quan tâm; trong nhiệm kỳ kết nạp 42 đảng viên mới, 100% chi bộ được xếp loại hoàn thành tốt nhiệm vụ trở lên.',
  ],
  'p1-han-che': [
    'Việc xử lý vi phạm về đất đai, môi trường ở một số nơi còn chậm; chuyển đổi số trong quản lý tài nguyên chưa đồng bộ giữa các cấp.',
  ],
  'p2-muc-tieu-tong-quat': [
    'Xây dựng Đảng bộ trong sạch, vững mạnh; quản lý chặt chẽ, sử dụng hiệu quả tài nguyên; chủ động ứng phó với biến đổi khí hậu; phấn đấu đến năm 2030 hoàn thành cơ sở dữ liệu đất đai thống nhất toàn tỉnh.',
  ],
  'p2-chi-tieu': [
    'Hằng năm 100% chi bộ hoàn thành tốt nhiệm vụ trở lên; tỷ lệ hồ sơ giải quyết đúng hạn đạt trên 99%; 100% chất thải nguy hại được thu gom, xử lý đúng quy định.',
  ],
};

/** A demo comment: by whom (username), on which words or section, and the committee's answer if any. */
export interface DemoComment {
  readonly by: string;
  readonly body: string;
  /** The commented words (the first place they occur); without it, the whole section. */
  readonly quote?: string;
  readonly sectionId?: string;
  /** Makes it a suggestion: the words proposed instead of the quote. */
  readonly replacement?: string;
  readonly answer?: DispositionRequest;
}

/** What the sub-branches and mass organisations have sent so far. */
export const DEMO_COMMENTS: readonly DemoComment[] = [
  {
    by: 'longdv',
    quote: 'đạt 96% kế hoạch',
    body: 'Đề nghị nêu rõ lý do chưa đạt kế hoạch và số diện tích còn lại.',
    answer: { value: 'accepted', note: 'Tiểu ban đã bổ sung nguyên nhân ở mục Hạn chế.' },
  },
  {
    by: 'huongbtt',
    quote: 'đạt 95%',
    body: 'Số liệu năm 2024 của Chi cục là 95,6%; đề nghị cập nhật.',
    replacement: 'đạt 95,6%',
  },
  {
    by: 'duchm',
    quote: 'chuyển đổi số trong quản lý tài nguyên chưa đồng bộ giữa các cấp',
    body: 'Nên nêu cụ thể hệ thống quan trắc tự động chưa kết nối được với dữ liệu của Bộ.',
    answer: {
      value: 'explained',
      note: 'Báo cáo chính trị nêu khái quát; chi tiết sẽ đưa vào báo cáo kiểm điểm của Ban Chấp hành.',
    },
  },
  {
    by: 'baohg',
    sectionId: 'p2-chi-tieu',
    body: 'Đề nghị bổ sung chỉ tiêu về số đoàn viên ưu tú được giới thiệu kết nạp Đảng.',
  },
  {
    by: 'nhungpth',
    quote: 'kết nạp 42 đảng viên mới',
    body: 'Nên nêu thêm tỷ lệ đảng viên nữ trong số đảng viên mới kết nạp.',
  },
];
