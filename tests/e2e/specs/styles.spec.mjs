// Every colour of the console lives in one token block (light and dark side by
// side), so a theme or a host can change it in one place: a colour literal
// anywhere else in the styles fails this test.
import { readFileSync } from 'node:fs';
import { test, expect } from '@playwright/test';

const colour = /#[0-9a-fA-F]{3,8}\b|\b(?:rgba?|hsla?|hwb|lab|lch|oklab|oklch)\(|(?<![-\w])(?:white|black|red|green|blue|gray|grey)(?![-\w])/g;

for (const file of ['style/main.css', 'style/page.css', 'embed/shadow.css']) {
  test(`${file} names colours only in the token block`, () => {
    const css = readFileSync(new URL(`../../../${file}`, import.meta.url), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
    const block = css.match(/\.cm-root, \.cm-crash \{[^}]*\}/)?.[0] ?? '';
    if (file === 'style/main.css') expect(block, 'the token block').toContain('--cm-c-fg');
    const outside = css.replace(block, '').split('\n').filter((line) => line.match(colour));
    expect(outside).toEqual([]);
  });
}
