import { confluenceLinkOf, urlsIn } from '../../../src/domain/confluence-link';

describe('links to this site’s Confluence content', () => {
  const site = 'https://acme.atlassian.net';
  const of = (url: string) => confluenceLinkOf(url, site);

  it.each([
    ['/wiki/spaces/ENG/pages/123/Release+plan', '123'],
    ['/wiki/spaces/ENG/pages/123', '123'],
    ['/wiki/spaces/ENG/pages/edit-v2/123', '123'],
    ['/wiki/spaces/ENG/pages/123/Release+plan?focusedCommentId=9#comment-9', '123'],
    ['/wiki/spaces/ENG/blog/2026/11/02/456/Launch+news', '456'],
    ['/wiki/spaces/ENG/blog/456/Launch+news', '456'],
    ['/wiki/pages/viewpage.action?pageId=789', '789'],
    // Short links: the id's little-endian bytes in Confluence's base64 (`-` for `/`, `_` for `+`,
    // trailing `A` dropped).
    ['/wiki/x/AQAB', '65537'],
    ['/wiki/x/-----w', '4294967295'],
    ['/wiki/x/____', '12513275'],
    ['/wiki/x/AAB', '4194304'],
  ])('%s names content %s', (path, id) => {
    expect(of(`${site}${path}`)).toEqual({ kind: 'content', contentId: id });
  });

  it.each(['/wiki/spaces/ENG', '/wiki/spaces/ENG/overview', '/wiki/spaces/~mia/overview'])(
    '%s names a space',
    (path) => {
      expect(of(`${site}${path}`)).toEqual({ kind: 'space', spaceKey: path.split('/')[3] });
    },
  );

  it.each([
    ['another site', 'https://evil.atlassian.net/wiki/spaces/ENG/pages/123'],
    ['a look-alike host', 'https://acme.atlassian.net.evil.com/wiki/spaces/ENG/pages/123'],
    ['another scheme', 'http://acme.atlassian.net/wiki/spaces/ENG/pages/123'],
    ['credentials in the URL', 'https://x:y@acme.atlassian.net/wiki/spaces/ENG/pages/123'],
    ['outside /wiki', 'https://acme.atlassian.net/spaces/ENG/pages/123'],
    ['an id that is not a number', 'https://acme.atlassian.net/wiki/spaces/ENG/pages/12a'],
    ['a space key with a quote', 'https://acme.atlassian.net/wiki/spaces/EN%22G/overview'],
    ['broken escapes', 'https://acme.atlassian.net/wiki/spaces/%E0%A4%A/pages/1'],
    ['not a URL', 'release plan'],
    ['a huge URL', `https://acme.atlassian.net/wiki/spaces/ENG/pages/1/${'a'.repeat(5000)}`],
  ])('names nothing for %s', (_, url) => {
    expect(of(url)).toBeNull();
  });

  it('matches the host whatever its case', () => {
    expect(of('https://ACME.atlassian.net/wiki/spaces/ENG/pages/5')).toEqual({
      kind: 'content',
      contentId: '5',
    });
  });

  it('finds the URLs in a message’s HTML and text, hrefs included, each once', () => {
    const html =
      '<p>See <a href="https://acme.atlassian.net/wiki/pages/viewpage.action?pageId=1&amp;x=2">this</a>, ' +
      'and https://acme.atlassian.net/wiki/spaces/ENG/pages/2.</p> https://acme.atlassian.net/wiki/spaces/ENG/pages/2';
    expect(urlsIn(html)).toEqual([
      'https://acme.atlassian.net/wiki/pages/viewpage.action?pageId=1&x=2',
      'https://acme.atlassian.net/wiki/spaces/ENG/pages/2',
    ]);
  });
});
