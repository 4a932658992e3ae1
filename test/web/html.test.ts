/** The web edition's building blocks, without a browser: escaping, inline content, blocks, the contact card, token files. */
import { describe, expect, it } from 'vitest';
import { blockHtml, contactCard, html, inlineHtml, joinHtml } from '../../src/render/html/index.js';
import { readDesignTokens } from '../../src/profiles/design-tokens.js';
import type { Run } from '../../src/resolve/runs.js';

const text = (t: string, extra: Partial<Run> = {}): Run => ({ text: t, bold: false, italic: false, ...extra });
const at = { file: 'x.md', line: 1, column: 1 };

describe('html', () => {
  it('escapes every interpolated string, in text and in attributes, and keeps Html as it is', () => {
    const name = 'Gemeente <script>alert("x")</script> & \'Co\'';
    const out = html`<p title="${name}">${name}${html`<br>`}</p>`;
    expect(out.markup).toBe(
      '<p title="Gemeente &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;Co&#39;">Gemeente &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;Co&#39;<br></p>',
    );
  });

  it('drops control characters and lone surrogates that HTML may not hold', () => {
    expect(html`${'a\u0000b\u001bc\ud800d'}`.markup).toBe('abcd');
  });
});

describe('inline content', () => {
  it('puts a link that spans several runs in one a, with the typed target', () => {
    const link = { kind: 'tel' as const, href: 'tel:+31102821111', description: 'Bel 010 282 11 11' };
    const runs = [text('Bel '), text('010 282', { link, bold: true }), text(' 11 11', { link }), text(' nu.')];
    expect(inlineHtml(runs).markup).toBe('Bel <a href="tel:+31102821111"><strong>010 282</strong> 11 11</a> nu.');
  });

  it('leaves links out of a copy that assistive technology skips', () => {
    const link = { kind: 'https' as const, href: 'https://example.nl', description: 'x' };
    const pull = blockHtml({ type: 'pullquote', content: [text('Zie '), text('example.nl', { link })], at });
    expect(pull.markup).toBe('<aside class="fp-pullquote" aria-hidden="true"><p>Zie example.nl</p></aside>');
  });
});

describe('blocks', () => {
  it('writes a citation as a quotation with its source in the caption, without a second dash', () => {
    const out = blockHtml({ type: 'citation', paragraphs: [[text('Onafhankelijke ondersteuning …')]], source: [text('— Wmo artikel 1.1.1 lid 1')], at });
    expect(out.markup).toBe(
      '<figure class="fp-citation"><blockquote><p>Onafhankelijke ondersteuning …</p></blockquote><figcaption>— <cite>Wmo artikel 1.1.1 lid 1</cite></figcaption></figure>',
    );
  });

  it('writes real lists, ordered and not', () => {
    expect(joinHtml([blockHtml({ type: 'list', ordered: true, items: [[text('een')], [text('twee')]], at })]).markup).toBe(
      '<ol class="fp-list"><li>een</li><li>twee</li></ol>',
    );
  });
});

describe('the contact card', () => {
  it('is an address with the same typed links and labels as the PDF card', () => {
    const card = contactCard({
      organisation: 'MEE Rotterdam Rijnmond',
      phone: '010 282 11 11',
      email: 'toegang@blijfmeedoen.nl',
      website: 'https://www.blijfmeedoen.nl/',
      hours: 'maandag t/m vrijdag',
    }).markup;
    expect(card).toMatch(/^<address class="fp-card">/);
    expect(card).toContain('<dt>Telefoon</dt><dd><a href="tel:+31102821111">010 282 11 11</a></dd>');
    expect(card).toContain('<a href="mailto:toegang@blijfmeedoen.nl">toegang@blijfmeedoen.nl</a>');
    expect(card).toContain('<a href="https://www.blijfmeedoen.nl/">www.blijfmeedoen.nl</a>');
    expect(card).toContain('<dt>Bereikbaar</dt><dd>maandag t/m vrijdag</dd>');
  });
});

describe('design token files', () => {
  const file = 'content/municipalities/x/tokens.json';

  it('reads the tokens the pages use from a Style Dictionary or DTCG tree, references followed, colours as #RRGGBB', () => {
    const json = JSON.stringify({
      utrecht: {
        color: { blue: { 35: { value: 'hsl(211 60% 35%)' } } },
        document: { color: { value: 'rgb(26, 26, 26)' }, 'font-family': { $value: '"Noto Sans", Arial, sans-serif' } },
        link: { color: { value: '{utrecht.color.blue.35}' } },
        button: { color: { value: 'red' } },
      },
    });
    const { values, diagnostics } = readDesignTokens(file, json, '#00811F');
    expect(diagnostics).toEqual([]);
    expect(values).toEqual({ 'utrecht-document-color': '#1A1A1A', 'utrecht-document-font-family': '"Noto Sans", Arial, sans-serif', 'utrecht-link-color': '#24578F' });
  });

  it('refuses values that could be anything but a colour or a font, at their line', () => {
    const json = '{\n  "utrecht": {\n    "document": {\n      "color": { "value": "red; } body { display: none" },\n      "font-family": "x}</style><script>"\n    }\n  }\n}\n';
    const { values, diagnostics } = readDesignTokens(file, json, '#00811F');
    expect(values).toEqual({});
    expect(diagnostics.map((d) => `${d.line}:${d.column} ${d.rule}`)).toEqual(['4:27 tokens/value', '5:22 tokens/value']);
  });

  it('refuses colour pairs below WCAG AA, and invalid JSON at its place', () => {
    const light = readDesignTokens(file, JSON.stringify({ utrecht: { link: { color: '#9FC5E8' } } }), '#00811F');
    expect(light.diagnostics.map((d) => d.rule)).toEqual(['tokens/contrast']);
    expect(light.diagnostics[0]!.message).toMatch(/utrecht-link-color #9FC5E8 on utrecht-document-background-color #FFFFFF has a contrast of 1\.\d\d:1/);
    const broken = readDesignTokens(file, '{\n  "utrecht": {,\n}', '#00811F');
    expect(broken.diagnostics.map((d) => `${d.line}:${d.column} ${d.rule}`)).toEqual(['2:15 tokens/json']);
  });
});
