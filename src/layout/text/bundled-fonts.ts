/**
 * The bundled face, Source Sans 3 as shipped by the `source-sans` package (SIL Open Font
 * License). Kept apart from fonts.ts so that validation can find the files without loading
 * fontkit (a tenth of a second on every run).
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export interface FontFiles {
  regular: string;
  bold: string;
  italic: string;
  /** Falls back to `bold` when a house font has no bold italic. */
  boldItalic?: string;
}

export const BUNDLED_FONT_NAME = 'Source Sans 3';

export function defaultFontFiles(): FontFiles {
  const require = createRequire(import.meta.url);
  const dir = join(dirname(require.resolve('source-sans/package.json')), 'TTF');
  return {
    regular: join(dir, 'SourceSans3-Regular.ttf'),
    bold: join(dir, 'SourceSans3-Bold.ttf'),
    italic: join(dir, 'SourceSans3-It.ttf'),
    boldItalic: join(dir, 'SourceSans3-BoldIt.ttf'),
  };
}
