/**
 * Reads the sheet of individuals proposed by units (danh sách cá nhân đề xuất): one row a person,
 * with the unit they work for and whether they directly do the work (Plan 140 asks to favour
 * people who do). Bad rows are issues, never exceptions.
 */
import { cellText, placeFrom } from "./cells";
import {
  classifyNomineeHeader,
  columnReadings,
  findHeaderRow,
  isNomineeHeader,
  isTitleAndUnitHeader,
  mayBeHeaderRow,
  mapHeaderRow,
  nomineeColumns,
  offsetOf,
  rowAt,
  sameSheetName,
  sheetValues,
  yearFromSheetName,
  yearFromTitleRows,
  yearOfCell,
} from "./headers";
import type { HeaderMatch, NomineeHeaderRole } from "./headers";
import { gridOf, shownValue } from "./read/grid";
import { clausesOf, headerKey } from "./read/vocabulary";
import { makeIssue } from "./issues";
import type { Issue } from "./issues";
import { sheetHiddenIssue } from "./readScoreTable";
import { isAwardYear } from "./rules";
import type { CellSheet, DetectedTable, Nominee } from "./types";
import { cellAddress, columnLetter, foldText, matchKey, unitFormKey } from "./text";

export interface NomineeReading {
  readonly nominees: readonly Nominee[];
  readonly issues: readonly Issue[];
  /** The nominee tables read, in sheet order (none when the workbook has no nominee sheet). */
  readonly tables: readonly DetectedTable[];
}

export interface ReadNomineeOptions {
  readonly nomineeSheet?: string;
  readonly year?: number;
  readonly ignoreSheets?: readonly string[];
}

const DIRECT_MARKS = new Set([
  "x",
  "co",
  "yes",
  "y",
  "1",
  "true",
  "dung",
  "truc tiep",
  "truc tiep thuc hien",
  "direct",
  "directly",
]);
const CHECK_MARKS = /^[\u2713\u2714\u2611\u2705\u221a]$/;

/**
 * True for a mark that says the person directly does the work: "x", "X", "✓", "có", "yes", "1",
 * 1, true, "Trực tiếp"; "Gián tiếp", "không" and blanks are not.
 *
 * @example
 * isDirectMark("x") //=> true
 * isDirectMark("✓") //=> true
 * isDirectMark("") //=> false
 */
export function isDirectMark(value: unknown): boolean {
  if (typeof value === "boolean") return value;
  if (typeof value === "number") return value === 1;
  const text = cellText(value);
  if (text === "") return false;
  if (CHECK_MARKS.test(text)) return true;
  return DIRECT_MARKS.has(foldText(text));
}

const SKIP_TEXTS = /^(?:tong|tong cong|cong|total|khoi\b|bloc\b)/;

/**
 * Reads the nominee sheets: the one named (hidden or not), else every visible sheet whose header
 * row (within the first 30 rows) has a person-name column and a unit column.
 *
 * @example
 * readNominees([{ name: "Cá nhân", values: [["Họ và tên", "Đơn vị"], ["Lê Văn An", "Sở Y tế"]] }]).nominees[0].unitKey
 * //=> "sở y tế"
 */
