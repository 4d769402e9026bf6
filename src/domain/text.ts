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
 * True when `cleanText` would give the text back unchanged: single inner spaces only, and only
 * characters that are NFC on their own and never compose with a neighbour (Latin up to U+02FF and
 * the precomposed Vietnamese letters U+1E00–U+1EFF, without controls, NBSP or soft hyphen). Most
 * names are such text, and are then taken as they are, without three new strings each.
 */
function isCleanText(value: string): boolean {
  return CLEAN_TEXT.test(value);
}

/** Words of such characters, one space between them. */
const CLEAN_TEXT =
  /^(?:[!-~\xa1-\xac\xae-\u02ff\u1e00-\u1eff]+(?: [!-~\xa1-\xac\xae-\u02ff\u1e00-\u1eff]+)*)?$/;

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
  if (isCleanText(value)) return value;
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

/** The administrative types a unit name may start with (cấp huyện and cấp xã). */
export const ADMIN_TYPES = [
  "phường",
  "xã",
  "thị trấn",
  "quận",
  "huyện",
  "thị xã",
  "thành phố",
] as const;
export type AdminType = (typeof ADMIN_TYPES)[number];

/**
 * The bloc a unit of an administrative type belongs to: a district-level committee (quận, huyện,
 * thị xã, thành phố) is bloc 2, a commune, ward or town bloc 3.
 *
 * @example
 * adminTypeBloc(unitNameForm("UBND huyện Thới Lai").type) //=> 2
 * adminTypeBloc(null) //=> null
 */
export function adminTypeBloc(type: AdminType | null): 2 | 3 | null {
  if (type === null) return null;
  return type === "xã" || type === "phường" || type === "thị trấn" ? 3 : 2;
}

/**
 * How officers write each type: in full, and abbreviated as in letterheads and address lines
 * ("P. An Cư", "Q.Ninh Kiều", "TT. Cờ Đỏ", "TTr. Cờ Đỏ", "TX. Bình Minh", "TP. Cần Thơ",
 * "H. Phong Điền", "X. Tân Thới").
 */
const ADMIN_TYPE_SPELLINGS: Readonly<Record<AdminType, readonly string[]>> = {
  phường: ["phường", "p"],
  xã: ["xã", "x"],
  "thị trấn": ["thị trấn", "tt", "ttr"],
  quận: ["quận", "q"],
  huyện: ["huyện", "h"],
  "thị xã": ["thị xã", "tx"],
  "thành phố": ["thành phố", "tp"],
};

/** A name cut into a leading administrative type and the words that follow it. */
export interface UnitNameForm {
  /** The type the name starts with ("UBND P. An Cư" → "phường"), or null. */
  readonly type: AdminType | null;
  /**
   * The other words, lower case, tone placement and "y"/"i" unified as `unitKey` does; "&" is
   * "và", "Ủy ban nhân dân" is "ubnd", a leading "ubnd" is dropped, punctuation is a word break
   * and numbers lose their leading zeros ("Phường 01" = "P.1").
   */
  readonly words: readonly string[];
}

/**
 * A folded word without its diacritics ("đ" as "d"): for abbreviations, typed without accents.
 *
 * @example
 * plainWord("đường") //=> "duong"
 */
export function plainWord(word: string): string {
  if (isAscii(word)) return word;
  let plain = PLAIN_WORDS.get(word);
  if (plain === undefined) {
    plain = word.normalize("NFD").replace(COMBINING_MARKS, "").replace(/đ/g, "d");
    remember(PLAIN_WORDS, word, plain);
  }
  return plain;
}

/**
 * Names repeat their words ("UBND", "phường", "An" …): a table of thousands of units has a few
 * hundred distinct words, so each is folded once. Bounded, so that no input grows it for ever.
 */
const FOLDED_WORDS = new Map<string, string>();
const PLAIN_WORDS = new Map<string, string>();
const MAX_REMEMBERED_WORDS = 20_000;

function remember(cache: Map<string, string>, word: string, value: string): void {
  if (cache.size >= MAX_REMEMBERED_WORDS) cache.clear();
  cache.set(word, value);
}

function foldWord(word: string): string {
  let folded = FOLDED_WORDS.get(word);
  if (folded === undefined) {
    folded = foldSyllable(word);
    remember(FOLDED_WORDS, word, folded);
  }
  return folded;
}

interface TypeSpelling {
  readonly type: AdminType;
  readonly words: readonly string[];
}

/** The spellings of the types, by their first word. */
function typeSpellings(plain: boolean): ReadonlyMap<string, readonly TypeSpelling[]> {
  const spellings = new Map<string, TypeSpelling[]>();
  for (const type of ADMIN_TYPES) {
    for (const spelling of ADMIN_TYPE_SPELLINGS[type]) {
      const folded = spelling.split(" ").map(foldWord);
      const words = plain ? folded.map(plainWord) : folded;
      spellings.set(words[0], [...(spellings.get(words[0]) ?? []), { type, words }]);
    }
  }
  return spellings;
}

const TYPE_SPELLINGS = typeSpellings(false);
const PLAIN_TYPE_SPELLINGS = typeSpellings(true);
const PEOPLES_COMMITTEE = ["ủy", "ban", "nhân", "dân"].map(foldWord);
const PLAIN_PEOPLES_COMMITTEE = PEOPLES_COMMITTEE.map(plainWord);
/** "p1", "q10": a type letter glued to a ward or district number. */
const GLUED_NUMBER = /^(p|q|x|h)(\d+)$/;

