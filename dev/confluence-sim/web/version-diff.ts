/** One line of a comparison: in both versions, only in the newer one, or only in the older one. */
export interface DiffLine {
  change: 'same' | 'added' | 'removed';
  text: string;
}

/** Beyond this many lines per side the comparison shows both sides whole instead of matching lines. */
const MAX_LINES = 2000;

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/**
 * The readable lines of a storage-format body: one per paragraph, heading, list item or table cell
 * row, tags removed and entities decoded. Confluence compares the rendered page the same way.
 */
export function storageLines(storage: string): string[] {
  return storage
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|h[1-6]|li|tr|div|blockquote|pre|ac:task)\s*>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x?[0-9a-f]+|[a-z]+);/gi, (whole, name: string) => {
      if (name.startsWith('#')) {
        const code = name[1].toLowerCase() === 'x' ? parseInt(name.slice(2), 16) : Number(name.slice(1));
        return Number.isFinite(code) ? String.fromCodePoint(code) : whole;
      }
      return ENTITIES[name.toLowerCase()] ?? whole;
    })
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter((line) => line.length > 0);
}

/** A line diff by longest common subsequence: removed lines come before the added lines that replace them. */
export function diffLines(before: string[], after: string[]): DiffLine[] {
  if (before.length > MAX_LINES || after.length > MAX_LINES) {
    return [
      ...before.map((text) => ({ change: 'removed' as const, text })),
      ...after.map((text) => ({ change: 'added' as const, text })),
    ];
  }
  // common[i][j]: length of the longest common subsequence of before[i..] and after[j..].
  const common = Array.from({ length: before.length + 1 }, () => new Array<number>(after.length + 1).fill(0));
  for (let i = before.length - 1; i >= 0; i -= 1)
    for (let j = after.length - 1; j >= 0; j -= 1)
      common[i][j] =
        before[i] === after[j] ? common[i + 1][j + 1] + 1 : Math.max(common[i + 1][j], common[i][j + 1]);
  const out: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < before.length || j < after.length) {
    if (i < before.length && j < after.length && before[i] === after[j]) {
      out.push({ change: 'same', text: before[i] });
      i += 1;
      j += 1;
    } else if (j >= after.length || (i < before.length && common[i + 1][j] >= common[i][j + 1])) {
      out.push({ change: 'removed', text: before[i] });
      i += 1;
    } else {
      out.push({ change: 'added', text: after[j] });
      j += 1;
    }
  }
  return out;
}
