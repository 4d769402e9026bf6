/**
 * Matching the unit a nominee sheet names ("UBND P. An Cư", "Sở TT&TT", "Ủy ban nhân dân phường
 * An Cư, quận Ninh Kiều") to a unit of the score table. A wrong match gives an award to the wrong
 * unit, and a missed one passes a unit's individual slot down the ranking, so every match has a
 * level and only the first two are taken as sure:
 *
 * 1. exact: the same type and words once folded (case, NFC/NFD, invisible characters, spaces,
 *    tone placement, "y"/"i", "UBND" = "Ủy ban nhân dân", "P." = "phường" …);
 * 2. known form: the usual abbreviations of the words ("TT&TT", "LĐ-TB&XH", "KCX&CN", "VP"),
 *    a type word written on one side only ("An Cư" for "Phường An Cư"), "các"/"và" left out,
 *    or the city's name after the unit ("… Cần Thơ", "… thành phố");
 * 3. near spelling: the same once diacritics are dropped, or one or two letters apart — but never
 *    when the letters or numbers that tell units apart differ ("Trường Xuân A", "… C", "Phường 1");
 * 4. partial name: the words of one name are the first words of the other ("Sở Nông nghiệp").
 *
 * Levels 1 and 2 are sure when exactly one unit of the year fits. A name that fits several units
 * at levels 1–2, or units only at levels 3–4, is unsure: the nominee is offered to each of those
 * units (at most three for levels 3–4) with a doubt that the selection and the candidate sheet show
 * and a warning at the nominee's unit cell. Two different types ("phường An Cư", "xã An Cư") never
 * match at any level.
 */
import type { Issue } from "./issues";
import { makeIssue } from "./issues";
import type { AdminType } from "./text";
import { adminTypeBloc, cleanText, editDistance, foldText, plainWord, unitNameForm } from "./text";
import type { Bilingual, Nominee, UnitScore } from "./types";

/** Why a nominee's unit is not sure. */
export const DOUBT_REASONS = [
  "several-units",
  "other-district",
  "near-spelling",
  "partial-name",
] as const;
export type DoubtReason = (typeof DOUBT_REASONS)[number];

/** A nominee matched without certainty, and the units they were offered to (all years). */
export interface NomineeDoubt {
  readonly reason: DoubtReason;
  readonly units: readonly UnitScore[];
}

export interface NomineeMatch {
  /** Each unit's nominees in listed order: the sure ones and the unsure ones (see `doubts`). */
  readonly byUnit: ReadonlyMap<UnitScore, readonly Nominee[]>;
  /** The nominees whose unit is to be confirmed, with why and the units they were offered to. */
  readonly doubts: ReadonlyMap<Nominee, NomineeDoubt>;
  readonly issues: readonly Issue[];
}

/** Levels 3–4 offer a nominee to at most this many units; more is no plausible match at all. */
const MAX_UNSURE_UNITS = 3;

/** Words an abbreviation or a shortened name leaves out. */
const OPTIONAL_WORDS = new Set(["va", "cac", "cua"]);

/**
 * The city of Plan 140/KH-UBND: units' names often end with it ("Ban Quản lý … Cần Thơ") on one
 * sheet and not on the other.
 */
const CITY_WORDS = ["can", "tho"];
const CITY_TYPE_WORDS: readonly (readonly string[])[] = [["thanh", "pho"], ["tp"]];

/** Vietnamese initial consonant clusters: abbreviations take these or the first letter. */
const INITIAL_CLUSTERS = ["ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu", "th", "tr"];

interface WordsView {
  readonly words: readonly string[];
  /** The words without diacritics, word for word. */
  readonly letters: readonly string[];
  /** The letters of the words, end to end. */
  readonly text: string;
  /** The first letter of each word but "và"/"các"/"của". */
  readonly initials: string;
}

function wordsView(words: readonly string[], letters: readonly string[]): WordsView {
  let initials = "";
  for (const w of letters) if (!isOptional(w)) initials += w.charAt(0);
  return { words, letters, text: letters.join(""), initials };
}

