import type { Comment } from '../../shared/api/comments.ts';
import type { Draft } from '../../shared/api/drafts.ts';
import type { FormatProfile } from '../../shared/export/format-profile.ts';
import type { Template } from '../../shared/templates/template.ts';
import type { Block, ExportComment, ExportDocument } from './export-model.ts';

/** What the composer needs beyond the body. */
export interface DocumentParts {
  draft: Draft;
  template: Template | null;
  profile: FormatProfile;
  blocks: Block[];
  /** Null for the final text. */
  draftMark: string | null;
  signerName: string;
  /** The round's comments (roots followed by their replies), or none. */
  comments: readonly Comment[];
}

const DISPOSITION_LABELS = {
  accepted: 'Tiếp thu',
  partly: 'Tiếp thu một phần',
  explained: 'Giải trình',
  noted: 'Ghi nhận',
} as const;

/** Puts the header fields (the draft's, else the template's defaults) around the body. */
export function composeDocument(parts: DocumentParts): ExportDocument {
  const { draft, template, profile } = parts;
  const h = draft.header;
  const fill = (text: string) =>
    text
      .replaceAll('{ordinal}', h.congressOrdinal === undefined ? '…' : String(h.congressOrdinal))
      .replaceAll('{term}', h.term ?? template?.term ?? '…');
  const superior = h.superior ?? template?.header.superior ?? '';
  return {
    header: {
      superior,
      issuer: h.issuer ?? fill(template?.header.issuer ?? ''),
      numberSymbol: h.numberSymbol ?? '',
      place: h.place ?? '',
      date: h.date ?? '',
    },
    title: template?.header.documentTitle ?? draft.title,
    subtitle: fill(template?.header.subtitle ?? ''),
    draftMark: parts.draftMark,
    blocks: parts.blocks,
    signature: {
      authority: profile.texts.signatureAuthority,
      // The header form's signer and recipients when filled in, else the profile's and the secretary.
      title: h.signerTitle ?? profile.texts.signatureTitle,
      name: h.signerName ?? parts.signerName,
    },
    recipients:
      h.recipients ??
      profile.texts.recipients
        .filter((line) => !line.includes('{superior}') || superior !== '')
        .map((line) => line.replace('{superior}', superior)),
    comments: wordComments(parts.comments),
  };
}

/** One Word comment per root comment: the organisation's text, the suggestion, the replies and the answer. */
function wordComments(comments: readonly Comment[]): ExportComment[] {
  const replies = new Map<number, Comment[]>();
  for (const c of comments)
    if (c.parentId !== null) replies.set(c.parentId, [...(replies.get(c.parentId) ?? []), c]);
  return comments
    .filter((c) => c.parentId === null)
    .map((c) => {
      const lines = [c.body];
      if (c.kind === 'suggestion') lines.push(`Đề xuất sửa thành: “${c.replacement ?? ''}”`);
      if (c.orphaned) lines.push(`(Đoạn được góp ý đã bị xóa: “${c.anchor?.quote ?? ''}”)`);
      for (const r of replies.get(c.id) ?? []) lines.push(`${r.authorName ?? r.orgName}: ${r.body}`);
      if (c.disposition !== null)
        lines.push(`${DISPOSITION_LABELS[c.disposition.value]}: ${c.disposition.note}`.trim());
      return {
        id: c.id,
        author: `${c.orgName} — ${c.authorName ?? ''}`,
        date: c.createdAt,
        text: lines.join('\n'),
      };
    });
}
