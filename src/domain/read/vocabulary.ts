/**
 * The words of score tables, as officers and other provinces write them: what a header says
 * about its column (role, year, total or part, self-assessed or appraised), which texts name a
 * bloc, which rows are totals, averages or counts, and which marks exclude a unit. Everything is
 * compared folded (`headerKey`: no diacritics, lower case, punctuation as spaces), as whole words.
 */
import { foldText } from "../text";
import type { Bloc } from "../types";

/** Score-table roles, plus the row-number and rank columns that are recognised but never read. */
export const SCORE_HEADER_ROLES = [
  "index",
  "rank",
  "maxScore",
  "ratio",
  "score",
  "unit",
  "bloc",
  "year",
  "excluded",
  "note",
  "district",
] as const;
export type ScoreHeaderRole = (typeof SCORE_HEADER_ROLES)[number];

/**
 * A header folded for comparison: no diacritics, lower case, punctuation and "%" as spaces.
 *
 * @example
 * headerKey("Tỷ lệ (%)") //=> "ty le"
 * headerKey("Tên cơ quan, đơn vị") //=> "ten co quan don vi"
 */
export function headerKey(text: string): string {
  return foldText(text).replace(/%/g, " ").replace(/\s+/g, " ").trim();
}

const fold = (texts: readonly string[]): string[] => texts.map(headerKey);

/** True when `phrase` occurs in `key` as whole words. */
export function hasPhrase(key: string, phrase: string): boolean {
  return phrase !== "" && ` ${key} `.includes(` ${phrase} `);
}

const startsWithPhrase = (key: string, phrase: string): boolean =>
  key === phrase || key.startsWith(`${phrase} `);

/**
 * Synonyms per role; a header is of a role when it is one of them or starts with one ("Tỷ lệ
 * (%)" starts with "tỷ lệ"). Checked in `SCORE_HEADER_ROLES` order so that the more specific
 * wins: "Điểm tối đa" is a max score before "Điểm" can make it a score.
 */
const SCORE_SYNONYMS: Readonly<Record<ScoreHeaderRole, readonly string[]>> = {
  index: fold(["STT", "TT", "Số TT", "Số thứ tự", "No", "No.", "#", "Nr"]),
  rank: fold([
    "Xếp hạng",
    "Hạng",
    "Thứ hạng",
    "Vị trí xếp hạng",
    "Thứ tự xếp hạng",
    "Rank",
    "Ranking",
  ]),
  maxScore: fold([
    "Điểm tối đa",
    "Tổng điểm tối đa",
    "Thang điểm",
    "Điểm chuẩn",
    "Điểm chuẩn tối đa",
    "Tối đa",
    "Max score",
    "Maximum score",
    "Maximum",
    "Max",
  ]),
  ratio: fold([
    "Tỷ lệ",
    "Tỉ lệ",
    "Tỷ lệ điểm",
    "Tỷ lệ đạt",
    "Tỷ lệ đạt được",
    "Ratio",
    "Score ratio",
    "Percent",
    "Percentage",
  ]),
  score: fold([
    "Điểm đạt được",
    "Điểm đạt",
    "Tổng điểm",
    "Tổng số điểm",
    "Điểm đánh giá",
    "Điểm thẩm định",
    "Điểm tự đánh giá",
    "Điểm số",
    "Điểm DTI",
    "Điểm",
    "Giá trị DTI",
    "Giá trị chỉ số",
    "Giá trị",
    "Chỉ số DTI",
    "Chỉ số chuyển đổi số",
    "Chuyển đổi số cấp tỉnh",
    "Chuyển đổi số",
    "Chỉ số",
    "DTI",
    "PDTI",
    "Kết quả đánh giá",
    "Kết quả",
    "Đạt được",
    "Thẩm định",
    "Tự đánh giá",
    "Tổng",
    "Tổng cộng",
    "Score",
    "Total score",
    "Total",
    "Points",
    "DTI value",
    "DTI score",
    "Index value",
    "Value",
  ]),
  unit: fold([
    "Tên cơ quan, đơn vị",
    "Cơ quan, đơn vị",
    "Tên đơn vị",
    "Đơn vị",
    "Tên cơ quan",
    "Cơ quan",
    "Tên doanh nghiệp",
    "Doanh nghiệp",
    "Tên địa phương",
    "Địa phương",
    "Tên tỉnh, thành phố",
    "Tỉnh, thành phố",
    "Tỉnh/thành phố",
    "Tỉnh, TP",
    "Tỉnh thành",
    "Tên tỉnh",
    "Tỉnh",
    "Các tỉnh, thành phố trực thuộc TW",
    "Các tỉnh, thành phố trực thuộc Trung ương",
    "Các tỉnh, thành phố",
    "Tên sở, ban, ngành",
    "Sở, ban, ngành",
    "Tên huyện, thị xã, thành phố",
    "Huyện, thị xã, thành phố",
    "Quận, huyện",
    "Tên xã, phường, thị trấn",
    "Xã, phường, thị trấn",
    "Unit",
    "Unit name",
    "Agency",
    "Enterprise",
    "Province",
    "Locality",
  ]),
  bloc: fold(["Khối", "Khối thi đua", "Bloc", "Block"]),
  year: fold(["Năm", "Năm đánh giá", "Year"]),
  excluded: fold(["Không xét", "Không xếp hạng", "Loại trừ", "Excluded", "Exclude", "Not ranked"]),
  note: fold(["Ghi chú", "Lý do", "Note", "Notes", "Remark", "Remarks"]),
  // The district a commune belongs to, in a column of its own: it tells same-named communes apart.
  district: fold([
    "Thuộc huyện",
    "Thuộc quận, huyện",
    "Thuộc quận huyện",
    "Thuộc huyện, thị xã, thành phố",
    "Thuộc huyện, thành phố",
    "Quận, huyện",
    "Quận/huyện",
    "Quận huyện",
    "Huyện, thị xã, thành phố",
    "Đơn vị hành chính cấp huyện",
    "Địa bàn huyện",
    "Huyện",
    "Quận",
    "District",
  ]),
};