/** A name's type and words, and the same name without the city's name at its end. */
interface NameView extends WordsView {
  readonly type: AdminType | null;
  /** The view itself, then shortened by `cityCuts`. */
  readonly cuts: readonly WordsView[];
}

function nameView(type: AdminType | null, words: readonly string[], letters: readonly string[]) {
  const whole = wordsView(words, letters);
  const cuts = cityCuts(letters).map((n) =>
    n === words.length ? whole : wordsView(words.slice(0, n), letters.slice(0, n)),
  );
  return { type, ...whole, cuts };
}

/**
 * A name read for matching: its exact key and initial at once, its views (as written, folded;
 * and read again without diacritics) when first needed: most names match exactly and a table of
 * thousands of units must be indexed quickly.
 */
class ReadName {
  readonly type: AdminType | null;
  readonly words: readonly string[];
  readonly key: string;
  readonly initial: string;
  private exactView: NameView | null = null;
  private plainView: NameView | null = null;
  private plainJoined: string | null = null;

  constructor(private readonly text: string) {
    const form = unitNameForm(text);
    this.type = form.type;
    this.words = form.words;
    this.key = `${form.type ?? ""}|${form.words.join(" ")}`;
    let initial = "";
    for (const word of form.words) {
      const letters = plainWord(word);
      if (isOptional(letters)) continue;
      initial = letters.charAt(0);
      break;
    }
    this.initial = initial;
  }

  get exact(): NameView {
    this.exactView ??= nameView(this.type, this.words, this.words.map(plainWord));
    return this.exactView;
  }

  get plain(): NameView {
    if (this.plainView === null) {
      const plain = unitNameForm(this.text, true);
      this.plainView = nameView(plain.type, plain.words, plain.words);
    }
    return this.plainView;
  }

  get plainText(): string {
    this.plainJoined ??= this.plain.words.join(" ");
    return this.plainJoined;
  }
}

const readName = (text: string): ReadName => new ReadName(text);

const typesAgree = (a: AdminType | null, b: AdminType | null): boolean =>
  a === null || b === null || a === b;

const isOptional = (letters: string): boolean => OPTIONAL_WORDS.has(letters);

/** The first letter of a view's first word that is not "và"/"các"/"của". */
const initialOf = (view: WordsView): string => view.initials.charAt(0);

/** The letter groups a word may give to an abbreviation: its first letter, its initial cluster. */
function abbreviationParts(letters: string): string[] {
  const parts = [letters.charAt(0)];
  for (const cluster of INITIAL_CLUSTERS) {
    if (letters.length > cluster.length && letters.startsWith(cluster)) parts.push(cluster);
  }
  return parts;
}

/**
 * The word positions an abbreviation can end at when it starts at `start`: each covered word gives
 * its first letter or its initial cluster ("lđ" = "lao động", "ngv" = "ngoại vụ"), "và"/"các"
 * give a letter or nothing, and at least two words are covered.
 */
function abbreviationEnds(token: string, letters: readonly string[], start: number): number[] {
  const ends: number[] = [];
  if (token.length < 2 || !/^[a-z]+$/.test(token)) return ends;
  const visit = (at: number, word: number, covered: number): void => {
    if (at === token.length) {
      if (covered >= 2 && !ends.includes(word)) ends.push(word);
      return;
    }
    if (word >= letters.length) return;
    const optional = isOptional(letters[word]);
    if (optional) visit(at, word + 1, covered);
    if (letters[word].charAt(0) !== token.charAt(at)) return;
    for (const part of abbreviationParts(letters[word])) {
      if (token.startsWith(part, at))
        visit(at + part.length, word + 1, covered + (optional ? 0 : 1));
    }
  };
  visit(0, start, 0);
  return ends;
}

/**
 * Which (written word, unit word) positions can be reached aligning `written` to `unit`: equal
 * words, optional words left out on either side, or one written word abbreviating several unit
 * words. `reach[i][j]`: the first i written words account for the first j unit words.
 */
