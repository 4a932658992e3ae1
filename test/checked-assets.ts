/**
 * Layout and render tests that build profiles in code stand in for the asset gate: they
 * admit the asset files they name, as validation does for real content
 * (src/assets/checked.ts). Nothing is read from disk after that.
 */
import { readFileSync } from 'node:fs';
import { admitCheckedAsset } from '../src/assets/checked.js';

export function admitAssetFiles(...files: (string | undefined)[]): void {
  for (const file of files) if (file !== undefined) admitCheckedAsset(file, readFileSync(file));
}