const ROLE_TABLE = SCORE_HEADER_ROLES.map((role) => [role, SCORE_SYNONYMS[role]] as const);

/** Words that make a score column one part of the index (a pillar, a bonus) rather than its total. */
const PART_PHRASES = fold([
  "chính quyền số",
  "kinh tế số",
  "xã hội số",
  "nhận thức số",
  "thể chế số",
  "hạ tầng số",
  "nhân lực số",
  "nền tảng số",
  "dữ liệu số",
  "an toàn thông tin",
  "an ninh mạng",
  "hoạt động",
  "trụ cột",
  "thành phần",
  "chỉ số thành phần",
  "chỉ số chính",
  "tiêu chí",
  "nhóm",
  "điểm cộng",
  "điểm thưởng",
  "điểm trừ",
  "điểm phạt",
  "cqs",
  "kts",
  "xhs",
  "pillar",
  "component",
  "sub index",
  "digital government",
  "digital economy",
  "digital society",
  "bonus",
  "penalty",
]);
/** Words that make a score column the total. */
const TOTAL_PHRASES = fold([
  "tổng",
  "tổng điểm",
  "tổng cộng",
  "tổng số",
  "tổng hợp",
  "chung",
  "toàn bộ",
  "sau khi trừ",
  "sau trừ",
  "sau khi cộng",
  "sau cộng trừ",
  "sau điều chỉnh",
  "cuối cùng",
  "chung cuộc",
  "total",
  "overall",
  "sum",
  "adjusted",
  "after deductions",
]);
const SELF_PHRASES = fold([
  "tự đánh giá",
  "tự chấm",
  "tự chấm điểm",
  "đơn vị tự",
  "tự đg",
  "self",
  "self assessed",
  "self assessment",
]);
const APPRAISED_PHRASES = fold([
  "thẩm định",
  "sau thẩm định",
  "phúc khảo",
  "sau phúc khảo",
  "phúc tra",
  "đánh giá lại",
  "hội đồng",
  "chính thức",
  "công bố",
  "appraised",
  "verified",
  "final",
  "official",
]);

/**
 * A stated maximum: "(thang 100)", "(thang điểm 1.000)", "(tối đa 1000 điểm)", "(out of 100)";
 * never a year ("Điểm tối đa 2022" is the 2022 maximum, not a maximum of 2022).
 */
const STATED_MAX =
  /\b(?:thang(?: diem)?|toi da|out of|max(?:imum)?)\s+(?!20\d\d\b)(\d{1,3}(?: \d{3})+|\d+)(?: diem)?\b/;

/**
 * A date that names its month, folded: "ngày 20 tháng 3 năm 2024", "tháng 3 năm 2024",
 * "tháng 03/2024", "ngày … tháng … năm 2024". Its "tháng 3" (month 3) is not "thang 3" (a scale).
 */