function alignment(written: WordsView, unit: WordsView): boolean[][] {
  const reach = Array.from({ length: written.words.length + 1 }, () =>
    new Array<boolean>(unit.words.length + 1).fill(false),
  );
  reach[0][0] = true;
  for (let i = 0; i <= written.words.length; i += 1) {
    for (let j = 0; j <= unit.words.length; j += 1) {
      if (!reach[i][j]) continue;
      const more = i < written.words.length;
      if (more && j < unit.words.length && written.words[i] === unit.words[j]) {
        reach[i + 1][j + 1] = true;
      }
      if (j < unit.words.length && isOptional(unit.letters[j])) reach[i][j + 1] = true;
      if (more && isOptional(written.letters[i])) reach[i + 1][j] = true;
      if (more && j < unit.words.length) {
        for (const end of abbreviationEnds(written.letters[i], unit.letters, j)) {
          reach[i + 1][end] = true;
        }
      }
    }
  }
  return reach;
}

/** True when `small`'s letters appear in `large` in order (not necessarily side by side). */
function isSubsequence(small: string, large: string): boolean {
  let at = 0;
  for (let i = 0; i < large.length && at < small.length; i += 1) {
    if (large.charCodeAt(i) === small.charCodeAt(at)) at += 1;
  }
  return at === small.length;
}

/**
 * A quick necessary condition for two names to align: each one's word initials appear, in order,
 * among the other's letters (a word is matched whole or gives its initial to an abbreviation).
 */
function mayAlign(a: WordsView, b: WordsView): boolean {
  return isSubsequence(a.initials, b.text) && isSubsequence(b.initials, a.text);
}

/** Word counts to try: all, without the city's name at the end, without "thành phố" too. */
function cityCuts(letters: readonly string[]): number[] {
  const cuts = [letters.length];
  // Something must be left: "Thành phố Cần Thơ" itself keeps its name.
  const endsWith = (tail: readonly string[], end: number): boolean =>
    end - tail.length >= 1 && tail.every((w, i) => letters[end - tail.length + i] === w);
  let end = letters.length;
  if (endsWith(CITY_WORDS, end)) {
    end -= CITY_WORDS.length;
    cuts.push(end);
  }
  for (const tail of CITY_TYPE_WORDS) {
    if (endsWith(tail, end)) cuts.push(end - tail.length);
  }
  return cuts;
}

/** True when every word of both sides is accounted for (either side may abbreviate the other). */
function fullyAligned(a: WordsView, b: WordsView): boolean {
  if (!mayAlign(a, b)) return false;
  return (
    alignment(a, b)[a.words.length][b.words.length] ||
    alignment(b, a)[b.words.length][a.words.length]
  );
}

/** Level 2: the same unit through abbreviations, a one-sided type word or the city's name. */
function isKnownForm(written: NameView, unit: NameView): boolean {
  if (!typesAgree(written.type, unit.type)) return false;
  if (written.words.length === 0 || unit.words.length === 0) return false;
  for (const a of written.cuts) {
    for (const b of unit.cuts) if (fullyAligned(a, b)) return true;
  }
  return false;
}

/**
 * The words that tell apart units named alike: single letters and numbers ("Trường Xuân A",
 * "Trường Xuân C", "Phường 1"), in order.
 */
function markers(words: readonly string[]): string {
  let out = "";
  for (const w of words) if (w.length === 1 || /^\d+$/.test(w)) out += `${w} `;
  return out;
}

/** Level 3: how far apart the names are without diacritics (0 = only accents differ). */
function nearDistance(written: ReadName, unit: ReadName, limit: number): number | null {
  if (!typesAgree(written.exact.type, unit.exact.type)) return null;
  if (isKnownForm(written.plain, unit.plain)) return 0;
  if (!typesAgree(written.plain.type, unit.plain.type)) return null;
  // "Trường Xuân C" is another commune than "Trường Xuân A", one letter apart or not.
  if (markers(written.plain.words) !== markers(unit.plain.words)) return null;
  const left = written.plainText;
  const right = unit.plainText;
  // One letter in six, at most two: "Trung Nhất" for "Trung Nhứt", never "An Hòa" for "An Phú".
  const allowed = Math.min(limit, 2, Math.floor(Math.max(left.length, right.length) / 6));
  if (allowed === 0) return null;
  const distance = editDistance(left, right, allowed);
  return distance <= allowed ? distance : null;
}

