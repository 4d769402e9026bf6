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
 * 3. near spelling: the same once diacritics are dropped, or one or two letters apart;
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
import { cleanText, editDistance, foldText, plainWord, unitNameForm } from "./text";
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

/** A name's type and words, with the words' letters without diacritics (for abbreviations). */
interface NameView {
  readonly type: AdminType | null;
  readonly words: readonly string[];
  readonly letters: readonly string[];
}

/** A name read for matching: as written (folded), and read again without diacritics. */
interface ReadName {
  readonly exact: NameView;
  readonly plain: NameView;
  readonly key: string;
}

function readName(text: string): ReadName {
  const form = unitNameForm(text);
  const plain = unitNameForm(text, true);
  return {
    exact: { type: form.type, words: form.words, letters: form.words.map(plainWord) },
    plain: { type: plain.type, words: plain.words, letters: plain.words },
    key: `${form.type ?? ""}|${form.words.join(" ")}`,
  };
}

const typesAgree = (a: AdminType | null, b: AdminType | null): boolean =>
  a === null || b === null || a === b;

const isOptional = (letters: string): boolean => OPTIONAL_WORDS.has(letters);

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
function abbreviationEnds(token: string, letters: readonly string[], start: number): Set<number> {
  const ends = new Set<number>();
  if (token.length < 2 || !/^[a-z]+$/.test(token)) return ends;
  const visit = (at: number, word: number, covered: number): void => {
    if (at === token.length) {
      if (covered >= 2) ends.add(word);
      return;
    }
    if (word >= letters.length || /^\d+$/.test(letters[word])) return;
    const optional = isOptional(letters[word]);
    if (optional) visit(at, word + 1, covered);
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
      if (more) {
        for (const end of abbreviationEnds(written.letters[i], unit.letters, j)) {
          reach[i + 1][end] = true;
        }
      }
    }
  }
  return reach;
}

