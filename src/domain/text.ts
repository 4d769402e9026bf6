/**
 * Vietnamese text folding. Workbooks mix composed (NFC) and decomposed (NFD) text, old and new
 * tone placement ("Hoà"/"Hòa", "Uỷ"/"Ủy"), "y"/"i" spellings ("tỷ"/"tỉ") and headers typed without
 * diacritics; these functions make such variants compare equal without merging different names.
 */

const COMBINING_MARKS = /[\u0300-\u036f]/g;
/** The five Vietnamese tone marks as combining characters (grave, acute, tilde, hook, dot below). */
const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/g;

/**
 * Characters that show nothing but make two texts differ: Unicode format characters (soft hyphen,
 * zero-width space, ZWNJ, ZWJ, word joiner, byte-order mark, direction marks …), the combining
 * grapheme joiner and the Hangul fillers. They come with text pasted from web pages and PDFs.
 */
const INVISIBLE = /[\p{Cf}\u034f\u115f\u1160\u3164\uffa0]/gu;
const HAS_INVISIBLE = /[\p{Cf}\u034f\u115f\u1160\u3164\uffa0]/u;

/**
 * Drops invisible characters (soft hyphen, zero-width space/joiners, BOM, direction marks),
 * composes to NFC, collapses runs of white space (including non-breaking spaces and line breaks)
 * to one space and trims. Invisible characters are removed before composing, so that one between
 * a letter and its decomposed accent does not keep them apart.
 *
 * @example
 * cleanText("  Sở   Tư\u00a0pháp ") //=> "Sở Tư pháp"
 * cleanText("An\u200b Cư\u00ad") //=> "An Cư"
 */
export function cleanText(value: string): string {
  const visible = HAS_INVISIBLE.test(value) ? value.replace(INVISIBLE, "") : value;
  return visible.normalize("NFC").replace(/\s+/g, " ").trim();
}

/**
 * Strips every diacritic, lower-cases and turns punctuation into single spaces: for matching
 * headers and keywords typed by different people.
 *
 * @example
 * foldText("Tỷ lệ (%)") //=> "ty le"
 * foldText("ĐIỂM ĐẠT ĐƯỢC") //=> "diem dat duoc"
 */
export function foldText(value: string): string {
  return value
    .normalize("NFD")
    .replace(COMBINING_MARKS, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/[^a-z0-9%]+/g, " ")
    .trim();
}

/**
 * Folds one lower-case syllable: moves its tone mark to the end (so that tone placement does not
 * matter) and spells a final "y" after a consonant as "i" ("tỷ" = "tỉ", "Lý" = "Lí"), keeping
 * every other diacritic.
 */
function foldSyllable(syllable: string): string {
  const decomposed = syllable.normalize("NFD");
  const tones = decomposed.match(TONE_MARKS) ?? [];
  let base = decomposed.replace(TONE_MARKS, "").normalize("NFC");
  base = base.replace(/(^|[^aăâeêioôơuưy])y$/u, (_m, before: string) => `${before}i`);
  // Guard against "y" that is not Vietnamese (initials, Latin names): only fold inside words
  // made of letters.
  if (!/^[\p{L}]+$/u.test(base)) base = decomposed.replace(TONE_MARKS, "").normalize("NFC");
  return tones.length > 0 ? `${base}${tones.join("")}` : base;
}

/**
 * The key two unit names are compared by: NFC, case and space folded, tone placement and "y"/"i"
 * spellings unified. Other diacritics are kept: "Tân Thạnh" and "Tân Thành" stay different.
 *
 * @example
 * unitKey("UBND phường Thạnh Hoà") === unitKey("ubnd  phường thạnh hòa") //=> true
 * unitKey("Tân Thạnh") === unitKey("Tân Thành") //=> false
 */
export function unitKey(name: string): string {
  return cleanText(name)
    .toLowerCase()
    .split(" ")
    .map((word) => word.replace(/[\p{L}]+/gu, (syllable) => foldSyllable(syllable)))
    .join(" ");
}

/** Prefixes a nominee sheet may or may not write before a unit name, as keys. */
const UNIT_PREFIX_KEYS = ["UBND", "Ủy ban nhân dân"].map((prefix) => `${unitKey(prefix)} `);

/**
 * The key a nominee's unit is matched by: `unitKey` without a leading "UBND"/"Ủy ban nhân dân".
 * "xã", "phường" and "thị trấn" are kept: "phường Thới An" and "xã Thới An" are different units.
 *
 * @example
 * matchKey("Uỷ ban nhân dân xã Tân Thới") === matchKey("UBND xã Tân Thới") //=> true
 */
export function matchKey(name: string): string {
  const key = unitKey(name);
  const prefix = UNIT_PREFIX_KEYS.find((p) => key.startsWith(p));
  return prefix ? key.slice(prefix.length) : key;
}

/**
 * Edit distance between two strings (Levenshtein), for suggesting the closest unit names.
 *
 * @example
 * editDistance("Sở Tư pháp", "Sở Tư Pháp") //=> 1
 */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  const previous = Array.from({ length: b.length + 1 }, (_v, i) => i);
  for (let i = 1; i <= a.length; i += 1) {
    let diagonal = previous[0];
    previous[0] = i;
    for (let j = 1; j <= b.length; j += 1) {
      const above = previous[j];
      previous[j] = Math.min(
        previous[j] + 1,
        previous[j - 1] + 1,
        diagonal + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
      diagonal = above;
    }
  }
  return previous[b.length];
}

/**
 * Turns a 0-based column index into its A1 letters.
 *
 * @example
 * columnLetter(0) //=> "A"
 * columnLetter(27) //=> "AB"
 */
export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/**
 * The A1 address of a 0-based row and column.
 *
 * @example
 * cellAddress(10, 1) //=> "B11"
 */
export function cellAddress(row: number, col: number): string {
  return `${columnLetter(col)}${row + 1}`;
}