/** Level 4: the written words are the first words of the unit's, or the other way round. */
function isPartialName(written: NameView, unit: NameView): boolean {
  if (!typesAgree(written.type, unit.type)) return false;
  const meaningful = (view: NameView) => view.letters.filter((w) => !isOptional(w)).length;
  if (meaningful(written) < 2 || meaningful(unit) < 2) return false;
  const prefixOf = (a: NameView, b: NameView): boolean => {
    if (!isSubsequence(a.initials, b.text)) return false;
    const reach = alignment(a, b);
    for (let j = 1; j < b.words.length; j += 1) {
      if (reach[a.words.length][j] && b.letters.slice(j).some((w) => !isOptional(w))) return true;
    }
    return false;
  };
  return prefixOf(written, unit) || prefixOf(unit, written);
}

class Entry {
  readonly name: ReadName;
  private foldedName: string | null = null;

  constructor(readonly unit: UnitScore) {
    this.name = readName(unit.name);
  }

  /** The name folded as headers are, for suggesting the closest names. */
  get folded(): string {
    if (this.foldedName === null) this.foldedName = foldText(this.unit.name);
    return this.foldedName;
  }
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * One year's units, indexed by exact key and by the initial of their names; the index by the
 * initial without diacritics is built when a near spelling is first looked for.
 */
class YearIndex {
  readonly entries: readonly Entry[];
  readonly byKey = new Map<string, Entry[]>();
  readonly byInitial = new Map<string, Entry[]>();
  /** The sub-section headings (districts) of the year's units. */
  readonly groups: readonly string[];
  private plainIndex: Map<string, Entry[]> | null = null;

  constructor(units: readonly UnitScore[]) {
    this.entries = units.map((unit) => new Entry(unit));
    this.groups = [...new Set(units.map((u) => u.group).filter((g) => g !== ""))];
    for (const entry of this.entries) {
      pushTo(this.byKey, entry.name.key, entry);
      pushTo(this.byInitial, entry.name.initial, entry);
    }
  }

