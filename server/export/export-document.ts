import type { Comment } from '../../shared/api/comments.ts';
import type { Draft } from '../../shared/api/drafts.ts';
import { ordinalText, spellTerms, type FormatProfile } from '../../shared/export/format-profile.ts';
import type { Template } from '../../shared/templates/template.ts';
import type { Block, ExportComment, ExportDocument, Run } from './export-model.ts';

/** What the composer needs beyond the body. */
export interface DocumentParts {
  draft: Draft;
  template: Template | null;
  profile: FormatProfile;
  /** The unit's name as written in running text ("Đảng bộ Sở Tài nguyên và Môi trường"). */
  unitName: string;
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

/**
 * Puts the header fields (the draft's, else the template's defaults) around the body. A
 * congress document's template names the congress as its issuer: the unit's own name is
 * printed above it and the congress line under it (docs/domain.md#issuer). Ordinals and terms are
 * printed as the profile spells them, the term in one spelling throughout.
 */
export function composeDocument(parts: DocumentParts): ExportDocument {
  const { draft, template, profile } = parts;
  const h = draft.header;
  const fill = (text: string) =>
    spellTerms(
      profile,
      text
        .replaceAll('{unit}', parts.unitName)
        .replaceAll(
          '{ordinal}',
          h.congressOrdinal === undefined ? '…' : ordinalText(profile, h.congressOrdinal),
        )
        .replaceAll('{term}', h.term ?? template?.term ?? '…'),
    );
  const superior = h.superior ?? template?.header.superior ?? '';
  const templateIssuer = fill(template?.header.issuer ?? '');
  const unitLine = h.issuer ?? parts.unitName;
  const congress = templateIssuer !== '' && unitLine !== '' && unitLine !== templateIssuer;
  const recipients = template?.header.recipients ?? [];
  return {
    header: {
      superior,
      issuer: congress ? unitLine : templateIssuer || unitLine,
      congress: congress ? templateIssuer : '',
      numberSymbol: h.numberSymbol ?? '',
      place: h.place ?? '',
      date: h.date ?? '',
    },
    title: template?.header.documentTitle ?? draft.title,
    subtitle: fill(template?.header.subtitle ?? ''),
    draftMark: parts.draftMark,
    blocks: parts.blocks.map((block) => spellBlock(profile, block)),
    signature: {
      authority: profile.texts.signatureAuthority,
      // The header form's signer and recipients when filled in, else the profile's and the secretary.
      title: h.signerTitle ?? profile.texts.signatureTitle,
      name: h.signerName ?? parts.signerName,
    },
    recipients: h.recipients ?? (recipients.length > 0 ? [...recipients] : [...profile.texts.recipients]),
    comments: wordComments(parts.comments),
  };
}

/** A block with its year ranges in the profile's spelling (run by run, so comment marks stay put). */
function spellBlock(profile: FormatProfile, block: Block): Block {
  const spell = (runs: Run[]) => runs.map((r) => ({ ...r, text: spellTerms(profile, r.text) }));
  switch (block.kind) {
    case 'part':
      return { ...block, title: spell(block.title) };
    case 'table':
      return {
        ...block,
        rows: block.rows.map((row) => row.map((cell) => ({ ...cell, lines: cell.lines.map(spell) }))),
      };
    default:
      return { ...block, runs: spell(block.runs) };
  }
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
