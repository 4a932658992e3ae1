/**
 * The first character of an address that is not plain ASCII, described for a message. A
 * Cyrillic `е` in `blijfmееdoen.nl` looks exactly like the Latin `e` on paper, but the
 * browser turns the name into `xn--blijfmdoen-…`, another domain that anyone can register:
 * the reader who types what is printed lands elsewhere than the QR code and the link go.
 * Controls and invisible characters are left to `text/control-character`, which names them.
 */
export function firstForeignCharacter(value: string): string | undefined {
  const m = /[^\x20-\x7e\p{Cc}\p{Cf}\p{Zl}\p{Zp}\u00AD]/u.exec(value);
  if (!m) return undefined;
  const ch = m[0];
  const hex = `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
  const script = /\p{Script=Cyrillic}/u.test(ch)
    ? 'a Cyrillic letter'
    : /\p{Script=Greek}/u.test(ch)
      ? 'a Greek letter'
      : /\p{L}/u.test(ch)
        ? 'a letter outside a–z'
        : 'not a letter a–z';
  return `'${ch}' (${hex}, ${script})`;
}