export function readNominees(
  sheets: readonly CellSheet[],
  options: ReadNomineeOptions = {},
): NomineeReading {
  const all = (Array.isArray(sheets) ? sheets : []).filter((s) => s && typeof s.name === "string");
  const ignored = options.ignoreSheets ?? [];
  const candidates = all.filter((s) => !ignored.some((n) => sameSheetName(n, s.name)));
  if (options.nomineeSheet !== undefined) {
    const wanted = options.nomineeSheet;
    const sheet = all.find((s) => sameSheetName(wanted, s.name));
    if (!sheet) {
      return {
        nominees: [],
        issues: [makeIssue("SHEET_NOT_FOUND", null, { name: wanted })],
        tables: [],
      };
    }
    const header = findHeaderRow(sheetValues(sheet), classifyNomineeHeader, isNomineeHeader);
    if (!header) {
      return { nominees: [], issues: [makeIssue("NO_NOMINEE_SHEET", null)], tables: [] };
    }
    const reading = readNomineeSheet(sheet, header);
    return withoutRepeats(reading.nominees, [...reading.issues], reading.tables);
  }
  // A hidden sheet is read only when named; the hidden ones that look like nominee sheets are
  // reported here (readScoreTables reports the other hidden sheets).
  const hidden: Issue[] = [];
  for (const sheet of candidates.filter((s) => s.hidden === true)) {
    if (findHeaderRow(sheetValues(sheet), classifyNomineeHeader, isNomineeHeader)) {
      hidden.push(sheetHiddenIssue(sheet.name));
    }
  }
  // Units may send their lists on several sheets ("Cá nhân khối 1-2", "Cá nhân khối 3"): every
  // visible nominee sheet is read, its people after those of the sheets before it.
  const nominees: Nominee[] = [];
  const issues: Issue[] = [...hidden];
  const tables: DetectedTable[] = [];
  for (const sheet of candidates) {
    if (sheet.hidden === true) continue;
    const header = findHeaderRow(sheetValues(sheet), classifyNomineeHeader, isNomineeHeader);
    if (!header) continue;
    const reference = referenceListText(sheet, header.row);
    if (reference !== null) {
      // "DANH SÁCH CÁ NHÂN ĐÃ ĐƯỢC TẶNG BẰNG KHEN (không đề nghị lại)": kept for reference, not
      // a proposal (it is read when chosen as the nominee sheet).
      issues.push(
        makeIssue(
          "NOMINEE_REFERENCE_SKIPPED",
          {
            sheet: sheet.name,
            cell: cellAddress(offsetOf(sheet.rowOffset), offsetOf(sheet.colOffset)),
          },
          { sheet: sheet.name, value: reference },
        ),
      );
      continue;
    }
    const reading = readNomineeSheet(sheet, header);
    const offset = nominees.length;
    for (const person of reading.nominees)
      nominees.push({ ...person, order: offset + person.order });
    issues.push(...reading.issues);
    tables.push(...reading.tables);
  }
  if (tables.length === 0) issues.push(noNomineeTable(candidates));
  return withoutRepeats(nominees, issues, tables);
}

/**
 * Why no nominee table was read: a sheet that lists people ("Họ và tên") without a column the
 * reader takes for their unit is named, since its people would otherwise be lost unseen.
 */
function noNomineeTable(sheets: readonly CellSheet[]): Issue {
  for (const sheet of sheets) {
    if (sheet.hidden === true) continue;
    const header = findHeaderRow(
      sheetValues(sheet),
      classifyNomineeHeader,
      (m) => m.columns.person !== undefined && m.columns.unit === undefined && m.texts.length > 1,
    );
    if (header) {
      return makeIssue(
        "NOMINEE_UNIT_COLUMN_MISSING",
        {
          sheet: sheet.name,
          cell: cellAddress(offsetOf(sheet.rowOffset) + header.row, offsetOf(sheet.colOffset)),
        },
        { sheet: sheet.name, headers: header.texts.filter((t) => t !== "").join(" | ") },
      );
    }
  }
  return makeIssue("NO_NOMINEE_SHEET", null);
}

/** Forms of address written before a name: not part of it ("Đồng chí …", "Đ/c …", "Ông/Bà …"). */
const ADDRESS = /^(?:ông\/bà|đồng chí|đ\/c|đc\.)\s+/iu;
/**
 * "Ông"/"Bà" before a full name of three words or more ("Ông Nguyễn Văn An"); "Ông" is also a
 * family name ("Ông Văn Tùng"), so a shorter name keeps it.
 */
const MR_MRS = /^(?:ông|bà)\s+(?=\S+\s+\S+\s+\S)/iu;
/** Degrees written before a name ("ThS. Lê Văn An"): kept as written, left out when comparing. */
const DEGREES = /^(?:(?:pgs|gs|ts|ths|ks|cn|bs|ls)\.\s*)+/;

/**
 * A section heading of a proposal list: "I. TẬP THỂ", "Tập thể" (collectives) or "II. CÁ NHÂN",
 * "Cá nhân" (individuals); null for any other text.
 */
function sectionKind(text: string): "collectives" | "individuals" | null {
  const key = foldText(text)
    .replace(/^(?:[ivx]+|[a-d]|\d+)[.)]?\s+/, "")
    .trim();
  if (/^(?:tap the|collectives?)$/.test(key)) return "collectives";
  if (/^(?:ca nhan|individuals?)$/.test(key)) return "individuals";
  return null;
}

/** A row of header texts only (at least one, no number): the second row of a two-row header. */
function mayBeSubHeader(cells: readonly unknown[]): boolean {
  let texts = 0;
  for (const value of cells) {
    if (typeof value === "number") return false;
    if (typeof value === "string" && value.trim() !== "") {
      if (classifyNomineeHeader(value) === null && value.length > 40) return false;
      texts += 1;
    }
  }
  return texts > 0 && cells.some((v) => typeof v === "string" && classifyNomineeHeader(v) !== null);
}

