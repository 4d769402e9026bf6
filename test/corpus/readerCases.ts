/**
 * Corpus cases for the classes of layouts that once made the reader pick the wrong column, rank a
 * total, drop a unit or give up — each through both doors (command line and add-in), each either
 * ranked right or refused with an error naming the choice to make.
 */
import type { CorpusCase, RecipeCell, SheetRecipe } from "./cases";

const flat = (
  name: string,
  header: readonly string[],
  lines: readonly (readonly RecipeCell[])[],
  extra: Partial<SheetRecipe> = {},
): SheetRecipe => ({ name, rows: [[...header], ...lines.map((l) => [...l])], ...extra });

/** A sheet named “DTI 2025” whose title states 2024 (copied from another year's file). */
const sheetOfAnotherYear = (): SheetRecipe => ({
  name: "DTI 2025",
  rows: [
    ["BẢNG TỔNG HỢP KẾT QUẢ CHỈ SỐ CHUYỂN ĐỔI SỐ NĂM 2024"],
    [],
    ["Đơn vị", "Khối", "Điểm tối đa", "Điểm đạt được"],
    ["Sở Tư pháp", 1, 1000, 800],
    ["Sở Nội vụ", 1, 1000, 900],
  ],
});

/** An undated sheet with “Năm 2022” and “Năm 2023” merged over their columns. */
const twoYearsSideBySide = (): SheetRecipe => ({
  name: "DTI",
  rows: [
    ["Đơn vị", "Khối", "Năm 2022", null, "Năm 2023", null],
    [null, null, "Điểm tối đa", "Điểm đạt được", "Điểm tối đa", "Điểm đạt được"],
    ["Sở Tư pháp", 1, 1000, 990, 1000, 800],
    ["Sở Y tế", 1, 1000, 700, 1000, 900],
  ],
  merges: ["A1:A2", "B1:B2", "C1:D1", "E1:F1"],
});