const DATE_WITH_MONTH =
  /\b(?:ngay\s*(?:\d{1,2}\s*)?)?thang\s*(?:(?:0?[1-9]|1[0-2])\s*)?nam\b|\bthang\s*(?:0?[1-9]|1[0-2])\s*[/.-]?\s*(?:19|20)\d\d\b|\bngay\s*(?:\d{1,2}\s*)?thang\s*(?:0?[1-9]|1[0-2])\b/g;

/** What a header says about its column. */
export interface HeaderInfo {
  readonly role: ScoreHeaderRole | null;
  /** A year the header names ("Điểm năm 2022"), or null. */
  readonly year: number | null;
  readonly total: boolean;
  readonly part: boolean;
  readonly self: boolean;
  readonly appraised: boolean;
  /** A score brought to one scale for every unit ("Điểm chuẩn hóa", "Điểm quy đổi"). */
  readonly normalized: boolean;
  /** A maximum the header states ("(thang điểm 1.000)"), or null. */
  readonly statedMax: number | null;
}

/** The folded text of a header with dots and commas between digits kept as digit groups. */
function foldedWithNumbers(text: string): string {
  return headerKey(text.replace(/(\d)[.,\s](?=\d{3}\b)/g, "$1 "));
}

/**
 * The maximum a header states, as in "Điểm đánh giá (thang 100)" or "(thang điểm 1.000)".
 *
 * @example
 * maxFromHeader("Điểm đánh giá (thang 100)") //=> 100
 * maxFromHeader("Tổng điểm (thang điểm 1.000)") //=> 1000
 * maxFromHeader("Điểm đạt được") //=> null
 */
export function maxFromHeader(text: string): number | null {
  const match =
    STATED_MAX.exec(foldedWithNumbers(text).replace(DATE_WITH_MONTH, " ")) ??
    BRACKETED_POINTS.exec(text.normalize("NFC"));
  if (!match) return null;
  const max = Number(match[1].replace(/[ .,]/g, ""));
  return max > 0 ? max : null;
}

/** "Tổng điểm (500 điểm)", "(1.000 đ)": a maximum written in brackets after the header. */
const BRACKETED_POINTS = /\(\s*(\d{1,3}(?:[.,\s]\d{3})+|\d+)\s*(?:điểm|đ)\s*\)/iu;

const YEAR_WORD = /(?:^|\s)(20\d\d)(?=\s|$)/;

/** The index's own names: a column named for it holds its value ("CHUYỂN ĐỔI SỐ CẤP TỈNH (PDTI)"). */
const INDEX_NAMES = ["dti", "pdti", "ddti", "cdti"];

/** A score brought to one scale ("Điểm chuẩn hóa", "Điểm quy đổi"): a score, not "Điểm chuẩn". */
const NORMALIZED_SCORE = /^(?:diem )?(?:da )?(?:chuan hoa|quy doi)\b/;

const DISTRICT_KEY = /^(?:don vi hanh chinh cap (?:huyen|quan)|thuoc (?:quan|huyen))\b/;

function classifyKey(key: string): ScoreHeaderRole | null {
  if (key === "") return null;
  if (NORMALIZED_SCORE.test(key)) return "score";
  // "Đơn vị hành chính cấp huyện", "Thuộc huyện": the district, though it starts like a name column.
  if (DISTRICT_KEY.test(key)) return "district";
  for (const [role, synonyms] of ROLE_TABLE) {
    if (synonyms.some((s) => startsWithPhrase(key, s))) return role;
  }
  return INDEX_NAMES.some((name) => hasPhrase(key, name)) ? "score" : null;
}

/**
 * Reads a header: its role and what qualifies it. A header that names a year ("Năm 2023",
 * "Điểm năm 2022") is a score of that year, never the year column; a stated maximum in brackets
 * is read and set aside before the role is decided.
 *
 * @example
 * describeHeader("Điểm tự đánh giá").self //=> true
 * describeHeader("Tổng điểm (thang điểm 1.000)") //=> { role: "score", total: true, statedMax: 1000, … }
 * describeHeader("Năm 2023").role //=> "score"
 */
