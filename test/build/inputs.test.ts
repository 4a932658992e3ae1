/**
 * A job's input hash is of what validation handed the workers (src/build/inputs.ts): the
 * same data hashes the same wherever the content lies, any change in it changes the hash,
 * and data the hash could not see into is refused instead of hashed as nothing.
 */
import { describe, expect, it } from 'vitest';
import type { BuildProfile } from '../../src/build/build.js';
import { documentHash, profileHash } from '../../src/build/inputs.js';
import { testProfile } from './workspace.js';

const doc = (root: string) => ({ id: 'ouderfolder', kind: 'parent-leaflet', file: `${root}/documents/ouderfolder.md`, title: 'Voor ouders' });
const profile = (root: string, logo = '<svg/>', text = 'Bel ons.'): BuildProfile => {
  const at = { file: `${root}/municipalities/a/aanvragen.md`, line: 1, column: 1 };
  return {
    profile: { ...testProfile('a'), brand: { primary: '#00811F', logo: `${root}/municipalities/a/logo.svg` } },
    assets: { [`${root}/municipalities/a/logo.svg`]: Buffer.from(logo) },
    overrides: { ouderfolder: { contact: [{ type: 'paragraph', content: [{ type: 'text', value: text, at }], at }] } },
  };
};

describe('input hashes', () => {
  it('do not depend on where the content folder is', () => {
    expect(documentHash(doc('/a/content'), '/a/content')).toBe(documentHash(doc('/b/content'), '/b/content'));
    expect(profileHash(profile('/a/content'), '/a/content')).toBe(profileHash(profile('/b/content'), '/b/content'));
  });

  it('change with the logo bytes, a section text, the tokens and the document model', () => {
    const root = '/c';
    const base = profileHash(profile(root), root);
    expect(profileHash(profile(root, '<svg></svg>'), root)).not.toBe(base);
    expect(profileHash(profile(root, '<svg/>', 'Bel ons niet.'), root)).not.toBe(base);
    expect(profileHash({ ...profile(root), tokens: { 'utrecht-document-color': '#000000' } }, root)).not.toBe(base);
    expect(documentHash({ ...doc(root), title: 'Voor ouders en verzorgers' }, root)).not.toBe(documentHash(doc(root), root));
  });

  it('refuse data they cannot see into (a Map would hash as {} whatever it holds)', () => {
    const root = '/c';
    const withMap = { ...profile(root), overrides: { ouderfolder: new Map([['contact', []]]) } };
    expect(() => profileHash(withMap as never, root)).toThrow(/plain data only/);
  });
});