  byPlainInitial(initial: string): readonly Entry[] {
    if (this.plainIndex === null) {
      this.plainIndex = new Map();
      for (const entry of this.entries) {
        pushTo(this.plainIndex, initialOf(entry.name.plain), entry);
      }
    }
    return this.plainIndex.get(initial) ?? [];
  }
}

type Level = "exact" | "known-form" | "near-spelling" | "partial-name";

interface Candidates {
  readonly level: Level;
  readonly entries: readonly Entry[];
}

/**
 * The units of one year a written name fits, at the best level that finds any. Two names that
 * match at levels 2–4 share their initial (a typo in the very first letter is not forgiven), so
 * only the units with that initial are compared.
 */
function candidatesFor(written: ReadName, year: YearIndex): Candidates | null {
  const exact = year.byKey.get(written.key);
  if (exact) return { level: "exact", entries: exact };
  const sameInitial = year.byInitial.get(written.initial) ?? [];
  const known = sameInitial.filter((e) => isKnownForm(written.exact, e.name.exact));
  if (known.length > 0) return { level: "known-form", entries: known };
  let best = 2;
  let near: Entry[] = [];
  for (const e of year.byPlainInitial(initialOf(written.plain))) {
    const distance = nearDistance(written, e.name, best);
    if (distance === null || distance > best) continue;
    if (distance < best) near = [];
    best = distance;
    near.push(e);
  }
  if (near.length > 0) {
    return near.length <= MAX_UNSURE_UNITS ? { level: "near-spelling", entries: near } : null;
  }
  const partial: Entry[] = [];
  for (const e of sameInitial) {
    if (!isPartialName(written.exact, e.name.exact)) continue;
    partial.push(e);
    // More than a few units is no plausible match: no need to look further.
    if (partial.length > MAX_UNSURE_UNITS) return null;
  }
  return partial.length > 0 ? { level: "partial-name", entries: partial } : null;
}

/** How one year's units answer a nominee's unit text. */
interface Outcome {
  readonly units: readonly UnitScore[];
  /** null: sure. */
  readonly doubt: DoubtReason | null;
}

const OUTCOME_ORDER: readonly (DoubtReason | null)[] = [null, ...DOUBT_REASONS];

function outcomeOf(candidates: Candidates, group: string | null, year: YearIndex): Outcome {
  const { level, entries } = candidates;
  const units = entries.map((e) => e.unit);
  const sure = level === "exact" || level === "known-form";
  const inGroup = group === null ? [] : units.filter((u) => sameGroup(u.group, group));
  if (!sure) {
    return { units: inGroup.length > 0 ? inGroup : units, doubt: level as DoubtReason };
  }
  if (units.length === 1) {
    const only = units[0];
    // A district written beside the unit that contradicts the table's is a doubt, not a detail;
    // other words in brackets ("(Bộ phận một cửa)") say nothing about the unit's district.
    const contradicts =
      group !== null && only.group !== "" && inGroup.length === 0 && namesADistrict(group, year);
    return { units, doubt: contradicts ? "other-district" : null };
  }
  if (inGroup.length === 1) return { units: inGroup, doubt: null };
  return { units: inGroup.length > 1 ? inGroup : units, doubt: "several-units" };
}

/** The parts of a written group: "quận Ninh Kiều, TP. Cần Thơ" names a district and a city. */
const groupParts = (written: string): string[] =>
  written.split(/\s*(?:[,;]|\s[-–—]\s)\s*/u).filter((part) => part !== "");

/** "Huyện Phong Điền", "H. Phong Điền" and "Phong Điền" name the same group. */
function sameGroup(unitGroup: string, written: string): boolean {
  if (unitGroup === "") return false;
  const a = unitNameForm(unitGroup);
  const plainKey = (words: readonly string[]) => words.map(plainWord).join(" ");
  return groupParts(written).some((part) => {
    const b = unitNameForm(part);
    if (!typesAgree(a.type, b.type)) return false;
    return a.words.join(" ") === b.words.join(" ") || plainKey(a.words) === plainKey(b.words);
  });
}

/** True when a written group names a district: by its type word, or as a group of the table. */
function namesADistrict(written: string, year: YearIndex): boolean {
  return groupParts(written).some(
    (part) =>
      adminTypeBloc(unitNameForm(part).type) === 2 ||
      year.groups.some((group) => sameGroup(group, part)),
  );
}

/** The district-level type words that may start a group written after the unit. */
const GROUP_WORDS = /\s(?=(?:quận|huyện|thị xã|thành phố|tp\.?|tx\.?)\s)/iu;

/** A nominee's unit text split into the unit and a group it may name ("…, huyện X", "… (X)"). */
function splitGroup(unitName: string): { readonly unit: string; readonly group: string } | null {
  const parenthesis = /^(.*?)\s*\(([^()]+)\)\s*$/u.exec(unitName);
  if (parenthesis) return { unit: parenthesis[1], group: parenthesis[2] };
  const separated = /^(.*?)\s*(?:,|\s[-–—]\s)\s*(.+)$/u.exec(unitName);
  if (separated) return { unit: separated[1], group: separated[2] };
  const typed = GROUP_WORDS.exec(unitName);
  if (typed && typed.index > 0) {
    return { unit: unitName.slice(0, typed.index), group: unitName.slice(typed.index + 1) };
  }
  return null;
}

/** A district named by its type word: "quận Ninh Kiều", "huyện Cờ Đỏ", "Q. Bình Thủy". */
const DISTRICT_TYPED = /^(?:quận|huyện|thị xã|q\.|h\.|tx\.)\s*\S/iu;

/**
 * True when the units found are city agencies (no district, no administrative type: "Văn phòng
 * UBND thành phố", "Thanh tra thành phố") and the text names a district after them ("Văn phòng
 * UBND quận Ninh Kiều", "Công an quận Cái Răng"): the district's own office, another unit.
 */
function cityUnitsBesideDistrict(candidates: Candidates, group: string): boolean {
  if (!groupParts(group).some((part) => DISTRICT_TYPED.test(part))) return false;
  return candidates.entries.every(
    (e) => e.unit.group === "" && unitNameForm(e.unit.name).type === null,
  );
}

/** The best reading of a nominee's unit text among one year's units, or null when none fits. */
function outcomeInYear(text: string, year: YearIndex): Outcome | null {
  const outcomes: Outcome[] = [];
  const whole = candidatesFor(readName(text), year);
  if (whole) outcomes.push(outcomeOf(whole, null, year));
  if (whole === null || whole.level !== "exact" || whole.entries.length > 1) {
    const split = splitGroup(text);
    if (split) {
      const base = candidatesFor(readName(split.unit), year);
      if (base && !cityUnitsBesideDistrict(base, split.group)) {
        outcomes.push(outcomeOf(base, split.group, year));
      }
      // The district first: "Huyện Thới Lai - UBND xã Tân Thạnh", "Thới Lai, xã Trường Xuân".
      else if (namesADistrict(split.unit, year)) {
        const after = candidatesFor(readName(split.group), year);
        if (after) outcomes.push(outcomeOf(after, split.unit, year));
      }
    }
  }
  if (outcomes.length === 0) return null;
  return outcomes.reduce((best, o) =>
    OUTCOME_ORDER.indexOf(o.doubt) < OUTCOME_ORDER.indexOf(best.doubt) ? o : best,
  );
}

function describeUnit(unit: UnitScore): string {
  return unit.group ? `${unit.name} (${unit.group})` : unit.name;
}

/**
 * Suggestions are hints: in a huge table, this many names are compared for one unknown unit, and
 * this many in a whole run (hostile sheets of thousands of unknown units stay fast).
 */
const MAX_SUGGESTION_COMPARISONS = 500;
const MAX_SUGGESTION_COMPARISONS_PER_RUN = 100_000;

/**
 * The up to three unit names closest to a written name (edit distance without diacritics), looked
 * for first among the units whose name (after its type word) has the same initial, in reading
 * order: the place name is what a misspelt unit is recognised by. Then among all.
 */
function closestNames(
  unitName: string,
  years: readonly YearIndex[],
  budget: { left: number },
): string {
  const written = foldText(unitName);
  const initial = initialOf(readName(unitName).plain);
  const best: { readonly name: string; readonly distance: number }[] = [];
  let comparisons = 0;
  const consider = (entries: readonly Entry[]): void => {
    for (const e of entries) {
      if (comparisons >= MAX_SUGGESTION_COMPARISONS || budget.left <= 0) return;
      budget.left -= 1;
      if (best.some((b) => b.name === e.unit.name)) continue;
      comparisons += 1;
      // Only a name closer than the third best so far can enter the list.
      const limit = best.length < 3 ? Number.POSITIVE_INFINITY : best[2].distance;
      const distance = editDistance(written, e.folded, limit);
      if (distance > limit) continue;
      best.push({ name: e.unit.name, distance });
      best.sort(
        (a, b) => a.distance - b.distance || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0),
      );
      if (best.length > 3) best.pop();
    }
  };
  for (const year of years) consider(year.byPlainInitial(initial));
  if (best.length < 3) for (const year of years) consider(year.entries);
  return best.map((b) => b.name).join(", ");
}