export function describeHeader(text: string): HeaderInfo {
  const withNumbers = foldedWithNumbers(text);
  const statedMax = maxFromHeader(text);
  const key = withNumbers.replace(STATED_MAX, " ").replace(/\s+/g, " ").trim();
  const yearMatch = YEAR_WORD.exec(key);
  const year = yearMatch ? Number(yearMatch[1]) : null;
  const withoutYear = key.replace(/(?:^|\s)(?:nam\s+)?20\d\d(?=\s|$)/g, " ").trim();
  // "Tổng số đơn vị", "Điểm trung bình": a count or an average is never a score column.
  const aggregate = aggregateKind(text);
  let role = aggregate === "count" || aggregate === "average" ? null : classifyKey(key);
  if (year !== null && role !== null) {
    // "Năm 2023" over numbers is that year's score; "Xếp hạng 2023" stays a rank.
    const bare = withoutYear === "" || withoutYear === "nam";
    if (role === "year" || bare) role = "score";
    else role = classifyKey(withoutYear) ?? role;
  }
  // "Chỉ số DTI (%)": a value in percent is a ratio.
  if (role === "score" && text.includes("%")) role = "ratio";
  const has = (phrases: readonly string[]): boolean => phrases.some((p) => hasPhrase(key, p));
  const part = has(PART_PHRASES);
  return {
    role,
    year,
    total: has(TOTAL_PHRASES) && !hasPhrase(key, "diem toi da"),
    part,
    self: has(SELF_PHRASES),
    appraised: has(APPRAISED_PHRASES),
    normalized: NORMALIZED_SCORE.test(key),
    statedMax,
  };
}

/**
 * The score-table role of a header text, or null.
 *
 * @example
 * classifyScoreHeader("Điểm tối đa") //=> "maxScore"
 * classifyScoreHeader("Giá trị DTI") //=> "score"
 * classifyScoreHeader("Tên địa phương") //=> "unit"
 */
export function classifyScoreHeader(text: string): ScoreHeaderRole | null {
  return describeHeader(text).role;
}

/* ---------------------------------------------------------------------------------------------
 * Blocs
 * ------------------------------------------------------------------------------------------- */

/** Bloc words, most specific first; matched as whole words in folded text. */
const BLOC_KEYWORDS: readonly (readonly [Bloc, readonly string[]])[] = [
  [
    3,
    [
      "xa phuong thi tran",
      "xa phuong",
      "phuong xa",
      "xa thi tran",
      "phuong thi tran",
      "cap xa",
      "khoi xa",
      "communes",
      "wards",
    ],
  ],
  [
    2,
    [
      "quan huyen",
      "huyen quan",
      "huyen thi xa",
      "huyen thanh pho",
      "huyen thi",
      "cap huyen",
      "khoi huyen",
      "khoi quan",
      "districts",
    ],
  ],
  [4, ["doanh nghiep", "vien thong", "cong nghe thong tin", "enterprise", "enterprises"]],
  [1, ["so ban nganh", "so nganh", "co quan chuyen mon", "khoi so", "cap so", "agencies"]],
];

export const ENTERPRISE_KEYWORDS: readonly (readonly [Bloc, readonly string[]])[] = [
  [4, BLOC_KEYWORDS.find(([bloc]) => bloc === 4)?.[1] ?? []],
];

/** The bloc named by bloc words in folded text ("khoi ubnd quan huyen" → 2), or null. */
export function blocFromKeywords(folded: string, keywords = BLOC_KEYWORDS): Bloc | null {
  for (const [bloc, phrases] of keywords) {
    if (phrases.some((p) => hasPhrase(folded, p))) return bloc;
  }
  return null;
}

/** Words a bloc heading is made of ("KHỐI UBND CÁC HUYỆN, THỊ XÃ, THÀNH PHỐ"). */
const BLOC_FILLER_WORDS = new Set(
  (
    "khoi ubnd uy ban nhan dan cac co quan don vi thuoc thanh pho tinh va so nganh huyen xa " +
    "phuong thi tran doanh nghiep vien thong cong nghe tin cap chuyen mon truc tw trung uong " +
    "city agencies districts communes wards enterprises and the"
  ).split(" "),
);

/** True when a folded text is made of bloc words only ("xa phuong thi tran"). */
export function isBlocWordsOnly(folded: string): boolean {
  return folded !== "" && folded.split(" ").every((w) => BLOC_FILLER_WORDS.has(w));
}

/**
 * The bloc of a heading made of bloc words only ("UBND CÁC HUYỆN", "CÁC QUẬN"): its bloc
 * keywords, else the one kind of unit it names. A heading that names none ("Nhóm các cơ quan,
 * đơn vị …", "KHỐI CƠ QUAN TRUNG ƯƠNG") has no bloc: its rows are reported, not placed by guess.
 */