/** A note that takes a proposal back: "Rút hồ sơ", "Đã rút", "Thôi đề nghị", "Withdrawn". */
function isWithdrawal(text: string): boolean {
  if (text === "" || text.length > 200) return false;
  return clausesOf(text).some((clause) =>
    /^(?:rut|da rut|xin rut|thoi de nghi|khong de nghi|withdrawn|withdraw)\b/.test(clause),
  );
}

/** Words of a list kept for reference: people already awarded, not to be proposed again. */
const REFERENCE_WORDS =
  /\b(?:da duoc tang|da tang|da duoc khen|da khen|tham khao|khong de nghi lai|already awarded|for reference)\b/;

/**
 * The sheet name or title line (above the header) that says a list of people is kept for
 * reference ("Đã khen (tham khảo)", "… ĐÃ ĐƯỢC TẶNG BẰNG KHEN (không đề nghị lại)"), or null.
 */
function referenceListText(sheet: CellSheet, headerRow: number): string | null {
  if (REFERENCE_WORDS.test(foldText(sheet.name))) return sheet.name;
  const values = sheetValues(sheet);
  for (let r = 0; r < headerRow; r += 1) {
    for (const value of rowAt(values, r)) {
      const text = cellText(value);
      if (text !== "" && REFERENCE_WORDS.test(foldText(text))) return text.slice(0, 120);
    }
  }
  return null;
}

/** The header of the unit that proposes the list: "Đơn vị đề nghị", "Cơ quan trình". */
function isProposingUnitHeader(text: string): boolean {
  return /^(?:don vi|co quan)\b.*\b(?:de nghi|de xuat|trinh)\b/.test(headerKey(text));
}

/** Where a unit's name starts inside a title: "UBND phường …", "Ủy ban nhân dân xã …", "Sở …". */
const UNIT_IN_TITLE =
  /(?:^|\s)((?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân)\s+(?:phường|xã|thị trấn|quận|huyện|thị xã|thành phố|TP\.?)\s|Sở\s)/u;
/** A district or city written after a commune's name: ", quận Ninh Kiều", ", Q. Ninh Kiều". */
const PLACE_AFTER = /^(?:quận|huyện|thị xã|thành phố|TP\.?|Q\.|H\.|TX\.)\s*\S/iu;

/**
 * The title and the unit of one "Chức vụ, đơn vị công tác" cell. A unit named inside the part
 * before the first comma ("Chủ tịch UBND phường Cái Khế, quận Ninh Kiều", "Phó Giám đốc Sở Y tế")
 * starts there, with the district written after it; otherwise the title comes before the first
 * comma and the unit after it ("Kỹ sư CNTT, UBND xã Tân Thạnh").
 *
 * @example
 * splitTitleAndUnit("Chủ tịch UBND phường Cái Khế, quận Ninh Kiều")
 * //=> { title: "Chủ tịch", unit: "UBND phường Cái Khế, quận Ninh Kiều" }
 * splitTitleAndUnit("Kỹ sư CNTT, UBND xã Tân Thạnh") //=> { title: "Kỹ sư CNTT", unit: "UBND xã Tân Thạnh" }
 */
export function splitTitleAndUnit(text: string): { title: string; unit: string } {
  const comma = text.indexOf(",");
  const first = comma > 0 ? text.slice(0, comma) : text;
  const inside = UNIT_IN_TITLE.exec(first);
  if (inside !== null) {
    const start = inside.index + inside[0].length - inside[1].length;
    const rest = comma > 0 ? text.slice(comma + 1).trim() : "";
    const unit = first.slice(start).trim() + (PLACE_AFTER.test(rest) ? `, ${rest}` : "");
    return { title: first.slice(0, start).trim(), unit };
  }
  if (comma > 0) return { title: first.trim(), unit: text.slice(comma + 1).trim() };
  return { title: "", unit: text };
}

/** A person's name without the form of address an officer may type before it. */
export function personName(text: string): string {
  const name = text.replace(ADDRESS, "").replace(MR_MRS, "");
  return name === "" ? text : name;
}

/** The key two rows of one person share: the name folded, without address or degrees. */
function personKey(name: string): string {
  return foldText(personName(name).toLowerCase().replace(DEGREES, ""));
}

/**
 * One person is proposed once a year: a row that repeats a person of the same unit is reported
 * and set aside (it would give one person two Bằng khen); a person of the same name in another
 * unit is kept and reported for confirmation, since namesakes are common (and so are titles).
 */
