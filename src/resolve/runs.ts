/**
 * Resolved inline content: placeholders filled, links typed, emphasis flattened into styles.
 * This is what the layout consumes; it knows nothing of Markdown.
 */
export type LinkKind = 'tel' | 'mailto' | 'https';

export interface Link {
  kind: LinkKind;
  /** Full target: `tel:+31102821111`, `mailto:a@b.nl`, `https://…`. */
  href: string;
  /** What a screen reader announces, e.g. "Bel 010 282 11 11". */
  description: string;
}

export interface Run {
  text: string;
  bold: boolean;
  italic: boolean;
  link?: Link;
  /**
   * Never hyphenate or break inside this run (phone numbers, e-mail addresses, URLs);
   * a URL may still break after `/` when it is wider than the column.
   */
  atomic?: boolean;
  /**
   * The profile field a phone number, e-mail or web address comes from (`contact.phone`,
   * `national.email`). Such a run is set in the bundled face whatever house font the profile
   * names (a house font's digits could print another number than the text layer and the
   * link), and every artifact is checked to show it whole and visible (src/check).
   */
  field?: string;
}
