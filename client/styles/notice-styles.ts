import { css } from 'lit';

/** The colours of a one-line message (`.notice.ok|info|error`); each element sets its spacing. */
export const noticeStyles = css`
  .notice {
    border-radius: var(--vk-radius);
  }
  .notice.ok {
    background: #e7f3ec;
    color: var(--vk-ok);
  }
  .notice.info {
    background: #eef4fe;
    color: #1a3f80;
  }
  .notice.error {
    background: #fbeaea;
    color: var(--vk-danger);
  }
`;