/** What the confirmation is about, in a few words, for issues and reasons. */
export function doubtWords(doubt: NomineeDoubt, unit: UnitScore | null): Bilingual {
  const others = doubt.units.filter((u) => u !== unit && (unit === null || u.year === unit.year));
  const list = (sep: string) => [...new Set(others.map(describeUnit))].join(sep);
  switch (doubt.reason) {
    case "several-units":
      return unit === null || others.length === 0
        ? { vi: "trùng tên với nhiều đơn vị", en: "the name fits several units" }
        : {
            vi: `có thể là ${list(" hoặc ")}`,
            en: `it may be ${list(" or ")}`,
          };
    case "other-district":
      return {
        vi: "quận, huyện ghi kèm khác với bảng điểm",
        en: "the district written with it differs from the score table",
      };
    case "near-spelling":
      return { vi: "tên viết gần đúng", en: "the name is spelt differently" };
    case "partial-name":
      return { vi: "tên viết chưa đầy đủ", en: "the name is incomplete" };
  }
}

function issueFor(person: Nominee, doubt: NomineeDoubt): Issue {
  const names = [...new Set(doubt.units.map(describeUnit))].join(", ");
  if (doubt.reason === "several-units") {
    return makeIssue("NOMINEE_UNIT_AMBIGUOUS", person.source, {
      unit: person.unitName,
      person: person.name,
      closest: names,
    });
  }
  const why = doubtWords(doubt, null);
  return makeIssue("NOMINEE_UNIT_UNSURE", person.source, {
    unit: person.unitName,
    person: person.name,
    matched: names,
    why: why.vi,
    whyEn: why.en,
  });
}

