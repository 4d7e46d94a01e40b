// Every colour, radius, font and spacing length of the console lives in one
// token block (light and dark side by side), so a theme or a host changes it
// in one place. Outside the block the styles only read tokens with var():
// - a colour literal anywhere fails;
// - in margin*, padding*, gap, border*-radius, font-size, font-family and the
//   font shorthand, a length with a unit (px, rem, em, …) fails. 0, percentages
//   (border-radius: 50% is a circle, not a size) and unitless line heights are
//   allowed; other properties (border widths, offsets, widths, breakpoints)
//   are layout, not theme, and are not checked;
// - font-family and font name no family: only var() and keywords.
import { readFileSync } from 'node:fs';
import { test, expect } from '@playwright/test';

const colour = /#[0-9a-fA-F]{3,8}\b|\b(?:rgba?|hsla?|hwb|lab|lch|oklab|oklch)\(|(?<![-\w])(?:white|black|red|green|blue|gray|grey)(?![-\w])/g;
const themed = /^(?:margin|padding)(?:-[a-z-]+)?$|^(?:row-|column-)?gap$|^border(?:-[a-z]+)*-radius$|^font(?:-size|-family)?$/;
const length = /(?<![\w.-])-?(?:\d*\.)?\d+(?:px|rem|em|ch|ex|pt|vw|vh|vmin|vmax)\b/;
const withoutVars = (value) => value.replace(/var\((?:[^()]|\([^()]*\))*\)/g, ' ');
const fontKeywords = /\b(?:inherit|initial|unset|revert|normal|italic|bold|[1-9]00)\b|\/\s*[\d.]+/g;

function read(file) {
  const css = readFileSync(new URL(`../../../${file}`, import.meta.url), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
  const block = css.match(/\.cm-root, \.cm-crash \{[^}]*\}/)?.[0] ?? '';
  return { block, outside: css.replace(block, '') };
}

/** `property: value` pairs of the styles, with their rule's selector for the message. */
function declarations(css) {
  return [...css.matchAll(/(?<![\w-])([a-z-]+)\s*:\s*([^;{}]+?)\s*(?=[;}])/g)].map(([, property, value]) => ({ property, value }));
}

for (const file of ['style/main.css', 'style/page.css', 'embed/shadow.css']) {
  test(`${file} names colours only in the token block`, () => {
    const { block, outside } = read(file);
    if (file === 'style/main.css') expect(block, 'the token block').toContain('--cm-c-fg');
    expect(outside.split('\n').filter((line) => line.match(colour))).toEqual([]);
  });

  test(`${file} takes radii, fonts and spacing only from the token block`, () => {
    const { block, outside } = read(file);
    if (file === 'style/main.css') {
      for (const token of ['--cm-r-md', '--cm-r-pill', '--cm-ff', '--cm-ff-mono', '--cm-fs-sm', '--cm-fs-base', '--cm-s-1', '--cm-s-6']) {
        expect(block, 'the token block').toContain(`${token}:`);
      }
    }
    const literal = declarations(outside)
      .filter(({ property }) => themed.test(property))
      .filter(({ property, value }) => {
        const rest = withoutVars(value);
        if (length.test(rest)) return true;
        if (property === 'font-family' || property === 'font') return rest.replace(fontKeywords, '').trim() !== '';
        return false;
      })
      .map(({ property, value }) => `${property}: ${value}`);
    expect(literal).toEqual([]);
  });
}
