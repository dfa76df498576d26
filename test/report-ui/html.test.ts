import { createHash } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { embedJson, renderHtml } from '../../src/report/html.js';
import { shopResult } from './canned-result.js';

const dataOf = (html: string): string => {
  const match = /<script type="application\/json" id="carve-data">([\s\S]*?)<\/script>/.exec(html);
  if (!match) throw new Error('no data script');
  return match[1];
};

describe('renderHtml', () => {
  test('embeds the result as JSON that parses back to the same value', () => {
    const result = shopResult();
    expect(JSON.parse(dataOf(renderHtml(result)))).toEqual(result);
  });

  test('escapes everything that could end the data element or start markup', () => {
    const hostile = `</script><!--<script>alert(1)</script>&amp;\u2028\u2029"'$&$'$\``;
    const json = embedJson({ name: hostile });
    expect(json).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(json)).toEqual({ name: hostile });

    const result = { ...shopResult(), project: hostile };
    const html = renderHtml(result);
    expect(html.match(/<\/script/gi)).toHaveLength(2); // the data element and the app script, nothing else
    expect(dataOf(html)).not.toContain('<');
    expect(JSON.parse(dataOf(html)).project).toBe(hostile); // `$&` and `$'` were not read as replacement patterns
  });

  test('is one self-contained file: no external resources, connections forbidden', () => {
    const html = renderHtml(shopResult());
    expect(/<(script|link|img|iframe)[^>]+(src|href)=/i.test(html)).toBe(false);
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1] ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("connect-src 'none'");
    expect(csp).not.toContain('unsafe-eval');
  });

  test('the CSP allows exactly the app script, by hash', () => {
    const html = renderHtml(shopResult());
    const csp = /content="([^"]+)"/.exec(html)?.[1] ?? '';
    const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
    expect(scripts).toHaveLength(1);
    const hash = createHash('sha256').update(scripts[0], 'utf8').digest('base64');
    expect(csp).toContain(`script-src 'sha256-${hash}'`);
  });
});
