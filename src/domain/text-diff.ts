import { excerpt } from './storage-text';

/** One run of the first changed passage: unchanged context, added words or removed words. */
export interface PassagePart {
  kind: 'same' | 'added' | 'removed';
  text: string;
}

/** What changed between two versions of a text, small enough for a card. */
export interface ChangeSummary {
  addedWords: number;
  removedWords: number;
  /** The added words, runs joined with "…", at most EXCERPT_CHARS. */
  added: string;
  removed: string;
  /** The first change with a few words of context either side. */
  passage: PassagePart[];
  /** Whether the text goes on before and after the passage (a card marks it with …). */
  passageCut: { before: boolean; after: boolean };
}

/** Bounds: a card summary needs neither whole documents nor an exact diff of huge edits. */
const MAX_WORDS = 4000;
const MAX_TABLE_CELLS = 2_000_000;
const EXCERPT_CHARS = 280;
const CONTEXT_WORDS = 8;
const PASSAGE_CHANGED_WORDS = 30;

type Op = { kind: PassagePart['kind']; word: string };

const words = (text: string): string[] => text.split(/\s+/).filter(Boolean).slice(0, MAX_WORDS);

/** Longest-common-subsequence edit script of two word lists (both already bounded). */
const editScript = (a: readonly string[], b: readonly string[]): Op[] => {
  if (a.length * b.length > MAX_TABLE_CELLS) {
    // Too large to align exactly: report the middle as replaced, which is still true.
    return [
      ...a.map((word): Op => ({ kind: 'removed', word })),
      ...b.map((word): Op => ({ kind: 'added', word })),
    ];
  }
  const width = b.length + 1;
  const lcs = new Uint16Array((a.length + 1) * width);
  for (let i = a.length - 1; i >= 0; i -= 1) {
    for (let j = b.length - 1; j >= 0; j -= 1) {
      lcs[i * width + j] =
        a[i] === b[j]
          ? lcs[(i + 1) * width + j + 1] + 1
          : Math.max(lcs[(i + 1) * width + j], lcs[i * width + j + 1]);
    }
  }
  const ops: Op[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      ops.push({ kind: 'same', word: a[i] });
      i += 1;
      j += 1;
    } else if (i < a.length && (j === b.length || lcs[(i + 1) * width + j] >= lcs[i * width + j + 1])) {
      // Removed before added, so "X → Y" reads as the old words then the new.
      ops.push({ kind: 'removed', word: a[i] });
      i += 1;
    } else {
      ops.push({ kind: 'added', word: b[j] });
      j += 1;
    }
  }
  return ops;
};

/** Words of one kind, runs (split by unchanged words) joined with "…", cut to an excerpt. */
const runsOf = (ops: readonly Op[], kind: Op['kind']): string => {
  const runs: string[][] = [];
  let broken = true;
  for (const op of ops) {
    if (op.kind === 'same') broken = true;
    if (op.kind !== kind) continue;
    if (broken) runs.push([]);
    runs.at(-1)?.push(op.word);
    broken = false;
  }
  return excerpt(runs.map((run) => run.join(' ')).join(' … '), EXCERPT_CHARS);
};

/** Merges consecutive ops of one kind into passage parts. */
const toParts = (ops: readonly Op[]): PassagePart[] =>
  ops.reduce<PassagePart[]>((parts, op) => {
    const last = parts.at(-1);
    if (last?.kind === op.kind) last.text += ` ${op.word}`;
    else parts.push({ kind: op.kind, text: op.word });
    return parts;
  }, []);

const firstPassage = (ops: readonly Op[]): { parts: PassagePart[]; from: number; to: number } => {
  const start = ops.findIndex((op) => op.kind !== 'same');
  if (start < 0) return { parts: [], from: 0, to: 0 };
  let end = start;
  let changed = 0;
  // The changed run goes on until a few unchanged words in a row, or enough changed words.
  while (end < ops.length && changed < PASSAGE_CHANGED_WORDS) {
    const sameAhead = ops.slice(end, end + 3).every((op) => op.kind === 'same');
    if (ops[end].kind === 'same' && sameAhead) break;
    if (ops[end].kind !== 'same') changed += 1;
    end += 1;
  }
  const before = ops.slice(Math.max(0, start - CONTEXT_WORDS), start);
  const after = ops.slice(end, end + CONTEXT_WORDS).filter((op) => op.kind === 'same');
  const parts = toParts([...before, ...ops.slice(start, end), ...after]);
  return {
    parts: parts.map((part) => ({ ...part, text: excerpt(part.text, EXCERPT_CHARS) })),
    from: Math.max(0, start - CONTEXT_WORDS),
    to: end + after.length,
  };
};

/**
 * A word-level summary of the change from `before` to `after` (plain texts), or null when the
 * words are the same. The common start and end are skipped before aligning the rest, so a
 * small edit to a long page costs little.
 */
export const summariseChange = (before: string, after: string): ChangeSummary | null => {
  const a = words(before);
  const b = words(after);
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head += 1;
  let tail = 0;
  while (
    tail < a.length - head &&
    tail < b.length - head &&
    a[a.length - 1 - tail] === b[b.length - 1 - tail]
  )
    tail += 1;
  if (head === a.length && head === b.length) return null;
  const middle = editScript(a.slice(head, a.length - tail), b.slice(head, b.length - tail));
  const context = (list: readonly string[]): Op[] => list.map((word) => ({ kind: 'same', word }));
  const ops = [
    ...context(a.slice(Math.max(0, head - CONTEXT_WORDS), head)),
    ...middle,
    ...context(a.slice(a.length - tail, a.length - tail + CONTEXT_WORDS)),
  ];
  const passage = firstPassage(ops);
  return {
    addedWords: middle.filter((op) => op.kind === 'added').length,
    removedWords: middle.filter((op) => op.kind === 'removed').length,
    added: runsOf(middle, 'added'),
    removed: runsOf(middle, 'removed'),
    passage: passage.parts,
    passageCut: {
      before: head > CONTEXT_WORDS || passage.from > 0,
      after: tail > CONTEXT_WORDS || passage.to < ops.length,
    },
  };
};