export function wordsBloc(folded: string): Bloc | null {
  const direct = blocFromKeywords(folded);
  if (direct !== null || !isBlocWordsOnly(folded)) return direct;
  const words = ` ${folded.replace(/\bco quan\b/g, " ")} `;
  const kinds: Bloc[] = [];
  if (/ (?:huyen|quan) /.test(words)) kinds.push(2);
  if (/ (?:xa|phuong|thi tran) /.test(words) && !/ thi xa /.test(words)) kinds.push(3);
  if (/ (?:so|nganh) /.test(words)) kinds.push(1);
  return kinds.length === 1 ? kinds[0] : null;
}

/* ---------------------------------------------------------------------------------------------
 * Totals, averages and counts
 * ------------------------------------------------------------------------------------------- */

export const AGGREGATE_KINDS = ["total", "average", "count", "extreme"] as const;
export type AggregateKind = (typeof AGGREGATE_KINDS)[number];

const AGGREGATE_PHRASES: readonly (readonly [AggregateKind, readonly string[]])[] = [
  [
    "count",
    fold([
      "Tổng số đơn vị",
      "Số đơn vị",
      "Số lượng đơn vị",
      "Số lượng",
      "Tổng số",
      "Number of units",
      "Count",
    ]),
  ],
  [
    "average",
    fold([
      "Điểm trung bình",
      "Điểm bình quân",
      "Điểm TB",
      "Giá trị trung bình",
      "Trung bình cộng",
      "Trung bình cả nước",
      "Trung bình",
      "Bình quân",
      "TB",
      "Average",
      "Mean",
    ]),
  ],
  [
    "extreme",
    fold([
      "Điểm cao nhất",
      "Điểm thấp nhất",
      "Điểm lớn nhất",
      "Điểm nhỏ nhất",
      "Giá trị cao nhất",
      "Giá trị thấp nhất",
      "Cao nhất",
      "Thấp nhất",
      "Lớn nhất",
      "Nhỏ nhất",
      "Highest score",
      "Lowest score",
      "Highest",
      "Lowest",
      "Maximum",
      "Minimum",
      "Max",
      "Min",
    ]),
  ],
  [
    "total",
    fold([
      "Tổng cộng",
      "Cộng",
      "Tổng",
      "Toàn thành phố",
      "Toàn tỉnh",
      "Cả nước",
      "Grand total",
      "Subtotal",
      "Sub total",
      "Total",
      "Sum",
    ]),
  ],
];

/** Words that may follow a total phrase without making the text a name ("Cộng khối I"). */
const AGGREGATE_QUALIFIERS = new Set(
  (
    "khoi i ii iii iv v vi vii viii ix x cua toan ca nuoc thanh pho tinh cac don vi duoc danh " +
    "gia tham gia nam diem chung tat so ban nganh quan huyen xa phuong thi tran " +
    "doanh nghiep ubnd co chuyen mon dti chi bloc block all units of the rated scored " +
    "city province agencies districts communes enterprises"
  ).split(" "),
);

/** Administrative words after which a total phrase is a subtotal ("Cộng quận Ninh Kiều"). */
const SUBTOTAL_PLACES = ["quan", "huyen", "thi xa", "thanh pho", "tp", "khu vuc", "cum", "nhom"];

/** The first words of the aggregate phrases. */
export const AGGREGATE_FIRST_WORDS: ReadonlySet<string> = new Set(
  AGGREGATE_PHRASES.flatMap(([, phrases]) => phrases.map((p) => p.split(" ")[0])),
);

/**
 * False when a text's first word cannot start an aggregate phrase: folding that word alone gives
 * the first word of the whole text's key, so a name is set aside without folding all of it (a
 * table may hold 100,000 names). True when the first word folds to nothing (a dash, a bullet):
 * the whole text decides then.
 */
function mayStartAggregate(text: string): boolean {
  const trimmed = text.trimStart();
  const end = trimmed.search(/\s/);
  const first = headerKey(end < 0 ? trimmed : trimmed.slice(0, end));
  if (first === "") return true;
  const space = first.indexOf(" ");
  return AGGREGATE_FIRST_WORDS.has(space < 0 ? first : first.slice(0, space));
}

/**
 * The aggregate a row's text announces — a total, an average, a count or a highest/lowest value
 * ("Điểm cao nhất") — or null for a name.
 * Phrases are matched as whole words and must be followed only by qualifiers or a place
 * ("Cộng khối I", "TB khối III", "Cộng quận Ninh Kiều"), so that "Tổng công ty Viễn thông
 * MobiFone" and "Công an thành phố" stay units.
 *
 * @example
 * aggregateKind("Tổng cộng") //=> "total"
 * aggregateKind("Điểm trung bình khối") //=> "average"
 * aggregateKind("Số đơn vị: 20") //=> "count"
 * aggregateKind("Tổng công ty Viễn thông MobiFone – Chi nhánh Cần Thơ") //=> null
 */
