import { SUBTLE, factSet, textBlock, type CardElement } from './card-elements';
import { escapeCardMarkdown } from './card-markdown';
import type { ChangeSummary, PassagePart } from './text-diff';

const words = (n: number): string => `${n} word${n === 1 ? '' : 's'}`;

/**
 * One passage part as card Markdown: added words bold, removed words in italics and brackets.
 * Each part is escaped on its own, so Confluence text cannot close or open emphasis.
 */
const partMarkdown = (part: PassagePart): string => {
  const text = escapeCardMarkdown(part.text.trim());
  if (!text) return '';
  if (part.kind === 'added') return `**${text}**`;
  if (part.kind === 'removed') return `_\\[removed: ${text}\\]_`;
  return text;
};

/** "What changed": counts, the first changed passage, and the added and removed text. */
export const changeSummaryElements = (changes: ChangeSummary): CardElement[] => {
  const counts = [
    changes.addedWords > 0 ? `${words(changes.addedWords)} added` : '',
    changes.removedWords > 0 ? `${words(changes.removedWords)} removed` : '',
  ].filter(Boolean);
  const facts: Array<{ title: string; value: string }> = [];
  if (changes.added) facts.push({ title: 'Added', value: escapeCardMarkdown(changes.added) });
  if (changes.removed) facts.push({ title: 'Removed', value: escapeCardMarkdown(changes.removed) });
  const passage = changes.passage.map(partMarkdown).filter(Boolean).join(' ');
  return [
    textBlock(`**What changed** · ${counts.join(', ') || 'formatting only'}`, {
      ...SUBTLE,
      spacing: 'Medium',
    }),
    ...(passage
      ? [
          textBlock(
            `${changes.passageCut?.before === false ? '' : '…'}${passage}${changes.passageCut?.after === false ? '' : '…'}`,
          ),
        ]
      : []),
    ...(facts.length > 0 ? [factSet(facts)] : []),
  ];
};
