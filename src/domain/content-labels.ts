/** A Confluence label as events and REST carry it. */
interface LabelRef {
  name: string;
  prefix?: string;
}

/**
 * Label names as rules compare them (lower case). Personal (`my:`) labels are private to one
 * person: they never route a card anywhere.
 */
export const publicLabelNames = (labels: readonly LabelRef[]): string[] =>
  labels
    .filter((l) => !l.prefix || l.prefix === 'global' || l.prefix === 'team')
    .map((l) => l.name.toLowerCase());