export const READER_CASES: readonly CorpusCase[] = [
  {
    id: "exclusion-at-the-end-of-a-note",
    title:
      "Notes that end with their mark (“…, không xét”, “… - không đưa vào xét khen thưởng”) exclude the unit",
    sheets: () => [
      flat(
        "DTI 2023",
        ["STT", "Đơn vị", "Khối", "Điểm tối đa", "Điểm đạt được", "Ghi chú"],
        [
          [
            1,
            "Sở Thông tin và Truyền thông",
            1,
            1000,
            990,
            "Cơ quan thường trực, không tham gia xếp hạng",
          ],
          [2, "Sở Tư pháp", 1, 1000, 900, null],
          [3, "Sở Y tế", 1, 1000, 800, null],
          [4, "Phường Hưng Phú", 3, 1000, 980, "Đơn vị mới thành lập, không xét"],
          [
            5,
            "Xã Tân Thạnh",
            3,
            1000,
            970,
            "Chưa đủ 01 năm hoạt động - không đưa vào xét khen thưởng",
          ],
          [6, "Xã Trường Xuân", 3, 1000, 960, null],
          [7, "Xã Đông Bình", 3, 1000, 950, null],
          [8, "Phường Cái Khế", 3, 1000, 940, null],
          [9, "Phường An Hòa", 3, 1000, 930, null],
        ],
      ),
    ],
    expect: {
      runnable: true,
      candidates: {
        "2023/1": ["Sở Tư pháp"],
        "2023/3": ["Xã Trường Xuân", "Xã Đông Bình", "Phường Cái Khế"],
      },
      statuses: [
        [2023, "Sở Thông tin và Truyền thông", "excluded"],
        [2023, "Phường Hưng Phú", "excluded"],
        [2023, "Xã Tân Thạnh", "excluded"],
      ],
      ranked: 9,
      invalid: 0,
    },
  },
  {
    id: "notes-that-explain-a-score",
    title:
      "Notes that start with “Không đánh giá chỉ số …” or “Không tham gia diễn tập …” explain a score and do not exclude",
    sheets: () => [
      flat(
        "DTI 2023",
        ["STT", "Đơn vị", "Khối", "Điểm tối đa", "Điểm đạt được", "Ghi chú"],
        [
          [1, "Sở Xây dựng", 1, 700, 665, "Không đánh giá chỉ số Kinh tế số, Xã hội số (nhóm 2)"],
          [2, "Sở Tư pháp", 1, 1000, 900, null],
          [3, "Xã Trường Xuân", 3, 1000, 970, "Không tham gia diễn tập ATTT, trừ 10 điểm"],
          [4, "Xã Tân Thạnh", 3, 1000, 960, null],
          [5, "Xã Đông Bình", 3, 1000, 950, null],
          [6, "Phường Cái Khế", 3, 1000, 940, null],
        ],
      ),
    ],
    expect: {
      runnable: true,
      candidates: {
        "2023/1": ["Sở Xây dựng"],
        "2023/3": ["Xã Trường Xuân", "Xã Tân Thạnh", "Xã Đông Bình"],
      },
      ranked: 6,
      invalid: 0,
    },
  },
  {
    id: "not-ranked-in-brackets-after-the-name",
    title: "“Văn phòng UBND thành phố (không xếp hạng)” in the name column is excluded",
    sheets: () => [
      flat(
        "Khối 1",
        ["STT", "Tên đơn vị", "Điểm tối đa", "Điểm đạt được"],
        [
          [1, "Văn phòng UBND thành phố (không xếp hạng)", 1000, 990],
          [2, "Sở Y tế", 1000, 900],
          [3, "Sở Tư pháp", 1000, 800],
        ],
      ),
    ],
    year: 2023,
    expect: {
      runnable: true,
      candidates: { "2023/1": ["Sở Y tế"] },
      statuses: [[2023, "Văn phòng UBND thành phố (không xếp hạng)", "excluded"]],
      ranked: 3,
      invalid: 0,
    },
  },
  {
    id: "note-that-speaks-of-exclusion",
    title:
      "A note that speaks of not considering without marking it (“Đề nghị không xét”) is named; the unit is ranked",
    sheets: () => [
      flat(
        "DTI 2023",
        ["STT", "Đơn vị", "Khối", "Điểm tối đa", "Điểm đạt được", "Ghi chú"],
        [
          [1, "Sở Y tế", 1, 1000, 990, "Năm 2022 không xét do sáp nhập"],
          [2, "Sở Tư pháp", 1, 1000, 900, null],
        ],
      ),
    ],
    expect: {
      runnable: true,
      candidates: { "2023/1": ["Sở Y tế"] },
      issues: [{ code: "NOTE_MENTIONS_EXCLUSION", sheet: "DTI 2023", cell: "F2" }],
      ranked: 2,
      invalid: 0,
    },
  },
  {
    id: "max-row-under-the-header",
    title:
      "A “Điểm tối đa | 300 | 100 | 100 | 500” row under the header gives the total's maximum and is not a unit",
    sheets: () => [
      {
        name: "DTI 2024 cấp xã",
        rows: [
          ["KẾT QUẢ CHỈ SỐ CHUYỂN ĐỔI SỐ CẤP XÃ NĂM 2024"],
          [],
          ["STT", "Đơn vị", "Chính quyền số", "Kinh tế số", "Xã hội số", "Tổng điểm", "Xếp hạng"],
          [null, "Điểm tối đa", 300, 100, 100, 500, null],
          [1, "Phường Cái Khế", 280, 90, 85, 455, 3],
          [2, "Phường An Hòa", 290, 95, 85, 470, 2],
          [3, "Xã Tân Thạnh", 270, 80, 80, 430, 5],
          [4, "Xã Trường Xuân", 295, 95, 90, 480, 1],
          [5, "Xã Đông Bình", 280, 80, 80, 440, 4],
        ],
      },
    ],
    expect: {
      runnable: true,
      candidates: { "2024/3": ["Xã Trường Xuân", "Phường An Hòa", "Phường Cái Khế"] },
      issues: [{ code: "MAX_FROM_ROW", sheet: "DTI 2024 cấp xã", cell: "F4" }],
      absent: ["SCORE_WITHOUT_MAX"],
      ranked: 5,
      invalid: 0,
    },
  },
  {
    id: "max-row-under-the-header-of-a-flat-table",
    title: "The same “Điểm tối đa” row over a table of three blocs with one total column",
    sheets: () => [
      flat(
        "DTI 2023",
        ["STT", "Tên đơn vị", "Khối", "Tổng điểm"],
        [
          [null, "Điểm tối đa", null, 1000],
          [1, "Sở Y tế", 1, 920],
          [2, "Sở Tư pháp", 1, 900],
          [3, "Xã Tân Thạnh", 3, 880],
          [4, "Xã Trường Xuân", 3, 870],
          [5, "Xã Đông Bình", 3, 860],
          [6, "Xã Thới Đông", 3, 700],
        ],
      ),
    ],
    expect: {
      runnable: true,
      candidates: {
        "2023/1": ["Sở Y tế"],
        "2023/3": ["Xã Tân Thạnh", "Xã Trường Xuân", "Xã Đông Bình"],
      },
      issues: [{ code: "MAX_FROM_ROW", sheet: "DTI 2023", cell: "D2" }],
      ranked: 6,
      invalid: 0,
    },
  },
  {
    id: "numbered-district-rows-with-their-bloc",
    title:
      "“I | UBND quận Ninh Kiều | 2 | 1000 | 860” over its communes: a district scored in its own row, ranked in bloc 2",
    sheets: () => [
      flat(
        "DTI 2023",
        ["STT", "Đơn vị", "Khối", "Điểm tối đa", "Điểm đạt được", "Tỷ lệ (%)"],
        [
          ["I", "UBND quận Ninh Kiều", 2, 1000, 860, 86],
          [1, "UBND phường Cái Khế", 3, 500, 480, 96],
          [2, "UBND phường An Hòa", 3, 500, 470, 94],
          ["II", "UBND huyện Phong Điền", 2, 1000, 900, 90],
          [3, "UBND xã Nhơn Ái", 3, 500, 475, 95],
          [4, "UBND xã Tân Thới", 3, 500, 460, 92],
          ["III", "UBND quận Bình Thủy", 2, 1000, 880, 88],
          [5, "UBND phường Long Hòa", 3, 500, 465, 93],
        ],
      ),
    ],
    expect: {
      runnable: true,
      candidates: {
        "2023/2": ["UBND huyện Phong Điền"],
        "2023/3": ["UBND phường Cái Khế", "UBND xã Nhơn Ái", "UBND phường An Hòa"],
      },
      ranked: 8,
      invalid: 0,
    },
  },
  {
    id: "numbered-district-rows-with-scores-on-a-commune-sheet",
    title:
      "The same district rows on a communes sheet without a bloc column stay headings, and their scores are said not to be ranked",
    sheets: () => [
      flat(
        "Xã phường 2023",
        ["STT", "Đơn vị", "Điểm tối đa", "Điểm đạt được"],
        [
          ["I", "UBND quận Ninh Kiều", 500, 475],
          [1, "UBND phường Cái Khế", 500, 480],
          [2, "UBND phường An Hòa", 500, 470],
          ["II", "UBND huyện Phong Điền", 500, 468],
          [3, "UBND xã Nhơn Ái", 500, 475],
          [4, "UBND xã Tân Thới", 500, 460],
        ],
      ),
    ],
    expect: {
      runnable: true,
      candidates: { "2023/3": ["UBND phường Cái Khế", "UBND xã Nhơn Ái", "UBND phường An Hòa"] },
      issues: [
        { code: "HEADING_WITH_SCORES", sheet: "Xã phường 2023", cell: "B2" },
        { code: "HEADING_WITH_SCORES", sheet: "Xã phường 2023", cell: "B5" },
      ],
      ranked: 4,
      invalid: 0,
    },
  },
  {
    id: "max-score-merged-down-its-group",
    title:
      "“Điểm tối đa” typed once per group and merged down: every row of the group has that max",
    sheets: () => [
      {
        name: "DTI 2023",
        rows: [
          ["BẢNG TỔNG HỢP KẾT QUẢ ĐÁNH GIÁ CHỈ SỐ CHUYỂN ĐỔI SỐ NĂM 2023"],
          [],
          ["STT", "Tên cơ quan, đơn vị", "Điểm tối đa", "Điểm đạt được"],
          ["I", "KHỐI SỞ, BAN, NGÀNH"],
          [1, "Sở Tư pháp", 1000, 900],
          [2, "Sở Y tế", null, 910],
          [3, "Sở Nội vụ", null, 880],
          [4, "Sở Xây dựng", 700, 660],
          [5, "Sở Tài chính", null, 600],
          ["II", "KHỐI UBND QUẬN, HUYỆN"],
          [6, "UBND quận Ninh Kiều", 1000, 850],
          [7, "UBND quận Bình Thủy", null, 870],
        ],
        merges: ["C5:C7", "C8:C9", "C11:C12"],
      },
    ],
    expect: {
      runnable: true,
      candidates: { "2023/1": ["Sở Xây dựng"], "2023/2": ["UBND quận Bình Thủy"] },
      absent: ["MAX_MISSING"],
      ranked: 7,
      invalid: 0,
    },
  },
  {
    id: "footnote-under-the-table-excludes",
    title:
      "“Sở Thông tin và Truyền thông (*)” with “(*) … không tham gia xếp hạng.” under the table is excluded",
    sheets: () => [
      {
        name: "DTI 2023",
        rows: [
          ["KẾT QUẢ DTI KHỐI SỞ, BAN, NGÀNH NĂM 2023"],
          [],
          ["STT", "Tên cơ quan", "Điểm tối đa", "Điểm đạt được", "Tỷ lệ (%)"],
          [1, "Sở Thông tin và Truyền thông (*)", 1000, 995, 99.5],
          [2, "Sở Y tế", 1000, 910, 91],
          [3, "Sở Tư pháp (**)", 1000, 900, 90],
          [],
          [
            "(*) Sở Thông tin và Truyền thông là cơ quan thường trực Ban Chỉ đạo, không tham gia xếp hạng.",
          ],
          ["(**) Điểm đã trừ 10 điểm do chậm gửi báo cáo."],
        ],
      },
    ],
    expect: {
      runnable: true,
      candidates: { "2023/1": ["Sở Y tế"] },
      statuses: [
        [2023, "Sở Thông tin và Truyền thông", "excluded"],
        [2023, "Sở Tư pháp", "not-selected"],
      ],
      ranked: 3,
      invalid: 0,
    },
  },
  {
    id: "cover-page-summary-of-blocs",
    title:
      "A cover page summarising the blocs (“Khối | Số đơn vị | Điểm tối đa | Đơn vị dẫn đầu | Điểm”) is not a score table",
    sheets: () => [
      {
        name: "Trang bìa",
        rows: [
          ["UBND THÀNH PHỐ CẦN THƠ"],
          ["BÁO CÁO KẾT QUẢ CHỈ SỐ CHUYỂN ĐỔI SỐ NĂM 2023"],
          [],
          ["STT", "Khối", "Số đơn vị", "Điểm tối đa", "Đơn vị dẫn đầu", "Điểm đạt được"],
          [1, "Sở, ban, ngành", 4, 1000, "Sở Xây dựng", 665],
        ],
      },
      {
        name: "Khối sở",
        rows: [
          ["KẾT QUẢ DTI KHỐI SỞ, BAN, NGÀNH NĂM 2023"],
          ["STT", "Tên cơ quan", "Điểm tối đa", "Điểm đạt được"],
          [1, "Sở Tư pháp", 1000, 905],
          [2, "Sở Xây dựng", 700, 665],
          [3, "Sở Y tế", 1000, 880],
          [4, "Sở Nội vụ", 1000, 800],
        ],
      },
    ],
    expect: {
      runnable: true,
      candidates: { "2023/1": ["Sở Xây dựng"] },
      issues: [{ code: "SUMMARY_TABLE_SKIPPED", sheet: "Trang bìa", cell: "C4" }],
      absent: ["DUPLICATE_UNIT"],
      ranked: 4,
      invalid: 0,
    },
  },
  {
    id: "titles-naming-the-bloc-with-cac",
    title:
      "Titles “… CÁC SỞ, BAN, NGÀNH NĂM 2023” and “… CÁC QUẬN, HUYỆN NĂM 2023” over two tables of one sheet give each its bloc",
    sheets: () => [
      {
        name: "Tổng hợp 2023",
        rows: [
          ["BẢNG 1. KẾT QUẢ DTI CÁC SỞ, BAN, NGÀNH NĂM 2023"],
          ["STT", "Tên cơ quan", "Điểm tối đa", "Điểm đạt được", "Tỷ lệ (%)"],
          [1, "Sở Tư pháp", 1000, 900, 90],
          [2, "Sở Xây dựng", 700, 665, 95],
          [3, "Sở Y tế", 1000, 920, 92],
          [],
          [],
          ["BẢNG 2. KẾT QUẢ DTI CÁC QUẬN, HUYỆN NĂM 2023"],
          ["STT", "Đơn vị", "Điểm đạt được", "Tỷ lệ (%)", "Điểm tối đa"],
          [1, "Quận Ninh Kiều", 850, 85, 1000],
          [2, "Quận Bình Thủy", 900, 90, 1000],
          [3, "Huyện Phong Điền", 880, 88, 1000],
        ],
      },
    ],
    expect: {
      runnable: true,
      candidates: { "2023/1": ["Sở Xây dựng"], "2023/2": ["Quận Bình Thủy"] },
      ranked: 6,
      invalid: 0,
    },
  },
  {
    id: "title-naming-two-blocs-gives-none",
    title:
      "A title naming two blocs (“CẤP HUYỆN VÀ CẤP XÃ”) gives no bloc: rows without one are reported",
    sheets: () => [
      {
        name: "Kết quả 2023",
        rows: [
          ["KẾT QUẢ CHỈ SỐ DTI CẤP HUYỆN VÀ CẤP XÃ NĂM 2023"],
          ["STT", "Đơn vị", "Điểm tối đa", "Điểm đạt được"],
          [1, "Sở Tư pháp", 1000, 900],
          [2, "Sở Y tế", 1000, 920],
        ],
      },
    ],
    expect: {
      runnable: true,
      issues: [{ code: "BLOC_UNKNOWN", sheet: "Kết quả 2023", cell: "B3" }],
      ranked: 0,
      invalid: 2,
    },
  },
  {
    id: "self-assessed-and-appraised-rows-of-one-unit",
    title:
      "Each unit on two rows under a merged name, “Tự đánh giá” then “Thẩm định”: the appraised row ranks",
    sheets: () => [
      {
        name: "DTI 2023",
        rows: [
          ["KẾT QUẢ DTI KHỐI SỞ, BAN, NGÀNH NĂM 2023"],
          [],
          ["STT", "Tên đơn vị", "Hình thức", "Điểm tối đa", "Điểm"],
          [1, "Sở Tư pháp", "Tự đánh giá", 1000, 980],
          [null, null, "Thẩm định", 1000, 880],
          [2, "Sở Y tế", "Tự đánh giá", 1000, 900],
          [null, null, "Thẩm định", 1000, 895],
          [3, "Sở Nội vụ", "Tự đánh giá", 1000, 950],
          [null, null, "Thẩm định", 1000, 870],
        ],
        merges: ["A4:A5", "B4:B5", "A6:A7", "B6:B7", "A8:A9", "B8:B9"],
      },
    ],
    expect: {
      runnable: true,
      candidates: { "2023/1": ["Sở Y tế"] },
      absent: ["UNIT_NAME_MISSING", "DUPLICATE_UNIT"],
      ranked: 3,
      invalid: 0,
    },
  },
  {
    id: "long-name-merged-over-two-rows",
    title: "A long name merged over two rows with its scores on the first: one unit, no issue",
    sheets: () => [
      {
        name: "DTI 2023",
        rows: [
          ["KẾT QUẢ DTI KHỐI SỞ, BAN, NGÀNH NĂM 2023"],
          ["STT", "Tên đơn vị", "Điểm tối đa", "Điểm đạt được"],
          [1, "Ban Quản lý các Khu chế xuất và Công nghiệp", 1000, 950],
          [null, null, null, null],
          [2, "Sở Y tế", 1000, 900],
        ],
        merges: ["A3:A4", "B3:B4", "C3:C4", "D3:D4"],
      },
    ],
    expect: {
      runnable: true,
      candidates: { "2023/1": ["Ban Quản lý các Khu chế xuất và Công nghiệp"] },
      absent: ["SCORE_MISSING", "UNIT_NAME_MISSING", "DUPLICATE_UNIT"],
      ranked: 2,
      invalid: 0,
    },
  },
  {
    id: "sum-with-binary-noise-ties-the-typed-score",
    title:
      "A total whose formula leaves 930.0999999999999 (=SUM of 300.1, 330.2, 299.8) ties with 930.1 typed, as Excel shows both",
    sheets: () => [
      flat(
        "DTI 2023",
        ["STT", "Đơn vị", "Khối", "Điểm tối đa", "Điểm đạt được"],
        [
          [1, "Sở Tư pháp", 1, 1000, 300.1 + 330.2 + 299.8],
          [2, "Sở Nội vụ", 1, 1000, 930.1],
          [3, "Sở Y tế", 1, 1000, 900],
        ],
      ),
    ],
    expect: {
      runnable: true,
      statuses: [
        [2023, "Sở Tư pháp", "tie"],
        [2023, "Sở Nội vụ", "tie"],
      ],
      issues: [{ code: "TIE_AT_CUTOFF", sheet: "DTI 2023" }],
      ranked: 3,
      invalid: 0,
    },
  },
  {
    id: "percent-typed-in-a-points-column",
    title: "“95%” typed among points out of 1000 is refused at its cell, not read as 95 points",
    sheets: () => [
      flat(
        "DTI 2023",
        ["STT", "Đơn vị", "Khối", "Điểm tối đa", "Điểm đạt được"],
        [
          [1, "Sở Tư pháp", 1, 1000, "95%"],
          [2, "Sở Nội vụ", 1, 1000, 930],
          [3, "Sở Y tế", 1, 1000, 900],
        ],
      ),
    ],
    expect: {
      runnable: true,
      issues: [{ code: "SCORE_IS_PERCENT", sheet: "DTI 2023", cell: "E2" }],
      ranked: 2,
      invalid: 1,
    },
  },
  {
    id: "fraction-among-points",
    title:
      "0.97 among points of 93 and 90 out of 100 (a cell formatted “97%”) is named at its cell",
    sheets: () => [
      flat(
        "DTI 2023",
        ["STT", "Đơn vị", "Khối", "Điểm tối đa", "Điểm đạt được"],
        [
          [1, "Sở Tư pháp", 1, 100, 93],
          [2, "Sở Nội vụ", 1, 100, 90],
          [3, "Sở Y tế", 1, 100, 0.97],
        ],
      ),
    ],
    expect: {
      runnable: true,
      issues: [{ code: "SCORE_SCALE_MIXED", sheet: "DTI 2023", cell: "E4" }],
      ranked: 3,
      invalid: 0,
    },
  },
  {
    id: "year-merged-down-its-rows",
    title: "“Năm” typed once and merged down over a year's rows: every row has that year",
    sheets: () => [
      {
        name: "Tổng hợp",
        rows: [
          ["Năm", "Đơn vị", "Khối", "Điểm tối đa", "Điểm đạt được"],
          [2023, "Sở Tư pháp", 1, 1000, 900],
          [null, "Sở Y tế", 1, 1000, 880],
          [2024, "Sở Tư pháp", 1, 1000, 870],
          [null, "Sở Y tế", 1, 1000, 910],
        ],
        merges: ["A2:A3", "A4:A5"],
      },
    ],
    expect: {
      runnable: true,
      candidates: { "2023/1": ["Sở Tư pháp"], "2024/1": ["Sở Y tế"] },
      absent: ["YEAR_MISSING"],
      ranked: 4,
      invalid: 0,
    },
  },
  {
    id: "unit-written-twice-once-abbreviated",
    title:
      "“Sở TT&TT” below “Sở Thông tin và Truyền thông” in one year and bloc is one unit written twice: the later row is reported",
    sheets: () => [
      flat(
        "DTI 2023",
        ["STT", "Đơn vị", "Khối", "Điểm tối đa", "Điểm đạt được"],
        [
          [1, "Sở Thông tin và Truyền thông", 1, 700, 600],
          [2, "Sở Tư pháp", 1, 1000, 900],
          [3, "Sở TT&TT", 1, 700, 690],
          [4, "Sở Tài chính", 1, 1000, 850],
        ],
      ),
    ],
    expect: {
      runnable: true,
      candidates: { "2023/1": ["Sở Tư pháp"] },
      issues: [{ code: "UNIT_WRITTEN_TWICE", sheet: "DTI 2023", cell: "B4" }],
      ranked: 3,
      invalid: 1,
    },
  },
  {
    id: "zero-points-among-points",
    title:
      "A unit with 0 points among scores of hundreds (it did not take part) is ranked last, with no scale warning",
    sheets: () => [
      flat(
        "DTI 2023",
        ["STT", "Đơn vị", "Khối", "Điểm tối đa", "Điểm đạt được"],
        [
          [1, "Sở Tư pháp", 1, 1000, 930],
          [2, "Sở Nội vụ", 1, 1000, 0],
          [3, "Sở Y tế", 1, 1000, 900],
        ],
      ),
    ],
    expect: {
      runnable: true,
      candidates: { "2023/1": ["Sở Tư pháp"] },
      statuses: [[2023, "Sở Nội vụ", "not-selected"]],
      absent: ["SCORE_SCALE_MIXED", "SCORE_MISSING"],
      ranked: 3,
      invalid: 0,
    },
  },
  {
    id: "pillars-before-total",
    title: "Pillar columns before “Tổng điểm”: the total ranks",
    sheets: () => [
      flat(
        "DTI 2023",
        [
          "STT",
          "Tên cơ quan, đơn vị",
          "Khối",
          "Điểm chính quyền số",
          "Điểm kinh tế số",
          "Điểm xã hội số",
          "Tổng điểm",
          "Điểm tối đa",
        ],
        [
          [1, "Sở Tư pháp", 1, 500, 100, 200, 800, 1000],
          [2, "Sở Nội vụ", 1, 300, 300, 300, 900, 1000],
        ],
      ),
    ],
    expect: { runnable: true, candidates: { "2023/1": ["Sở Nội vụ"] }, ranked: 2, invalid: 0 },
  },
  {
    id: "self-then-appraised",
    title: "“Điểm tự đánh giá” before “Điểm thẩm định”: the appraised score ranks",
    sheets: () => [
      flat(
        "DTI 2023",
        ["Đơn vị", "Khối", "Điểm tối đa", "Điểm tự đánh giá", "Điểm thẩm định"],
        [
          ["Sở Tư pháp", 1, 1000, 990, 700],
          ["Sở Nội vụ", 1, 1000, 800, 790],
        ],
      ),
    ],
    expect: { runnable: true, candidates: { "2023/1": ["Sở Nội vụ"] }, ranked: 2, invalid: 0 },
  },
  {
    id: "year-columns",
    title: "“Điểm năm 2022” before “Điểm năm 2023” on the 2023 table: 2023 ranks",
    sheets: () => [
      flat(
        "DTI 2023",
        ["Đơn vị", "Khối", "Điểm tối đa", "Điểm năm 2022", "Điểm năm 2023"],
        [
          ["Sở Tư pháp", 1, 1000, 990, 700],
          ["Sở Nội vụ", 1, 1000, 800, 790],
        ],
      ),
    ],
    expect: { runnable: true, candidates: { "2023/1": ["Sở Nội vụ"] }, ranked: 2, invalid: 0 },
  },
  {
    id: "ratio-without-max",
    title: "A written ratio and no max column: the ratio ranks, not the raw score",
    sheets: () => [
      flat(
        "DTI 2023",
        ["Đơn vị", "Khối", "Tổng điểm", "Tỷ lệ (%)"],
        [
          ["Sở Tư pháp", 1, 900, 90],
          ["Sở Nội vụ", 1, 665, 95],
        ],
      ),
    ],
    expect: { runnable: true, candidates: { "2023/1": ["Sở Nội vụ"] }, ranked: 2, invalid: 0 },
  },
  {
    id: "two-row-header",
    title: "“Điểm” merged over “Đạt được | Tối đa”",
    sheets: () => [
      flat(
        "Khối 1 năm 2023",
        ["STT", "Tên đơn vị", "Điểm", "", "Tỷ lệ (%)"],
        [
          ["", "", "Đạt được", "Tối đa", ""],
          [1, "Sở Tư pháp", 450, 500, 90],
          [2, "Sở Nội vụ", 900, 1000, 90],
          [3, "Sở Y tế", 700, 700, 100],
        ],
        { merges: ["C1:D1", "A1:A2", "B1:B2", "E1:E2"] },
      ),
    ],
    expect: { runnable: true, candidates: { "2023/1": ["Sở Y tế"] }, ranked: 3, invalid: 0 },
  },
  {
    id: "merged-bloc-column",
    title: "The bloc written once and merged over its units' rows: every unit gets its bloc",
    sheets: () => [
      flat(
        "DTI 2023",
        ["STT", "Khối", "Tên cơ quan, đơn vị", "Điểm tối đa", "Điểm đạt được"],
        [
          [1, 1, "Sở Tư pháp", 1000, 900],
          [2, null, "Sở Nội vụ", 1000, 950],
          [3, null, "Sở Y tế", 1000, 800],
          [4, 3, "UBND phường An Cư", 100, 90],
          [5, null, "UBND phường Cái Khế", 100, 95],
          [6, null, "UBND xã Trường Long", 100, 80],
          [7, null, "UBND phường An Hòa", 100, 70],
        ],
        { merges: ["B2:B4", "B5:B8"] },
      ),
    ],
    expect: {
      runnable: true,
      candidates: {
        "2023/1": ["Sở Nội vụ"],
        "2023/3": ["UBND phường Cái Khế", "UBND phường An Cư", "UBND xã Trường Long"],
      },
      absent: ["BLOC_UNKNOWN"],
      ranked: 7,
      invalid: 0,
    },
  },
  {
    id: "stray-cell-at-grid-end",
    title:
      "A stray value in XFD1048576, the grid's last cell: the table is read, the sheet sparsely",
    sheets: () => [
      {
        ...flat(
          "DTI 2023",
          ["STT", "Tên cơ quan, đơn vị", "Khối", "Điểm tối đa", "Điểm đạt được"],
          [
            [1, "Sở Tư pháp", 1, 1000, 900],
            [2, "Sở Nội vụ", 1, 1000, 950],
          ],
        ),
        cells: { XFD1048576: "x" },
      },
    ],
    expect: { runnable: true, candidates: { "2023/1": ["Sở Nội vụ"] }, ranked: 2, invalid: 0 },
  },
  {
    id: "two-readings-refused",
    title: "Two score columns that rank differently: the table is refused, naming both",
    sheets: () => [
      flat(
        "Bảng điểm",
        ["Đơn vị", "Khối", "Điểm tối đa", "Điểm năm 2022", "Điểm năm 2023"],
        [
          ["Sở Tư pháp", 1, 1000, 990, 700],
          ["Sở Nội vụ", 1, 1000, 800, 790],
        ],
      ),
    ],
    // Nothing else to rank: the command line exits 2 with the refusal, the add-in writes nothing.
    expect: { runnable: false, issues: [{ code: "COLUMN_AMBIGUOUS", sheet: "Bảng điểm" }] },
  },
  {
    id: "aggregate-rows-and-company-names",
    title: "“Tổng công ty …” is a unit; “Cộng khối”, “TB khối”, “Số đơn vị” are not",
    sheets: () => [
      flat(
        "DTI 2023",
        ["STT", "Tên đơn vị", "Khối", "Điểm tối đa", "Điểm đạt được"],
        [
          [1, "Tổng công ty Viễn thông MobiFone – Chi nhánh Cần Thơ", 4, 100, 95],
          [2, "Viễn thông Cần Thơ (VNPT)", 4, 100, 90],
          [null, "Cộng khối IV", null, 200, 185],
          [null, "TB khối IV", null, 100, 92.5],
          [3, "Sở Tư pháp", 1, 1000, 700],
          [null, "Điểm trung bình khối", null, 1000, 700],
          [null, "Số đơn vị", null, null, 3],
        ],
      ),
    ],
    expect: {
      runnable: true,
      candidates: {
        "2023/4": ["Tổng công ty Viễn thông MobiFone – Chi nhánh Cần Thơ"],
        "2023/1": ["Sở Tư pháp"],
      },
      ranked: 3,
      invalid: 0,
    },
  },
  {
    id: "side-by-side",
    title: "Two tables side by side on one sheet: both read",
    sheets: () => [
      flat(
        "DTI 2023",
        ["KHỐI SỞ, BAN, NGÀNH", "", "", "", "KHỐI UBND QUẬN, HUYỆN"],
        [
          ["STT", "Đơn vị", "Điểm", "", "STT", "Đơn vị", "Điểm"],
          [1, "Sở Tư pháp", 900, "", 1, "UBND quận Ninh Kiều", 700],
          [2, "Sở Nội vụ", 800, "", 2, "UBND huyện Cờ Đỏ", 750],
        ],
      ),
    ],
    expect: {
      runnable: true,
      candidates: { "2023/1": ["Sở Tư pháp"], "2023/2": ["UBND huyện Cờ Đỏ"] },
      ranked: 4,
      invalid: 0,
    },
  },
  {
    id: "far-from-a1",
    title: "A table below row 40 and right of column E: both doors read it",
    sheets: () => [
      {
        name: "DTI 2023",
        origin: "H45",
        rows: [
          ["Tên đơn vị", "Khối", "Điểm tối đa", "Điểm"],
          ["Sở Tư pháp", 1, 1000, 900],
          ["Sở Nội vụ", 1, 1000, 800],
        ],
      },
    ],
    expect: { runnable: true, candidates: { "2023/1": ["Sở Tư pháp"] }, ranked: 2, invalid: 0 },
  },
  {
    id: "hidden-only",
    title: "The only score table on a hidden sheet: read, with a warning",
    sheets: () => [
      { name: "Ghi chú", rows: [["Bảng điểm ở trang ẩn"]] },
      flat(
        "DTI 2023",
        ["Đơn vị", "Khối", "Điểm tối đa", "Điểm"],
        [
          ["Sở Tư pháp", 1, 1000, 900],
          ["Sở Nội vụ", 1, 1000, 800],
        ],
        { hidden: true },
      ),
    ],
    expect: {
      runnable: true,
      candidates: { "2023/1": ["Sở Tư pháp"] },
      issues: [{ code: "SHEET_HIDDEN_READ", sheet: "DTI 2023" }],
      ranked: 2,
      invalid: 0,
    },
  },
  {
    id: "yearless-sheet-beside-dated",
    title: "A year-less sheet beside a dated one takes the workbook's year, not --year",
    year: 2024,
    sheets: () => [
      flat("DTI 2023", ["Đơn vị", "Khối", "Điểm tối đa", "Điểm"], [["Sở Tư pháp", 1, 1000, 900]]),
      flat("Doanh nghiệp", ["Tên doanh nghiệp", "Điểm"], [["VNPT Cần Thơ", 90]]),
    ],
    expect: {
      runnable: true,
      issues: [{ code: "ROWS_OF_OTHER_YEARS" }],
      absent: ["YEAR_MISSING"],
      ranked: 0,
    },
  },
  {
    id: "other-provinces-wording",
    title: "Other provinces' headings and headers (“KHỐI HUYỆN, THỊ XÃ, THÀNH PHỐ”, “Giá trị DTI”)",
    sheets: () => [
      flat(
        "DTI 2023",
        ["STT", "Tên địa phương", "Giá trị DTI"],
        [
          ["I", "KHỐI SỞ, BAN, NGÀNH"],
          [1, "Sở Tư pháp", "0,8340"],
          [2, "Sở Nội vụ", "0,7411"],
          ["II", "KHỐI HUYỆN, THỊ XÃ, THÀNH PHỐ"],
          [1, "Huyện Phong Điền", "0,6420"],
          [2, "Thị xã Long Mỹ", "0,7020"],
          [null, "UBND CÁC HUYỆN, THỊ XÃ, THÀNH PHỐ"],
          [3, "Thành phố Vị Thanh", "0,5000"],
        ],
      ),
    ],
    expect: {
      runnable: true,
      candidates: { "2023/1": ["Sở Tư pháp"], "2023/2": ["Thị xã Long Mỹ"] },
      ranked: 5,
      invalid: 0,
    },
  },
  {
    id: "not-considered-without-score",
    title: "A unit marked “Không xét” without a score is excluded, not an error",
    sheets: () => [
      flat(
        "DTI 2023",
        ["Đơn vị", "Khối", "Điểm tối đa", "Điểm", "Ghi chú"],
        [
          ["Sở Tư pháp", 1, 1000, null, "Không xét"],
          ["Sở Nội vụ", 1, 1000, 800, null],
        ],
      ),
    ],
    expect: {
      runnable: true,
      candidates: { "2023/1": ["Sở Nội vụ"] },
      statuses: [[2023, "Sở Tư pháp", "excluded"]],
      issues: [{ code: "UNIT_EXCLUDED_UNSCORED" }],
      invalid: 0,
    },
  },
  {
    id: "mixed-ratio-scales",
    title: "0.99 among 91 and 95 in a ratio column is flagged at its cell, not read as 99 %",
    sheets: () => [
      flat(
        "DTI 2023",
        ["Đơn vị", "Khối", "Tỷ lệ (%)"],
        [
          ["Sở Tư pháp", 1, 0.99],
          ["Sở Nội vụ", 1, 95],
          ["Sở Y tế", 1, 91],
        ],
      ),
    ],
    expect: {
      runnable: true,
      candidates: { "2023/1": ["Sở Nội vụ"] },
      issues: [{ code: "RATIO_SCALE_MIXED", sheet: "DTI 2023", cell: "C2" }],
      ranked: 2,
      invalid: 1,
    },
  },
  {
    id: "hidden-old-total-column",
    title: "A hidden old “Tổng điểm” beside the visible score after review: the visible one ranks",
    sheets: () => [
      flat(
        "DTI 2023",
        ["Đơn vị", "Khối", "Điểm tối đa", "Tổng điểm", "Điểm sau phúc khảo"],
        [
          ["Sở Tư pháp", 1, 1000, 990, 700],
          ["Sở Nội vụ", 1, 1000, 800, 790],
        ],
        { hiddenColumns: [4] },
      ),
    ],
    expect: { runnable: true, candidates: { "2023/1": ["Sở Nội vụ"] }, ranked: 2, invalid: 0 },
  },
  {
    id: "hidden-row-proposed",
    title: "A unit on a hidden row is ranked, and its proposal is flagged at its cell",
    sheets: () => [
      flat(
        "DTI 2023",
        ["Đơn vị", "Khối", "Điểm tối đa", "Điểm đạt được"],
        [
          ["Sở Tư pháp (số liệu cũ)", 1, 1000, 990],
          ["Sở Nội vụ", 1, 1000, 790],
        ],
        { hiddenRows: [2] },
      ),
    ],
    expect: {
      runnable: true,
      candidates: { "2023/1": ["Sở Tư pháp (số liệu cũ)"] },
      issues: [
        { code: "ROWS_HIDDEN_RANKED", sheet: "DTI 2023", cell: "A2" },
        { code: "HIDDEN_UNIT_PROPOSED", sheet: "DTI 2023", cell: "A2" },
      ],
      ranked: 2,
      invalid: 0,
    },
  },
  {
    id: "signing-date-above-table",
    title: "A signing-date line “ngày 20 tháng 3 năm 2024” above the table is not a stated maximum",
    sheets: () => [
      {
        name: "DTI 2023",
        rows: [
          ["UBND THÀNH PHỐ CẦN THƠ", null, null, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"],
          [null, null, null, "Cần Thơ, ngày 20 tháng 3 năm 2024"],
          ["BẢNG ĐIỂM CHỈ SỐ CHUYỂN ĐỔI SỐ NĂM 2023"],
          [],
          ["STT", "Đơn vị", "Khối", "Điểm đạt được", "Tỷ lệ (%)"],
          [1, "Sở Tư pháp", 1, 800, 80],
          [2, "Sở Nội vụ", 1, 450, 90],
        ],
      },
    ],
    expect: {
      runnable: true,
      candidates: { "2023/1": ["Sở Nội vụ"] },
      ranked: 2,
      invalid: 0,
      absent: ["MAX_FROM_HEADER", "SCORE_ABOVE_MAX", "RATIO_MISMATCH"],
    },
  },
  {
    id: "highest-lowest-rows",
    title: "“Điểm cao nhất”, “Thấp nhất” and “Highest” rows under the units are not ranked",
    sheets: () => [
      flat(
        "DTI 2023",
        ["Đơn vị", "Khối", "Điểm tối đa", "Điểm đạt được"],
        [
          ["Sở Tư pháp", 1, 1000, 800],
          ["Sở Nội vụ", 1, 1000, 900],
          ["Điểm cao nhất", 1, 1000, 900],
          ["Thấp nhất", 1, 1000, 800],
          ["Highest score", 1, 1000, 900],
          ["Điểm bình quân", 1, 1000, 850],
        ],
      ),
    ],
    expect: { runnable: true, candidates: { "2023/1": ["Sở Nội vụ"] }, ranked: 2, invalid: 0 },
  },
  {
    id: "unit-in-two-blocs",
    title: "A unit written in two blocs of one year is reported at the second row, ranked once",
    sheets: () => [
      flat(
        "DTI 2023",
        ["Đơn vị", "Khối", "Điểm tối đa", "Điểm đạt được"],
        [
          ["Sở Tư pháp", 1, 1000, 800],
          ["Sở Nội vụ", 1, 1000, 700],
          ["UBND quận Ninh Kiều", 2, 1000, 900],
          ["Sở Tư pháp", 3, 1000, 990],
          ["UBND xã Tân Thạnh", 3, 500, 400],
        ],
      ),
    ],
    expect: {
      runnable: true,
      candidates: { "2023/1": ["Sở Tư pháp"], "2023/3": ["UBND xã Tân Thạnh"] },
      issues: [{ code: "UNIT_IN_TWO_BLOCS", sheet: "DTI 2023", cell: "A5" }],
      ranked: 4,
      invalid: 1,
    },
  },
  {
    id: "nominees-without-year-several-years",
    title: "A nominee sheet without a year beside 2022 and 2023 tables is not given to both years",
    sheets: () => [
      flat(
        "DTI 2022",
        ["Đơn vị", "Khối", "Điểm tối đa", "Điểm đạt được"],
        [
          ["Sở Tư pháp", 1, 1000, 800],
          ["Sở Nội vụ", 1, 1000, 700],
        ],
      ),
      flat(
        "DTI 2023",
        ["Đơn vị", "Khối", "Điểm tối đa", "Điểm đạt được"],
        [
          ["Sở Tư pháp", 1, 1000, 850],
          ["Sở Nội vụ", 1, 1000, 700],
        ],
      ),
      flat(
        "Cá nhân đề xuất",
        ["STT", "Họ và tên", "Chức vụ", "Đơn vị công tác", "Trực tiếp thực hiện"],
        [[1, "Nguyễn Văn An", "Chuyên viên", "Sở Tư pháp", "x"]],
      ),
    ],
    expect: {
      runnable: true,
      candidates: { "2022/1": ["Sở Tư pháp"], "2023/1": ["Sở Tư pháp"] },
      issues: [{ code: "NOMINEE_YEAR_UNSTATED", sheet: "Cá nhân đề xuất", cell: "A1" }],
      individuals: { "2022/1": [], "2023/1": [] },
    },
  },
  {
    id: "nominees-without-year-one-year-chosen",
    title: "The same undated nominee sheet serves the one year the officer chose",
    year: 2023,
    sheets: () => [
      flat(
        "DTI 2022",
        ["Đơn vị", "Khối", "Điểm tối đa", "Điểm đạt được"],
        [["Sở Tư pháp", 1, 1000, 800]],
      ),
      flat(
        "DTI 2023",
        ["Đơn vị", "Khối", "Điểm tối đa", "Điểm đạt được"],
        [["Sở Tư pháp", 1, 1000, 850]],
      ),
      flat(
        "Cá nhân đề xuất",
        ["STT", "Họ và tên", "Chức vụ", "Đơn vị công tác", "Trực tiếp thực hiện"],
        [[1, "Nguyễn Văn An", "Chuyên viên", "Sở Tư pháp", "x"]],
      ),
    ],
    expect: {
      runnable: true,
      absent: ["NOMINEE_YEAR_UNSTATED"],
      individuals: { "2023/1": ["Nguyễn Văn An"] },
    },
  },
  {
    id: "nominee-unit-other-letter",
    title: "A nominee of “xã Trường Xuân C” is not given to “xã Trường Xuân A”",
    sheets: () => [
      flat(
        "DTI 2023",
        ["Đơn vị", "Khối", "Điểm tối đa", "Điểm đạt được"],
        [
          ["UBND xã Trường Xuân A", 3, 500, 480],
          ["UBND xã Trường Long", 3, 500, 470],
          ["UBND xã Tân Thạnh", 3, 500, 460],
          ["UBND xã Đông Bình", 3, 500, 450],
        ],
      ),
      flat(
        "Cá nhân đề xuất",
        ["STT", "Họ và tên", "Chức vụ", "Đơn vị công tác", "Trực tiếp thực hiện"],
        [
          [1, "Lê Văn Cờ", "Chuyên viên", "UBND xã Trường Xuân C", "x"],
          [2, "Lê Thị Mai", "Chuyên viên", "UBND xã Trường Long", "x"],
        ],
      ),
    ],
    expect: {
      runnable: true,
      issues: [{ code: "NOMINEE_UNIT_UNKNOWN", sheet: "Cá nhân đề xuất", cell: "D2" }],
      absent: ["NOMINEE_UNIT_UNSURE"],
      individuals: { "2023/3": ["Lê Thị Mai"] },
    },
  },
  {
    id: "signature-block-under-table",
    title: "“Nơi nhận:” and the signer under the table end it; a scored row below is still read",
    sheets: () => [
      flat(
        "DTI 2023",
        ["STT", "Đơn vị", "Khối", "Điểm tối đa", "Điểm đạt được", "Ghi chú"],
        [
          [1, "Sở Tư pháp", 1, 1000, 800, null],
          [2, "Sở Nội vụ", 1, 1000, 900, null],
          [],
          ["Nơi nhận:", null, null, null, "KT. GIÁM ĐỐC"],
          ["- Như trên;", null, null, null, "PHÓ GIÁM ĐỐC"],
          ["- Lưu: VT, CĐS.", null, null, null, "(Đã ký)"],
          [null, "Nguyễn Văn Hùng", null, null, null, null],
          [3, "Sở Y tế", 1, 1000, 950, "bổ sung"],
        ],
      ),
    ],
    expect: {
      runnable: true,
      candidates: { "2023/1": ["Sở Y tế"] },
      ranked: 3,
      invalid: 0,
      absent: ["SCORE_MISSING", "UNIT_NAME_MISSING"],
    },
  },
  {
    id: "sheet-year-against-title-year",
    title: "A sheet named “DTI 2025” whose title states 2024 is refused, naming both years",
    sheets: () => [sheetOfAnotherYear()],
    expect: {
      runnable: false,
      issues: [{ code: "YEAR_CONFLICT", sheet: "DTI 2025", cell: "A3" }],
    },
  },
  {
    id: "sheet-year-against-title-year-chosen",
    title: "The same sheet ranks in the year the officer chose, one of the two it states",
    year: 2024,
    sheets: () => [sheetOfAnotherYear()],
    expect: {
      runnable: true,
      candidates: { "2024/1": ["Sở Nội vụ"] },
      absent: ["YEAR_CONFLICT"],
      ranked: 2,
      invalid: 0,
    },
  },
  {
    id: "dot-decimals-comma-thousands",
    title: "Scores typed “914.31” with one “1,050”: the comma groups thousands",
    sheets: () => [
      flat(
        "DTI 2023",
        ["Đơn vị", "Khối", "Điểm tối đa", "Điểm đạt được"],
        [
          ["Sở Tư pháp", 1, 1000, "914.31"],
          ["Sở Nội vụ", 1, 1000, "920.5"],
          ["Sở Công Thương", 1, 1100, "1,050"],
        ],
      ),
    ],
    expect: {
      runnable: true,
      candidates: { "2023/1": ["Sở Công Thương"] },
      ranked: 3,
      invalid: 0,
    },
  },
  {
    id: "draft-beside-official",
    title: "“Bản nháp 2023” beside “Chính thức 2023”: the official sheet ranks, the draft is named",
    sheets: () => [
      flat(
        "Bản nháp 2023",
        ["Đơn vị", "Khối", "Điểm tối đa", "Điểm đạt được"],
        [
          ["Sở Y tế", 1, 1000, 999],
          ["Sở Nội vụ", 1, 1000, 900],
        ],
      ),
      flat(
        "Chính thức 2023",
        ["Đơn vị", "Khối", "Điểm tối đa", "Điểm đạt được"],
        [
          ["Sở Y tế", 1, 1000, 850],
          ["Sở Nội vụ", 1, 1000, 900],
        ],
      ),
      flat(
        "Dự thảo 2024 (chưa thẩm định)",
        ["Đơn vị", "Khối", "Điểm tối đa", "Điểm đạt được"],
        [["Sở Y tế", 1, 1000, 990]],
      ),
    ],
    expect: {
      runnable: true,
      candidates: { "2023/1": ["Sở Nội vụ"] },
      issues: [
        { code: "SHEET_DRAFT_SKIPPED", sheet: "Bản nháp 2023" },
        { code: "SHEET_DRAFT_SKIPPED", sheet: "Dự thảo 2024 (chưa thẩm định)" },
      ],
      absent: ["DUPLICATE_UNIT"],
      ranked: 2,
      invalid: 0,
    },
  },
  {
    id: "draft-only",
    title: "A workbook whose only table is on a draft sheet: read, with a warning",
    sheets: () => [
      flat(
        "Bản nháp 2023",
        ["Đơn vị", "Khối", "Điểm tối đa", "Điểm đạt được"],
        [
          ["Sở Y tế", 1, 1000, 850],
          ["Sở Nội vụ", 1, 1000, 900],
        ],
      ),
    ],
    expect: {
      runnable: true,
      candidates: { "2023/1": ["Sở Nội vụ"] },
      issues: [{ code: "SHEET_DRAFT_READ", sheet: "Bản nháp 2023" }],
      ranked: 2,
    },
  },
  {
    id: "nominees-on-two-sheets",
    title: "Nominees on two sheets (“Cá nhân khối 1-2”, “Cá nhân khối 3”): both are read",
    sheets: () => [
      flat(
        "DTI 2023",
        ["Đơn vị", "Khối", "Điểm tối đa", "Điểm đạt được"],
        [
          ["Sở Tư pháp", 1, 1000, 900],
          ["UBND quận Bình Thủy", 2, 1000, 900],
          ["UBND xã Tân Thạnh", 3, 500, 480],
          ["UBND xã Trường Long", 3, 500, 470],
        ],
      ),
      flat(
        "Cá nhân khối 1-2",
        ["STT", "Họ và tên", "Chức vụ", "Đơn vị công tác", "Trực tiếp thực hiện"],
        [
          [1, "Nguyễn Văn An", "Chuyên viên", "Sở Tư pháp", "x"],
          [2, "Trần Thị Bình", "Chuyên viên", "UBND quận Bình Thủy", "x"],
        ],
      ),
      flat(
        "Cá nhân khối 3",
        ["STT", "Họ và tên", "Đơn vị công tác", "Chức vụ"],
        [
          [1, "Lê Văn Cờ", "UBND xã Trường Long", "Công chức"],
          [2, "Võ Thị Dung", "UBND xã Tân Thạnh", "Công chức"],
          [3, "Tên Không Đơn Vị", "UBND xã Không Có", "Công chức"],
        ],
      ),
    ],
    expect: {
      runnable: true,
      individuals: {
        "2023/1": ["Nguyễn Văn An"],
        "2023/2": ["Trần Thị Bình"],
        "2023/3": ["Võ Thị Dung", "Lê Văn Cờ"],
      },
      issues: [{ code: "NOMINEE_UNIT_UNKNOWN", sheet: "Cá nhân khối 3", cell: "C4" }],
    },
  },
  {
    id: "groups-within-blocs",
    title:
      "“Nhóm 1: …” groups in bloc 1 and “UBND huyện …” headings among communes are headings; a district with a blank score is reported",
    sheets: () => [
      {
        name: "DTI 2023",
        rows: [
          ["BẢNG ĐIỂM CHỈ SỐ CHUYỂN ĐỔI SỐ NĂM 2023"],
          [],
          ["STT", "Tên cơ quan, đơn vị", "Điểm tối đa", "Điểm đạt được", "Tỷ lệ (%)"],
          ["I", "KHỐI SỞ, BAN, NGÀNH"],
          ["1", "Nhóm 1: Cơ quan có cung cấp dịch vụ công trực tuyến"],
          [1, "Sở Tư pháp", 1000, 900, 90],
          [2, "Sở Y tế", 1000, 850, 85],
          ["2", "Nhóm 2: Cơ quan chỉ đánh giá chính quyền số"],
          [3, "Sở Xây dựng", 700, 665, 95],
          ["II", "KHỐI UBND QUẬN, HUYỆN"],
          [4, "UBND quận Bình Thủy", 1000, 900, 90],
          [5, "Huyện Phong Điền", null, null, null],
          ["III", "KHỐI UBND XÃ, PHƯỜNG, THỊ TRẤN"],
          [null, "UBND quận Ninh Kiều"],
          [6, "UBND phường Cái Khế", 500, 450, 90],
          [null, "UBND huyện Thới Lai"],
          [7, "UBND xã Tân Thạnh", 500, 480, 96],
        ],
      },
    ],
    expect: {
      runnable: true,
      candidates: {
        "2023/1": ["Sở Xây dựng"],
        "2023/2": ["UBND quận Bình Thủy"],
        "2023/3": ["UBND xã Tân Thạnh", "UBND phường Cái Khế"],
      },
      issues: [{ code: "SCORE_MISSING", sheet: "DTI 2023", cell: "D12" }],
      absent: ["UNIT_IN_TWO_BLOCS"],
      ranked: 6,
      invalid: 1,
    },
  },
  {
    id: "penalty-then-final",
    title: "“Điểm đạt được | Điểm trừ | Điểm sau khi trừ”: the score after the penalty ranks",
    sheets: () => [
      flat(
        "DTI 2023",
        ["Đơn vị", "Khối", "Điểm tối đa", "Điểm đạt được", "Điểm trừ", "Điểm sau khi trừ"],
        [
          ["Sở Tư pháp", 1, 1000, 900, 0, 900],
          ["Sở Y tế", 1, 1000, 950, 100, 850],
        ],
      ),
    ],
    expect: { runnable: true, candidates: { "2023/1": ["Sở Tư pháp"] }, ranked: 2, invalid: 0 },
  },
  {
    id: "two-years-side-by-side",
    title:
      "“Điểm tối đa 2022 | Điểm 2022 | Điểm tối đa 2023 | Điểm 2023” on a 2023 sheet: 2023 ranks",
    sheets: () => [
      flat(
        "DTI 2023",
        ["Đơn vị", "Khối", "Điểm tối đa 2022", "Điểm 2022", "Điểm tối đa 2023", "Điểm 2023"],
        [
          ["Sở Tư pháp", 1, 500, 499, 1000, 800],
          ["Sở Y tế", 1, 500, 300, 1000, 900],
        ],
      ),
    ],
    expect: { runnable: true, candidates: { "2023/1": ["Sở Y tế"] }, ranked: 2, invalid: 0 },
  },
  {
    id: "cells-officers-type",
    title:
      "“942,5 điểm”, a dash for “not assessed”, and “Không xét” typed in the score and max cells",
    sheets: () => [
      flat(
        "DTI 2023",
        ["Đơn vị", "Khối", "Điểm tối đa", "Điểm đạt được", "Ghi chú"],
        [
          ["Sở Tư pháp", 1, "1.000 điểm", "942,5 điểm", null],
          ["Sở Nội vụ", 1, "1.000 điểm", "900 điểm", null],
          ["Sở Y tế", 1, "-", "-", "Chưa đánh giá"],
          ["Sở Xây dựng", 1, "Không xét", "Không xét", null],
        ],
      ),
    ],
    expect: {
      runnable: true,
      candidates: { "2023/1": ["Sở Tư pháp"] },
      statuses: [
        [2023, "Sở Y tế", "excluded"],
        [2023, "Sở Xây dựng", "excluded"],
      ],
      ranked: 4,
      invalid: 0,
    },
  },
  {
    id: "result-column-holds-ratio",
    title: "“Kết quả” holding score ÷ max × 100 beside score and max is read as the ratio",
    sheets: () => [
      flat(
        "DTI 2023",
        ["Đơn vị", "Khối", "Điểm tối đa", "Điểm đạt được", "Kết quả"],
        [
          ["Sở Tư pháp", 1, 1000, 950, 95],
          ["Sở Nội vụ", 1, 500, 470, 94],
          ["Sở Y tế", 1, 700, 630, 90],
        ],
      ),
    ],
    expect: { runnable: true, candidates: { "2023/1": ["Sở Tư pháp"] }, ranked: 3, invalid: 0 },
  },
  {
    id: "district-column-same-named-communes",
    title: "Two “Xã Thạnh Phú” told apart by a “Thuộc huyện” column, nominees naming the district",
    sheets: () => [
      flat(
        "DTI 2023",
        ["Đơn vị", "Thuộc huyện", "Khối", "Điểm tối đa", "Điểm đạt được"],
        [
          ["UBND xã Thạnh Phú", "Huyện Cờ Đỏ", 3, 500, 480],
          ["UBND xã Thạnh Phú", "Huyện Vĩnh Thạnh", 3, 500, 470],
          ["UBND xã Tân Thạnh", "Huyện Thới Lai", 3, 500, 300],
        ],
      ),
      flat(
        "Cá nhân đề xuất",
        ["STT", "Họ và tên", "Chức vụ", "Đơn vị công tác", "Trực tiếp thực hiện"],
        [
          [1, "Lê Văn Cờ", "Chuyên viên", "UBND xã Thạnh Phú, huyện Cờ Đỏ", "x"],
          [2, "Lê Văn Vĩnh", "Chuyên viên", "UBND xã Thạnh Phú (Vĩnh Thạnh)", "x"],
        ],
      ),
    ],
    expect: {
      runnable: true,
      absent: ["DUPLICATE_UNIT"],
      ranked: 3,
      invalid: 0,
      individuals: { "2023/3": ["Lê Văn Cờ", "Lê Văn Vĩnh"] },
    },
  },
  {
    id: "district-table-headed-quan-huyen",
    title: "A district table whose name column is headed “Quận, huyện” ranks its districts",
    sheets: () => [
      flat(
        "DTI 2023",
        ["STT", "Quận, huyện", "Điểm tối đa", "Điểm đạt được"],
        [
          [1, "Quận Ninh Kiều", 1000, 850],
          [2, "Quận Bình Thủy", 1000, 907],
        ],
        {},
      ),
    ],
    expect: {
      runnable: true,
      candidates: { "2023/2": ["Quận Bình Thủy"] },
      ranked: 2,
      invalid: 0,
    },
  },
  {
    id: "commune-table-with-district-column",
    title: "“Xã, phường, thị trấn” beside “Quận, huyện”: communes ranked, districts group them",
    sheets: () => [
      flat(
        "Khối 3 năm 2023",
        ["STT", "Xã, phường, thị trấn", "Quận, huyện", "Điểm tối đa", "Điểm đạt được"],
        [
          [1, "Xã Thạnh Phú", "Huyện Cờ Đỏ", 500, 480],
          [2, "Xã Thạnh Phú", "Huyện Vĩnh Thạnh", 500, 470],
          [3, "Phường An Cư", "Quận Ninh Kiều", 500, 300],
          [4, "Xã Tân Thạnh", "Huyện Thới Lai", 500, 200],
        ],
      ),
    ],
    expect: {
      runnable: true,
      candidates: { "2023/3": ["Xã Thạnh Phú", "Xã Thạnh Phú", "Phường An Cư"] },
      absent: ["DUPLICATE_UNIT"],
      ranked: 4,
      invalid: 0,
    },
  },
  {
    id: "bloc-column-against-section",
    title: "A unit under “I. KHỐI SỞ, BAN, NGÀNH” whose bloc column says 3 is reported, not moved",
    sheets: () => [
      flat(
        "DTI 2023",
        ["STT", "Đơn vị", "Khối", "Điểm tối đa", "Điểm đạt được"],
        [
          ["I", "KHỐI SỞ, BAN, NGÀNH"],
          [1, "Sở Tư pháp", 1, 1000, 800],
          [2, "Sở Y tế", 3, 1000, 990],
          ["II", "KHỐI UBND XÃ, PHƯỜNG, THỊ TRẤN"],
          [3, "UBND xã Đông Bình", 3, 500, 450],
        ],
      ),
    ],
    expect: {
      runnable: true,
      candidates: { "2023/1": ["Sở Tư pháp"], "2023/3": ["UBND xã Đông Bình"] },
      issues: [{ code: "BLOC_SECTION_CONFLICT", sheet: "DTI 2023", cell: "C4" }],
      ranked: 2,
      invalid: 1,
    },
  },
  {
    id: "wards-on-a-districts-sheet",
    title:
      "Wards on a sheet named “Quận huyện 2025” (copied from last year) are reported, not ranked as districts",
    sheets: () => [
      flat(
        "Quận huyện 2025",
        ["STT", "Đơn vị", "Điểm tối đa", "Điểm đạt được"],
        [
          [1, "UBND phường Ninh Kiều", 1000, 900],
          [2, "UBND phường Cái Khế", 1000, 800],
        ],
      ),
    ],
    expect: {
      runnable: true,
      issues: [{ code: "BLOC_NAME_CONFLICT", sheet: "Quận huyện 2025", cell: "B2" }],
      ranked: 0,
      invalid: 2,
    },
  },
  {
    id: "sheet-bloc-against-title-bloc",
    title: "A sheet named “Xã phường” whose title says “KHỐI SỞ, BAN, NGÀNH” is refused",
    sheets: () => [
      {
        name: "Xã phường",
        rows: [
          ["KẾT QUẢ CHỈ SỐ CHUYỂN ĐỔI SỐ KHỐI SỞ, BAN, NGÀNH NĂM 2023"],
          [],
          ["STT", "Đơn vị", "Điểm tối đa", "Điểm đạt được"],
          [1, "Sở Tư pháp", 1000, 800],
          [2, "Sở Y tế", 1000, 900],
        ],
      },
    ],
    expect: {
      runnable: false,
      issues: [{ code: "BLOC_SOURCES_DIFFER", sheet: "Xã phường", cell: "A3" }],
    },
  },
  {
    id: "column-numbers-row",
    title: "The row of column numbers under the header (“(1) (2) … (5)=(4)/(3)*100”) is not a unit",
    sheets: () => [
      flat(
        "DTI 2023",
        ["STT", "Đơn vị", "Khối", "Điểm tối đa", "Điểm đạt được", "Tỷ lệ (%)"],
        [
          ["(1)", "(2)", "(3)", 4, "(5)", "(6)=(5)/(4)*100"],
          [1, "Sở Tư pháp", 1, 1000, 800, 80],
          [2, "Sở Nội vụ", 1, 1000, 900, 90],
        ],
      ),
    ],
    expect: { runnable: true, candidates: { "2023/1": ["Sở Nội vụ"] }, ranked: 2, invalid: 0 },
  },
  {
    id: "two-years-merged-over-columns",
    title:
      "“Năm 2022 | Năm 2023” merged over the columns of an undated sheet: refused, pointing to the year",
    sheets: () => [twoYearsSideBySide()],
    expect: { runnable: false, issues: [{ code: "COLUMN_AMBIGUOUS", sheet: "DTI" }] },
  },
  {
    id: "two-years-merged-over-columns-year-chosen",
    title: "The same sheet with the year chosen ranks that year's columns",
    year: 2023,
    sheets: () => [twoYearsSideBySide()],
    expect: { runnable: true, candidates: { "2023/1": ["Sở Y tế"] }, ranked: 2, invalid: 0 },
  },
  {
    id: "three-row-header",
    title:
      "A header three rows deep (“Kết quả đánh giá” over “Điểm đạt được” over the pillars and “Tổng”) is one table",
    sheets: () => [
      {
        name: "DTI 2023",
        rows: [
          ["STT", "Tên cơ quan, đơn vị", "Khối", "Kết quả đánh giá", null, null, null, null, null],
          [null, null, null, "Điểm tối đa", "Điểm đạt được", null, null, null, "Tỷ lệ (%)"],
          [null, null, null, null, "Chính quyền số", "Kinh tế số", "Xã hội số", "Tổng", null],
          [1, "Sở Tư pháp", 1, 1000, 500, 100, 200, 800, 80],
          [2, "Sở Nội vụ", 1, 1000, 300, 300, 300, 900, 90],
        ],
        merges: ["A1:A3", "B1:B3", "C1:C3", "D1:I1", "D2:D3", "E2:H2", "I2:I3"],
      },
    ],
    expect: { runnable: true, candidates: { "2023/1": ["Sở Nội vụ"] }, ranked: 2, invalid: 0 },
  },
  {
    id: "normalized-score-without-max",
    title: "“Điểm đạt được” and “Điểm chuẩn hóa” without a max column: the normalized score ranks",
    sheets: () => [
      flat(
        "DTI 2023",
        ["Đơn vị", "Khối", "Điểm đạt được", "Điểm chuẩn hóa (thang 1.000)"],
        [
          ["Sở Tư pháp", 1, 900, 900],
          ["Ban Quản lý các Khu chế xuất và Công nghiệp Cần Thơ", 1, 660, 943],
        ],
      ),
    ],
    expect: {
      runnable: true,
      candidates: { "2023/1": ["Ban Quản lý các Khu chế xuất và Công nghiệp Cần Thơ"] },
      absent: ["COLUMN_AMBIGUOUS"],
      ranked: 2,
      invalid: 0,
    },
  },
];