/**
 * Matches each nominee to the unit of the score table they belong to, in the nominee's year (a
 * nominee without a year matches in every year), at the levels described above. A sure match
 * gives the nominee to the unit. An unsure one gives the nominee to each unit it may be (the
 * selection takes them at most once per bloc, at the highest-ranked of those units) with a doubt
 * and a warning at the nominee's cell: a spelling never silently moves a unit's slot down the
 * ranking. A unit not found at any level is a warning and the nominee is left out, as is a
 * nominee of a bloc-4 enterprise (the plan has no individual award in bloc 4).
 *
 * @example
 * matchNominees([nominee({ name: "An", unitName: "UBND P. Thạnh Hoà" })],
 *   [unit({ name: "Phường Thạnh Hòa", bloc: 3, score: 900 })]).byUnit.size //=> 1
 */
/**
 * The units a doubtful nominee is offered to, within one bloc of one year: blocs select on their
 * own, so a name that fits units of two blocs ("Bình Thủy": the district and the ward) would
 * give one person two awards. The bloc kept is the one of the unit with the highest ratio (then
 * the lower bloc), where the message says the person is considered for now.
 */
function oneBloc(units: readonly UnitScore[]): readonly UnitScore[] {
  if (units.length < 2) return units;
  const place = (u: UnitScore) => u.year * 10 + u.bloc;
  if (units.every((u) => place(u) === place(units[0]))) return units;
  const measure = (u: UnitScore) => u.ratio ?? (u.maxScore ? u.score / u.maxScore : u.score);
  let best = units[0];
  for (const u of units) {
    const m = measure(u);
    const b = measure(best);
    if (m > b || (m === b && place(u) < place(best))) best = u;
  }
  return units.filter((u) => place(u) === place(best));
}

/** A name written with an abbreviation: "&" ("Sở TT&TT") or a short capitalised word ("BQL"). */
const ABBREVIATED = /&|(?:^|\s)(?!UBND(?:\s|$)|HĐND(?:\s|$))[A-ZĐ]{2,5}(?=\s|$|[-.,])/u;

/**
 * Units of one year and bloc that are one unit written twice, once with an abbreviation ("Sở
 * TT&TT" and "Sở Thông tin và Truyền thông"), each pair as its earlier and later row. Only names
 * written with an abbreviation are looked up, among the names written in full of their year and
 * bloc: a table of 100,000 plainly written names costs one test a name.
 *
 * @example
 * abbreviatedTwins([unit({ name: "Sở Thông tin và Truyền thông" }), unit({ name: "Sở TT&TT" })]).length //=> 1
 */
export function abbreviatedTwins(
  units: readonly UnitScore[],
): { readonly first: UnitScore; readonly later: UnitScore }[] {
  const abbreviated = units.filter((u) => ABBREVIATED.test(u.name));
  if (abbreviated.length === 0) return [];
  const placeOf = (u: UnitScore): string => `${u.year}\u0000${u.bloc}\u0000${u.group}`;
  // Each abbreviated name is looked up among the names written in full of its year and bloc.
  const written = new Set(abbreviated);
  const byPlace = new Map<string, UnitScore[]>();
  for (const u of units) if (!written.has(u)) pushTo(byPlace, placeOf(u), u);
  const indexes = new Map<string, YearIndex>();
  const twins: { first: UnitScore; later: UnitScore }[] = [];
  const later = new Set<UnitScore>();
  for (const u of abbreviated) {
    const place = placeOf(u);
    let index = indexes.get(place);
    if (index === undefined) {
      index = new YearIndex(byPlace.get(place) ?? []);
      indexes.set(place, index);
    }
    const found = candidatesFor(readName(u.name), index);
    if (found === null || (found.level !== "exact" && found.level !== "known-form")) continue;
    for (const { unit: other } of found.entries) {
      // The same key is a duplicate the reader already reports.
      if (other === u || other.key === u.key) continue;
      const pair = other.order < u.order ? { first: other, later: u } : { first: u, later: other };
      if (later.has(pair.later)) continue;
      later.add(pair.later);
      twins.push(pair);
    }
  }
  return twins;
}