function withoutRepeats(
  all: readonly Nominee[],
  issues: Issue[],
  tables: readonly DetectedTable[],
): NomineeReading {
  const seen = new Map<string, Nominee[]>();
  const kept: Nominee[] = [];
  for (const person of all) {
    const key = `${person.year ?? ""}\u0000${personKey(person.name)}`;
    const before = seen.get(key) ?? [];
    const unit = unitFormKey(person.unitName);
    const same = before.find((p) => unitFormKey(p.unitName) === unit);
    const place = (p: Nominee) => placeFrom(p.source, person.source.sheet);
    if (same) {
      issues.push(
        makeIssue("NOMINEE_LISTED_TWICE", person.source, {
          person: person.name,
          first: place(same),
          unit: same.unitName,
        }),
      );
      continue;
    }
    if (before.length > 0) {
      issues.push(
        makeIssue("NOMINEE_SAME_NAME", person.source, {
          person: person.name,
          first: place(before[0]),
          unit: before[0].unitName,
        }),
      );
    }
    seen.set(key, [...before, person]);
    kept.push(person);
  }
  return { nominees: kept, issues, tables };
}

function readNomineeSheet(
  sheet: CellSheet,
  header: HeaderMatch<NomineeHeaderRole>,
): NomineeReading {
  const values = sheetValues(sheet);
  const rowOffset = offsetOf(sheet.rowOffset);
  const colOffset = offsetOf(sheet.colOffset);
  const c = { ...header.columns };
  // A second header row under the first ("Đối tượng" merged over "Trực tiếp | Lãnh đạo, quản
  // lý"): its roles fill the columns the first row left, and the data starts under it.
  let firstData = header.row + 1;
  const below = rowAt(values, header.row + 1);
  if (cellText(below[c.person ?? -1]) === "" && mayBeSubHeader(below)) {
    below.forEach((value, col) => {
      const role = typeof value === "string" ? classifyNomineeHeader(value) : null;
      if (role !== null && c[role] === undefined && !Object.values(c).includes(col)) c[role] = col;
    });
    firstData = header.row + 2;
  }
  // "Đơn vị đề nghị" (the unit that sends the list) before "Chức vụ, đơn vị công tác": the
  // person's own unit is the later column.
  if (c.unit !== undefined && isProposingUnitHeader(header.texts[c.unit] ?? "")) {
    const own = header.texts.findIndex(
      (text, i) =>
        i !== c.unit &&
        i !== c.person &&
        !isProposingUnitHeader(text) &&
        classifyNomineeHeader(text) === "unit",
    );
    if (own >= 0) c.unit = own;
  }
  const personCol = c.person ?? 0;
  const unitCol = c.unit ?? 0;
  // A unit written once and merged down over its people ("Sở Tư pháp" over B2:B3): the cell
  // shows its merged area's value, as the score reader reads merged cells.
  const grid = Array.isArray(sheet.merges) && sheet.merges.length > 0 ? gridOf(sheet) : null;
  const mergedUnit = (r: number): string =>
    grid === null ? "" : cellText(shownValue(grid, r, unitCol));
  const issues: Issue[] = [];
  const ref = (row: number, col: number) => ({
    sheet: sheet.name,
    cell: cellAddress(rowOffset + row, colOffset + col),
  });
  if (c.direct === undefined) {
    issues.push(makeIssue("NO_DIRECT_COLUMN", ref(header.row, 0)));
  }
  const combined = c.title === undefined && isTitleAndUnitHeader(header.texts[unitCol] ?? "");
  const statedYear =
    yearFromSheetName(sheet.name) ?? yearFromTitleRows(values.slice(0, header.row));
  const nominees: Nominee[] = [];
  let lastRow = header.row;
  // Under a "TẬP THỂ" section heading the rows are collectives ("Phòng Hành chính - Tư pháp"),
  // not people, until a "CÁ NHÂN" heading: they are named in one note and not read as people.
  let collectives: { first: number; count: number } | null = null;
  const skippedCollectives: { first: number; count: number }[] = [];
  for (let r = firstData; r < values.length; r += 1) {
    const cells = rowAt(values, r);
    const name = cellText(cells[personCol]);
    let unitName = cellText(cells[unitCol]);
    if (unitName === "" && name !== "") unitName = mergedUnit(r);
    if (name === "" && unitName === "") {
      // "I. TẬP THỂ" written in the first column only.
      const section = sectionKind(cells.map(cellText).find((t) => t !== "") ?? "");
      if (section !== null) {
        collectives = section === "collectives" ? { first: r, count: 0 } : null;
        if (collectives !== null) skippedCollectives.push(collectives);
      }
      continue;
    }
    lastRow = r;
    if (mayBeHeaderRow(cells) && isNomineeHeader(mapHeaderRow(cells, classifyNomineeHeader))) {
      continue;
    }
    if (unitName === "") {
      const section = sectionKind(name);
      if (section === "collectives") {
        collectives = { first: r, count: 0 };
        skippedCollectives.push(collectives);
        continue;
      }
      if (section === "individuals") {
        collectives = null;
        continue;
      }
    }
    if (collectives !== null) {
      collectives.count += 1;
      continue;
    }
    if (unitName === "" && SKIP_TEXTS.test(foldText(name))) continue;
    if (name === "") {
      issues.push(makeIssue("NOMINEE_NAME_MISSING", ref(r, personCol), { unit: unitName }));
      continue;
    }
    if (c.note !== undefined && isWithdrawal(cellText(cells[c.note]))) {
      // "Rút hồ sơ (chuyển công tác)": the unit took the proposal back.
      issues.push(
        makeIssue("NOMINEE_WITHDRAWN", ref(r, c.note), {
          person: name,
          value: cellText(cells[c.note]).slice(0, 120),
        }),
      );
      continue;
    }
    if (unitName === "") {
      // Without a unit the person belongs to no ranking: reported, never matched by guess.
      issues.push(makeIssue("NOMINEE_UNIT_MISSING", ref(r, unitCol), { person: name }));
      continue;
    }
    let year: number | null = statedYear;
    let yearCol = personCol;
    const yearText = c.year !== undefined ? cellText(cells[c.year]) : "";
    if ((yearText.match(/(?:^|\D)20\d\d(?!\d)/g) ?? []).length > 1) {
      // "2022, 2023" or "2022-2023": which round the person is proposed for is the officer's call.
      issues.push(
        makeIssue("NOMINEE_YEAR_SEVERAL", ref(r, c.year as number), {
          person: name,
          year: yearText,
        }),
      );
      continue;
    }
    if (c.year !== undefined && yearText !== "") {
      year = yearOfCell(cells[c.year]);
      yearCol = c.year;
      if (year === null) {
        // An unreadable year would make the person a nominee of every year: reported instead.
        issues.push(
          makeIssue("NOMINEE_YEAR_OUT_OF_RANGE", ref(r, yearCol), {
            person: name,
            year: cellText(cells[c.year]),
          }),
        );
        continue;
      }
    }
    if (year !== null && !isAwardYear(year)) {
      // A person proposed for a year outside the movement is reported and not considered.
      issues.push(makeIssue("NOMINEE_YEAR_OUT_OF_RANGE", ref(r, yearCol), { person: name, year }));
      continue;
    }
    // "Kỹ sư CNTT, UBND xã Tân Thạnh" under "Chức vụ, đơn vị công tác": the title, then the unit.
    const { title: ownTitle, unit: ownUnit } = combined
      ? splitTitleAndUnit(unitName)
      : { title: "", unit: unitName };
    nominees.push({
      name: personName(name),
      title: c.title !== undefined ? cellText(cells[c.title]) : ownTitle,
      unitName: ownUnit,
      unitKey: matchKey(ownUnit),
      direct: c.direct !== undefined && isDirectMark(cells[c.direct]),
      achievement: c.achievement !== undefined ? cellText(cells[c.achievement]) : "",
      year: year !== null && isAwardYear(year) ? year : null,
      source: ref(r, personCol),
      order: nominees.length,
    });
  }
  for (const section of skippedCollectives) {
    if (section.count === 0) continue;
    issues.push(
      makeIssue("NOMINEE_COLLECTIVES_SKIPPED", ref(section.first, personCol), {
        count: section.count,
      }),
    );
  }
  const columns: Partial<Record<string, string>> = {};
  for (const [role, col] of Object.entries(nomineeColumns(c))) {
    if (col !== undefined) columns[role] = columnLetter(colOffset + col);
  }
  const table: DetectedTable = {
    sheet: sheet.name,
    kind: "nominees",
    headerRow: rowOffset + header.row + 1,
    headers: header.texts,
    columns,
    dataRows: nominees.length,
    yearSource: c.year !== undefined ? "column" : statedYear !== null ? "sheet" : "none",
    year: statedYear,
    range: `${cellAddress(rowOffset + header.row, colOffset)}:${cellAddress(
      rowOffset + Math.max(header.row, lastRow),
      colOffset + Math.max(0, header.texts.length - 1),
    )}`,
    readings: columnReadings(header.texts, nomineeColumns(c), colOffset),
    blocSource: "none",
    notes: [],
    refused: false,
  };
  return { nominees, issues, tables: [table] };
}
