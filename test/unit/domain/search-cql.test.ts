import { searchCql, searchWords, withoutHighlights } from '../../../src/domain/search-cql';

describe('the CQL of the search message extension', () => {
  it('searches title and text of pages and blog posts, most recently changed first', () => {
    expect(searchCql({ text: 'Release plan' })).toBe(
      'type in (page, blogpost) AND (title ~ "release plan" OR text ~ "release plan") order by lastmodified desc',
    );
  });

  it('narrows to one space when asked', () => {
    expect(searchCql({ text: 'plan', spaceKey: 'ENG' })).toBe(
      'type in (page, blogpost) AND space = "ENG" AND (title ~ "plan" OR text ~ "plan") order by lastmodified desc',
    );
  });

  it('lists what changed most recently when nothing is typed', () => {
    expect(searchCql({ text: '   ' })).toBe('type in (page, blogpost) order by lastmodified desc');
  });

  it.each([
    ['a quote that would close the string', 'plan" OR space = "SECRET', 'plan or space secret'],
    ['CQL and Lucene syntax', 'title:(a* OR b?) AND NOT c~2 \\ /', 'title a or b and not c 2'],
    ['control and format characters', 'pl\u0000an\u200b\u202e x', 'pl an x'],
    ['full-width letters', 'ｐｌａｎ', 'plan'],
  ])('keeps only plain words from %s', (_, typed, words) => {
    expect(searchWords(typed)).toBe(words);
    // The words are the only thing inside the quotes: nothing typed reaches the query's structure.
    expect(searchCql({ text: typed })).toBe(
      `type in (page, blogpost) AND (title ~ "${words}" OR text ~ "${words}") order by lastmodified desc`,
    );
  });

  it('cuts very long text to Teams’ search box', () => {
    expect(searchWords('a '.repeat(1000)).length).toBeLessThanOrEqual(200);
  });

  it('drops Confluence’s highlight markers from titles and excerpts', () => {
    expect(withoutHighlights('The @@@hl@@@release@@@endhl@@@ plan')).toBe('The release plan');
  });
});