interface WordsView {
  readonly words: readonly string[];
  readonly letters: readonly string[];
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

const cut = (view: WordsView, length: number): WordsView => ({
  words: view.words.slice(0, length),
  letters: view.letters.slice(0, length),
});

/** True when every word of both sides is accounted for (either side may abbreviate the other). */
function fullyAligned(a: WordsView, b: WordsView): boolean {
  return (
    alignment(a, b)[a.words.length][b.words.length] ||
    alignment(b, a)[b.words.length][a.words.length]
  );
}

/** Level 2: the same unit through abbreviations, a one-sided type word or the city's name. */
function isKnownForm(written: NameView, unit: NameView): boolean {
  if (!typesAgree(written.type, unit.type)) return false;
  if (written.words.length === 0 || unit.words.length === 0) return false;
  for (const i of cityCuts(written.letters)) {
    for (const j of cityCuts(unit.letters)) {
      if (fullyAligned(cut(written, i), cut(unit, j))) return true;
    }
  }
  return false;
}

/** Level 3: how far apart the names are without diacritics (0 = only accents differ). */
function nearDistance(written: ReadName, unit: ReadName): number | null {
  if (!typesAgree(written.exact.type, unit.exact.type)) return null;
  if (isKnownForm(written.plain, unit.plain)) return 0;
  if (!typesAgree(written.plain.type, unit.plain.type)) return null;
  const left = written.plain.words.join(" ");
  const right = unit.plain.words.join(" ");
  // One letter in six, at most two: "Trung Nhất" for "Trung Nhứt", never "An Hòa" for "An Phú".
  const allowed = Math.min(2, Math.floor(Math.max(left.length, right.length) / 6));
  if (allowed === 0) return null;
  const distance = editDistance(left, right);
  return distance <= allowed ? distance : null;
}

/** Level 4: the written words are the first words of the unit's, or the other way round. */
function isPartialName(written: NameView, unit: NameView): boolean {
  if (!typesAgree(written.type, unit.type)) return false;
  const meaningful = (view: NameView) => view.letters.filter((w) => !isOptional(w)).length;
  if (meaningful(written) < 2 || meaningful(unit) < 2) return false;
  const prefixOf = (a: NameView, b: NameView): boolean => {
    const reach = alignment(a, b);
    for (let j = 1; j < b.words.length; j += 1) {
      if (reach[a.words.length][j] && b.letters.slice(j).some((w) => !isOptional(w))) return true;
    }
    return false;
  };
  return prefixOf(written, unit) || prefixOf(unit, written);
}

interface Entry {
  readonly unit: UnitScore;
  readonly name: ReadName;
}

type Level = "exact" | "known-form" | "near-spelling" | "partial-name";

interface Candidates {
  readonly level: Level;
  readonly entries: readonly Entry[];
}

/** The units of one year a written name fits, at the best level that finds any. */
function candidatesFor(written: ReadName, entries: readonly Entry[]): Candidates | null {
  const exact = entries.filter((e) => e.name.key === written.key);
  if (exact.length > 0) return { level: "exact", entries: exact };
  const known = entries.filter((e) => isKnownForm(written.exact, e.name.exact));
  if (known.length > 0) return { level: "known-form", entries: known };
  let best = Number.POSITIVE_INFINITY;
  let near: Entry[] = [];
  for (const e of entries) {
    const distance = nearDistance(written, e.name);
    if (distance === null || distance > best) continue;
    if (distance < best) near = [];
    best = distance;
    near.push(e);
  }
  if (near.length > 0) {
    return near.length <= MAX_UNSURE_UNITS ? { level: "near-spelling", entries: near } : null;
  }
  const partial = entries.filter((e) => isPartialName(written.exact, e.name.exact));
  if (partial.length > 0 && partial.length <= MAX_UNSURE_UNITS) {
    return { level: "partial-name", entries: partial };
  }
  return null;
}

/** How one year's units answer a nominee's unit text. */
interface Outcome {
  readonly units: readonly UnitScore[];
  /** null: sure. */
  readonly doubt: DoubtReason | null;
}

const OUTCOME_ORDER: readonly (DoubtReason | null)[] = [null, ...DOUBT_REASONS];

function outcomeOf(candidates: Candidates, group: string | null): Outcome {
  const { level, entries } = candidates;
  const units = entries.map((e) => e.unit);
  const sure = level === "exact" || level === "known-form";
  const inGroup = group === null ? [] : units.filter((u) => sameGroup(u.group, group));
  if (!sure) {
    return { units: inGroup.length > 0 ? inGroup : units, doubt: level as DoubtReason };
  }
  if (units.length === 1) {
    const only = units[0];
    // A district written beside the unit that contradicts the table's is a doubt, not a detail.
    const contradicts = group !== null && only.group !== "" && inGroup.length === 0;
    return { units, doubt: contradicts ? "other-district" : null };
  }
  if (inGroup.length === 1) return { units: inGroup, doubt: null };
  return { units: inGroup.length > 1 ? inGroup : units, doubt: "several-units" };
}

/** "Huyện Phong Điền", "H. Phong Điền" and "Phong Điền" name the same group. */
function sameGroup(unitGroup: string, written: string): boolean {
  if (unitGroup === "") return false;
  const a = unitNameForm(unitGroup);
  const b = unitNameForm(written);
  if (!typesAgree(a.type, b.type)) return false;
  const key = (words: readonly string[]) => words.map(plainWord).join(" ");
  return a.words.join(" ") === b.words.join(" ") || key(a.words) === key(b.words);
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

/** The best reading of a nominee's unit text among one year's units, or null when none fits. */
function outcomeInYear(unitName: string, entries: readonly Entry[]): Outcome | null {
  const text = cleanText(unitName);
  const outcomes: Outcome[] = [];
  const whole = candidatesFor(readName(text), entries);
  if (whole) outcomes.push(outcomeOf(whole, null));
  if (whole === null || whole.level !== "exact" || whole.entries.length > 1) {
    const split = splitGroup(text);
    if (split) {
      const base = candidatesFor(readName(split.unit), entries);
      if (base) outcomes.push(outcomeOf(base, split.group));
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

/** The up to three unit names closest to a written name (edit distance without diacritics). */
function closestNames(unitName: string, entries: readonly Entry[]): string {
  const written = foldText(unitName);
  const byName = new Map<string, number>();
  for (const e of entries) {
    const distance = editDistance(written, foldText(e.unit.name));
    const known = byName.get(e.unit.name);
    if (known === undefined || distance < known) byName.set(e.unit.name, distance);
  }
  return [...byName.entries()]
    .sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .slice(0, 3)
    .map(([name]) => name)
    .join(", ");
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
export function matchNominees(
  nominees: readonly Nominee[],
  units: readonly UnitScore[],
): NomineeMatch {
  if (nominees.length === 0) return { byUnit: new Map(), doubts: new Map(), issues: [] };
  const byYear = new Map<number, Entry[]>();
  for (const unit of units) {
    const list = byYear.get(unit.year) ?? [];
    list.push({ unit, name: readName(unit.name) });
    byYear.set(unit.year, list);
  }
  const years = [...byYear.keys()].sort((a, b) => a - b);
  const byUnit = new Map<UnitScore, Nominee[]>();
  const doubts = new Map<Nominee, NomineeDoubt>();
  const issues: Issue[] = [];
  const give = (unit: UnitScore, person: Nominee): void => {
    const list = byUnit.get(unit);
    if (list) list.push(person);
    else byUnit.set(unit, [person]);
  };
  const ordered = [...nominees].sort((a, b) => a.order - b.order);
  for (const person of ordered) {
    const inYears = years.filter((y) => person.year === null || y === person.year);
    const sure: UnitScore[] = [];
    const unsure: UnitScore[] = [];
    let reason: DoubtReason | null = null;
    for (const year of inYears) {
      const outcome = outcomeInYear(person.unitName, byYear.get(year) ?? []);
      if (!outcome) continue;
      if (outcome.doubt === null) sure.push(...outcome.units);
      else {
        unsure.push(...outcome.units);
        reason = reason ?? outcome.doubt;
      }
    }
    if (sure.length === 0 && unsure.length === 0) {
      const entries = inYears.flatMap((y) => byYear.get(y) ?? []);
      issues.push(
        makeIssue("NOMINEE_UNIT_UNKNOWN", person.source, {
          unit: person.unitName,
          person: person.name,
          closest: closestNames(person.unitName, entries),
        }),
      );
      continue;
    }
    const doubtful = unsure.filter((u) => u.bloc !== 4);
    if (sure.some((u) => u.bloc === 4) || (sure.length === 0 && doubtful.length === 0)) {
      issues.push(makeIssue("NOMINEE_BLOC_4", person.source, { person: person.name }));
    }
    for (const unit of sure) if (unit.bloc !== 4) give(unit, person);
    if (reason !== null && doubtful.length > 0) {
      const doubt: NomineeDoubt = { reason, units: doubtful };
      doubts.set(person, doubt);
      issues.push(issueFor(person, doubt));
      for (const unit of doubtful) give(unit, person);
    }
  }
  return { byUnit, doubts, issues };
}