export function matchNominees(
  nominees: readonly Nominee[],
  units: readonly UnitScore[],
): NomineeMatch {
  if (nominees.length === 0) return { byUnit: new Map(), doubts: new Map(), issues: [] };
  const unitsByYear = new Map<number, UnitScore[]>();
  for (const unit of units) pushTo(unitsByYear, unit.year, unit);
  const years = [...unitsByYear.keys()].sort((a, b) => a - b);
  const indexes = new Map<number, YearIndex>();
  for (const year of years) indexes.set(year, new YearIndex(unitsByYear.get(year) ?? []));
  // Many people of one unit write it the same way: each text is read once per year.
  const memo = new Map<string, Outcome | null>();
  const outcome = (text: string, year: number): Outcome | null => {
    const key = `${year}\u0000${text}`;
    if (!memo.has(key)) memo.set(key, outcomeInYear(text, indexes.get(year) as YearIndex));
    return memo.get(key) ?? null;
  };
  const closestMemo = new Map<string, string>();
  const suggestionBudget = { left: MAX_SUGGESTION_COMPARISONS_PER_RUN };
  const byUnit = new Map<UnitScore, Nominee[]>();
  const doubts = new Map<Nominee, NomineeDoubt>();
  const issues: Issue[] = [];
  const ordered = [...nominees].sort((a, b) => a.order - b.order);
  for (const person of ordered) {
    const text = cleanText(person.unitName);
    if (person.year !== null && !indexes.has(person.year)) {
      // Proposed for a year the workbook has no scores of: that, not the unit, is what to fix.
      issues.push(
        makeIssue("NOMINEE_YEAR_NOT_SCORED", person.source, {
          person: person.name,
          year: person.year,
          years: years.join(", "),
        }),
      );
      continue;
    }
    const inYears = years.filter((y) => person.year === null || y === person.year);
    const sure: UnitScore[] = [];
    const unsure: UnitScore[] = [];
    let reason: DoubtReason | null = null;
    for (const year of inYears) {
      const found = outcome(text, year);
      if (!found) continue;
      if (found.doubt === null) sure.push(...found.units);
      else {
        unsure.push(...found.units);
        reason = reason ?? found.doubt;
      }
    }
    if (sure.length === 0 && unsure.length === 0) {
      const key = `${inYears.join(",")}\u0000${text}`;
      let closest = closestMemo.get(key);
      if (closest === undefined) {
        closest = closestNames(
          text,
          inYears.map((y) => indexes.get(y) as YearIndex),
          suggestionBudget,
        );
        closestMemo.set(key, closest);
      }
      issues.push(
        makeIssue("NOMINEE_UNIT_UNKNOWN", person.source, {
          unit: person.unitName,
          person: person.name,
          closest,
        }),
      );
      continue;
    }
    const offered = unsure.filter((u) => u.bloc !== 4);
    const doubtful = oneBloc(offered);
    if (sure.some((u) => u.bloc === 4) || (sure.length === 0 && doubtful.length === 0)) {
      issues.push(makeIssue("NOMINEE_BLOC_4", person.source, { person: person.name }));
    }
    for (const unit of sure) if (unit.bloc !== 4) pushTo(byUnit, unit, person);
    if (reason !== null && doubtful.length > 0) {
      const doubt: NomineeDoubt = { reason, units: doubtful };
      doubts.set(person, doubt);
      // The message names every unit the text fits, the bloc not kept included.
      issues.push(issueFor(person, { reason, units: offered }));
      for (const unit of doubtful) pushTo(byUnit, unit, person);
    }
  }
  return { byUnit, doubts, issues };
}
