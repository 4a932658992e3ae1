/**
 * A municipality profile after merging content/defaults.yaml (national values) under
 * content/municipalities/<id>.yaml. Field paths here are exactly the placeholder paths
 * (`{{contact.phone}}`), so the schema in schemas/profile.schema.json is the one list of
 * what a placeholder may name.
 */
import type { Block, Inline } from '../content/model.js';
import type { SourceRef } from '../diagnostics/index.js';
import type { Tokens } from '../render/html/style.js';

export interface ContactDetails {
  organisation: string;
  /** As the profile writes it ("010 282 11 11"); linked as E.164. */
  phone: string;
  email: string;
  website: string;
  /** Optional local extras. */
  hours?: string;
  form?: string;
  address?: string;
}

export interface Brand {
  /** `#RRGGBB`. */
  primary: string;
  /** Optional second colour for accents; same contrast rules as primary. */
  secondary?: string;
  /** Absolute path of the logo asset (SVG or PNG), checked to lie inside the content root. */
  logo?: string;
  /** Optional house font; absolute paths of TTF/OTF files. */
  font?: { regular: string; bold: string; italic: string; boldItalic?: string };
  /** The brand colours' own CMYK for the print edition, each `[c, m, y, k]` in per cent. */
  cmyk?: { primary?: number[]; secondary?: number[] };
  /** Optional NL Design System token file (JSON) for the web pages; absolute path. */
  tokens?: string;
}

export interface MergedProfile {
  /** File name without `.yaml`. */
  id: string;
  name: string;
  brand: Brand;
  contact: ContactDetails;
  /** National values from defaults.yaml (LOC contact). */
  national: ContactDetails;
  checklist: { url: string; label?: string };
  /** True: every build also makes the print edition (`<document>.print.pdf`). */
  print?: boolean;
  /** Section text that replaces a national section: document id → section id → blocks file. */
  sections?: Record<string, Record<string, string>>;
  /** Anything else the schema allows, reachable by placeholders. */
  [key: string]: unknown;
}

/** A profile with the source position of every value, keyed by JSON pointer (`/contact/phone`). */
export interface LoadedProfile {
  profile: MergedProfile;
  /** The file each pointer came from (defaults.yaml or the municipality's file) and its place. */
  positions: Map<string, SourceRef>;
  file: string;
  /**
   * The parsed `sections` files: document id → section id → the blocks that replace that
   * section's blocks. Plain data, so it crosses to build workers with the profile.
   */
  overrides?: Record<string, Record<string, Block<Inline[]>[]>>;
  /**
   * The logo and house font files as the asset gate checked them, by the absolute path the
   * profile names. Only these bytes are ever laid out or rendered (src/assets/checked.ts):
   * they cross to build workers with the profile, so a file changed after validation never
   * reaches an output. Files several profiles share are one object, sent once per message.
   */
  assets: Record<string, Uint8Array>;
  /**
   * The web pages' design tokens from the profile's `brand.tokens` file, as validation read
   * and checked them (src/profiles/design-tokens.ts): safe CSS values only. Tokens the file
   * does not set come from the brand colour.
   */
  tokens?: Partial<Tokens>;
}
