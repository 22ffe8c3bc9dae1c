import { markSnippet } from './search.service';

describe('markSnippet', () => {
  it('escapes the text for HTML and turns the headline marks into <mark> tags', () => {
    expect(markSnippet('a <b> & "c" \u27e6data\u27e7 use')).toBe('a &lt;b&gt; &amp; &quot;c&quot; <mark>data</mark> use');
  });
});
