import { excerpt, storageToText } from '../../../src/domain/storage-text';
import { summariseChange } from '../../../src/domain/text-diff';

describe('storageToText', () => {
  it('keeps what a reader sees: text, with blocks as lines and inline markup joined', () => {
    const storage =
      '<h1>Plan</h1><p>Re<strong>lease</strong> in&nbsp;March &amp; April &#8212; &#x41;</p>' +
      '<ul><li>One</li><li>Two</li></ul>' +
      '<ac:structured-macro ac:name="code"><ac:parameter ac:name="language">js</ac:parameter>' +
      '<ac:plain-text-body><![CDATA[if (a < b) {}]]></ac:plain-text-body></ac:structured-macro>' +
      '<!-- hidden --><p>Bye &unknown; <ri:user ri:account-id="1"/></p>';
    expect(storageToText(storage)).toBe(
      'Plan\nRelease in March & April — A\nOne\nTwo\nif (a < b) {}\nBye &unknown;',
    );
  });

  it('never throws on broken markup and bounds its input', () => {
    expect(storageToText('<p>open <b>bold <![CDATA[ never closed')).toBe('open bold never closed');
    expect(storageToText('&#xD800; &#9999999;')).toBe('');
    expect(storageToText(`<p>${'word '.repeat(100_000)}</p>`).length).toBeLessThanOrEqual(200_000);
  });

  it('cuts excerpts at a word', () => {
    expect(excerpt('alpha beta gamma delta', 15)).toBe('alpha beta…');
    expect(excerpt('short', 12)).toBe('short');
  });
});

describe('summariseChange', () => {
  it('finds added and removed words and the first changed passage with context', () => {
    const summary = summariseChange(
      'The launch is planned for February with a small beta.',
      'The launch is planned for March with a large public beta.',
    );
    expect(summary).toEqual({
      addedWords: 3,
      removedWords: 2,
      added: 'March … large public',
      removed: 'February … small',
      passage: [
        { kind: 'same', text: 'The launch is planned for' },
        { kind: 'removed', text: 'February' },
        { kind: 'added', text: 'March' },
        { kind: 'same', text: 'with a' },
        { kind: 'removed', text: 'small' },
        { kind: 'added', text: 'large public' },
        { kind: 'same', text: 'beta.' },
      ],
      // The passage is the whole text: nothing cut either side.
      passageCut: { before: false, after: false },
    });
  });

  it('says when the text goes on before and after the passage', () => {
    const long = (middle: string) =>
      `${'Opening words of a long page. '.repeat(5)}${middle} ${'Closing words of a long page. '.repeat(5)}`;
    expect(
      summariseChange(long('The launch is in February.'), long('The launch is in March.'))?.passageCut,
    ).toEqual({
      before: true,
      after: true,
    });
  });

  it('is null when the words did not change (formatting only)', () => {
    expect(summariseChange('same  words\nhere', 'same words here')).toBeNull();
  });

  it('handles a new text and an emptied one', () => {
    expect(summariseChange('', 'hello world')).toMatchObject({
      addedWords: 2,
      removedWords: 0,
      added: 'hello world',
    });
    expect(summariseChange('bye now', '')).toMatchObject({
      addedWords: 0,
      removedWords: 2,
      removed: 'bye now',
    });
  });

  // Its speed is for `npm run bench` to measure (the consumer diffs every edit it sends), not a
  // wall-clock budget in a unit test.
  it('stays small on huge, completely different texts', () => {
    const a = Array.from({ length: 20_000 }, (_, i) => `a${i}`).join(' ');
    const b = Array.from({ length: 20_000 }, (_, i) => `b${i}`).join(' ');
    const summary = summariseChange(a, b);
    expect(summary?.added.length).toBeLessThanOrEqual(280);
    expect(JSON.stringify(summary).length).toBeLessThan(3000);
  });

  it('aligns a small edit in a long page cheaply', () => {
    const long = Array.from({ length: 3000 }, (_, i) => `w${i}`).join(' ');
    const summary = summariseChange(long, long.replace('w1500', 'changed'));
    expect(summary).toMatchObject({ addedWords: 1, removedWords: 1, added: 'changed', removed: 'w1500' });
    expect(summary?.passage[0]).toEqual({
      kind: 'same',
      text: 'w1492 w1493 w1494 w1495 w1496 w1497 w1498 w1499',
    });
  });
});

describe('mentions in storage format', () => {
  const mention = (id: string, closed = true) =>
    closed
      ? `<ac:link><ri:user ri:account-id="${id}" /></ac:link>`
      : `<ac:link><ri:user ri:account-id="${id}"></ri:user></ac:link>`;

  it('reads a mention as @Name, so a card does not lose who was mentioned', () => {
    const names = new Map([['557058:mia', 'Mia Member']]);
    expect(storageToText(`<p>Over to ${mention('557058:mia')}.</p>`, names)).toBe('Over to @Mia Member.');
    expect(storageToText(`<p>Ask ${mention('557058:mia', false)}</p>`, names)).toBe('Ask @Mia Member');
  });

  it('says @someone for a person whose name was not looked up, and keeps a name with < or & as text', () => {
    expect(storageToText(`<p>${mention('557058:x')}</p>`)).toBe('@someone');
    expect(storageToText(`<p>${mention('a')}</p>`, new Map([['a', 'R&D <Lead>']]))).toBe('@R&D <Lead>');
  });
});