const WORD_BREAK = /[^\p{L}\p{M}\p{N}]+/u;

function isAscii(word: string): boolean {
  for (let i = 0; i < word.length; i += 1) if (word.charCodeAt(i) > 127) return false;
  return true;
}

function isDigits(word: string): boolean {
  for (let i = 0; i < word.length; i += 1) {
    const code = word.charCodeAt(i);
    if (code < 48 || code > 57) return false;
  }
  return word.length > 0;
}

/** Lower-case words of a name: letters and digits; "&" is the word "và"; the rest breaks words. */
function nameWords(name: string): string[] {
  const text = cleanText(name).toLowerCase();
  const words: string[] = [];
  for (const part of (text.includes("&") ? text.replace(/&/g, " và ") : text).split(WORD_BREAK)) {
    if (part === "") continue;
    words.push(isDigits(part) ? String(Number(part)) : foldWord(part));
  }
  return words;
}

function startsWith(words: readonly string[], at: number, prefix: readonly string[]): boolean {
  for (let i = 0; i < prefix.length; i += 1) if (words[at + i] !== prefix[i]) return false;
  return true;
}

/** "Ủy ban nhân dân" → "ubnd", wherever it is. */
function joinCommittee(words: string[], committee: readonly string[]): string[] {
  if (!words.includes(committee[0])) return words;
  const joined: string[] = [];
  for (let i = 0; i < words.length; i += 1) {
    if (startsWith(words, i, committee)) {
      joined.push("ubnd");
      i += committee.length - 1;
    } else joined.push(words[i]);
  }
  return joined;
}

/**
 * Reads a unit name as its administrative type and the words after it, so that the ways officers
 * write one unit compare equal: "UBND P. An Cư", "Ủy ban nhân dân phường An Cư" and "Phường An
 * Cư" all give `{ type: "phường", words: ["an", "cư"] }` (words folded as `unitKey` folds them).
 * With `plain`, diacritics are dropped first (for near spellings such as "Phuong An Cu"). A type
 * word is read only when words follow it: "Thành phố" alone stays a word.
 *
 * @example
 * unitNameForm("UBND Q.Bình Thủy").type //=> "quận"
 * unitNameForm("Sở TT&TT").words //=> ["sở", "tt", "và", "tt"]
 */
export function unitNameForm(name: string, plain = false): UnitNameForm {
  let words = nameWords(name);
  if (plain) words = words.map(plainWord);
  words = joinCommittee(words, plain ? PLAIN_PEOPLES_COMMITTEE : PEOPLES_COMMITTEE);
  let at = 0;
  while (words[at] === "ubnd") at += 1;
  const glued = GLUED_NUMBER.exec(words[at] ?? "");
  if (glued) words.splice(at, 1, glued[1], String(Number(glued[2])));
  const spellings = (plain ? PLAIN_TYPE_SPELLINGS : TYPE_SPELLINGS).get(words[at] ?? "") ?? [];
  for (const spelling of spellings) {
    const rest = at + spelling.words.length;
    if (rest < words.length && startsWith(words, at, spelling.words)) {
      return { type: spelling.type, words: words.slice(rest) };
    }
  }
  return { type: null, words: at === 0 ? words : words.slice(at) };
}

/**
 * The key of a unit name's exact form: type and words as `unitNameForm` reads them. Two names with
 * the same key are the same unit however they were written ("UBND P. An Cư", "phường An Cư",
 * "PHƯỜNG AN CƯ", NFD, invisible characters).
 *
 * @example
 * unitFormKey("UBND TT. Cờ Đỏ") === unitFormKey("Thị trấn Cờ Đỏ") //=> true
 * unitFormKey("Phường An Cư") === unitFormKey("Xã An Cư") //=> false
 */
export function unitFormKey(name: string): string {
  const form = unitNameForm(name);
  return `${form.type ?? ""}|${form.words.join(" ")}`;
}

/**
 * Edit distance between two strings (Levenshtein), for suggesting the closest unit names. With a
 * `limit`, stops as soon as the distance must exceed it and answers `limit + 1`: comparing one
 * name with thousands stays fast.
 *
 * @example
 * editDistance("Sở Tư pháp", "Sở Tư Pháp") //=> 1
 * editDistance("An Cư", "Thới An Đông", 2) //=> 3
 */
export function editDistance(a: string, b: string, limit = Number.POSITIVE_INFINITY): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  if (distanceRow.length <= b.length) distanceRow = new Int32Array(2 * (b.length + 1));
  const previous = distanceRow;
  for (let j = 0; j <= b.length; j += 1) previous[j] = j;
  for (let i = 1; i <= a.length; i += 1) {
    let diagonal = previous[0];
    previous[0] = i;
    let rowMin = i;
    const letter = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j += 1) {
      const above = previous[j];
      const value = Math.min(
        above + 1,
        previous[j - 1] + 1,
        diagonal + (letter === b.charCodeAt(j - 1) ? 0 : 1),
      );
      previous[j] = value;
      diagonal = above;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > limit) return limit + 1;
  }
  return Math.min(previous[b.length], limit + 1);
}

/** The one row `editDistance` works in (the engine is single-threaded), grown as needed. */
let distanceRow = new Int32Array(64);

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