export function aggregateKind(text: string): AggregateKind | null {
  if (!mayStartAggregate(text)) return null;
  const key = headerKey(text);
  if (key === "") return null;
  for (const [kind, phrases] of AGGREGATE_PHRASES) {
    for (const phrase of phrases) {
      if (!startsWithPhrase(key, phrase)) continue;
      const rest = key.slice(phrase.length).trim();
      if (rest === "") return kind;
      if (SUBTOTAL_PLACES.some((p) => startsWithPhrase(rest, p))) return kind;
      if (rest.split(" ").every((w) => AGGREGATE_QUALIFIERS.has(w) || /^\d+$/.test(w))) {
        return kind;
      }
    }
  }
  return null;
}

/* ---------------------------------------------------------------------------------------------
 * Marks
 * ------------------------------------------------------------------------------------------- */

/** Marks a unit as not considered wherever a clause of a note starts with one of them. */
const EXCLUSION_PHRASES = fold([
  "Không xét",
  "Không xếp hạng",
  "Không tham gia xếp hạng",
  "Không tham gia đánh giá",
  "Không đưa vào xét",
  "Không đưa vào xếp hạng",
  "Không đề nghị khen thưởng",
  "Chưa xếp hạng",
  "Not ranked",
  "Not considered",
  "Excluded",
]);

/**
 * Broader words that mark a unit only when alone in their clause or followed by a reason ("Không
 * đánh giá do mới thành lập"): "Không đánh giá chỉ số Kinh tế số" says one pillar was not
 * assessed, "Không tham gia diễn tập ATTT, trừ 10 điểm" an exercise missed, not the unit set aside.
 */
const BROAD_EXCLUSION_PHRASES = fold(["Không đánh giá", "Không tham gia", "Chưa đánh giá"]);
const REASON_WORDS: ReadonlySet<string> = new Set(["do", "vi", "because", "due", "since", "theo"]);

/**
 * The clauses of a note, folded as headers are: the parts between commas, semicolons, full stops,
 * dashes and brackets.
 *
 * @example
 * clausesOf("Rút hồ sơ (chuyển công tác)") //=> ["rut ho so", "chuyen cong tac"]
 */
export function clausesOf(text: string): string[] {
  return text
    .split(/[,;.:()[\]\n\u2013\u2014]|\s-\s/)
    .map(headerKey)
    .filter((clause) => clause !== "");
}

/**
 * True for a text that marks a unit as not considered: one of its clauses starts with "Không
 * xét", "Không xếp hạng", "không tham gia xếp hạng", "không đưa vào xét khen thưởng" …, or is
 * "Không đánh giá" / "Không tham gia" alone or with its reason.
 *
 * @example
 * isExclusionText("Không xét (đã sáp nhập)") //=> true
 * isExclusionText("Đơn vị mới thành lập, không xét") //=> true
 * isExclusionText("Không đánh giá chỉ số Kinh tế số") //=> false
 * isExclusionText("Đã xét") //=> false
 */
export function isExclusionText(text: string): boolean {
  if (text.length > 300) return false;
  for (const clause of clausesOf(text)) {
    if (EXCLUSION_PHRASES.some((p) => startsWithPhrase(clause, p))) return true;
    for (const phrase of BROAD_EXCLUSION_PHRASES) {
      if (!startsWithPhrase(clause, phrase)) continue;
      const next = clause.slice(phrase.length).trim().split(" ")[0];
      if (next === "" || REASON_WORDS.has(next)) return true;
    }
  }
  return false;
}

/**
 * True for a text that speaks of not considering a unit without marking it ("Đề nghị không xét",
 * "Năm 2022 không xét do sáp nhập"): the unit is ranked, and the officer is told where.
 *
 * @example
 * mentionsExclusion("Năm 2022 không xét do sáp nhập") //=> true
 * mentionsExclusion("Không xét") //=> false
 */
export function mentionsExclusion(text: string): boolean {
  if (text.length > 300 || isExclusionText(text)) return false;
  const key = ` ${headerKey(text)} `;
  return EXCLUSION_PHRASES.some((p) => key.includes(` ${p} `));
}
