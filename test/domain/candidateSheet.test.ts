import {
  buildCandidateSheets,
  candidateSheetName,
  dataCheckSheetName,
} from "../../src/domain/candidateSheet";
import { rankReadings, rankWorkbook } from "../../src/domain/rankWorkbook";
import type { AwardResult, SheetModel, SheetTable } from "../../src/domain/types";
import { invalidRows, readings } from "../fixtures/readings";
import { nominee, unit } from "../fixtures/units";

const DATE = "2024-03-31";

function sampleResult(): AwardResult {
  const units = [
    unit({
      name: "Sở Tư pháp",
      bloc: 1,
      score: 942.5,
      order: 0,
      source: { sheet: "DTI 2023", cell: "B11" },
    }),
    unit({ name: "Sở Y tế", bloc: 1, score: 900, order: 1 }),
    unit({ name: "Sở Nội vụ", bloc: 1, score: 990, excluded: true, order: 2 }),
    unit({ name: "Xã A", bloc: 3, score: 990, order: 3 }),
    unit({ name: "Xã B", bloc: 3, score: 950, order: 4 }),
    unit({ name: "Xã C", bloc: 3, score: 900, order: 5 }),
    unit({ name: "Xã D", bloc: 3, score: 900, order: 6 }),
    unit({ name: "Viettel", bloc: 4, score: 95, maxScore: 100, order: 7 }),
  ];
  const {
    aboveMax: bad,
    noBloc: lost,
    issues,
  } = invalidRows({ aboveMax: "Sở Xây dựng", noBloc: "Đơn vị lạ" }, 9);
  const nominees = [
    nominee({ name: "Nguyễn Văn An", unitName: "Sở Tư pháp", title: "Chuyên viên", direct: true }),
  ];
  return rankReadings(readings(units, { invalid: [bad, lost], issues, nominees }), {
    decisionDate: DATE,
  });
}

const tableNamed = (sheet: SheetModel, name: string): SheetTable => {
  const table = sheet.tables.find((t) => t.name === name);
  if (!table) throw new Error(`no table ${name}`);
  return table;
};

describe("sheet names", () => {
  it("names the sheets in Vietnamese and English within 31 characters", () => {
    expect(candidateSheetName(2023, "vi")).toBe("Đề xuất khen thưởng 2023");
    expect(candidateSheetName(2023, "en")).toBe("Award candidates 2023");
    expect(dataCheckSheetName("vi")).toBe("Kiểm tra dữ liệu");
    expect(dataCheckSheetName("en")).toBe("Data check");
    for (const name of [candidateSheetName(2025, "vi"), dataCheckSheetName("vi")]) {
      expect(name.length).toBeLessThanOrEqual(31);
      expect(name).not.toMatch(/[[\]:*?/\\]/);
    }
  });
});

describe("buildCandidateSheets", () => {
  const result = sampleResult();
  const [candidates, dataCheck] = buildCandidateSheets(result, "vi");

  it("makes one candidate sheet per year, then the data-check sheet", () => {
    expect(buildCandidateSheets(result, "vi").map((s) => [s.kind, s.name])).toEqual([
      ["candidates", "Đề xuất khen thưởng 2023"],
      ["data-check", "Kiểm tra dữ liệu"],
    ]);
  });

  it("opens with the title and the legal basis", () => {
    expect(candidates.texts[0]).toEqual({
      row: 0,
      text: "DANH SÁCH ĐỀ XUẤT KHEN THƯỞNG NĂM 2023 – PHONG TRÀO THI ĐUA “CHUYỂN ĐỔI SỐ ĐẾN NĂM 2025”",
      style: "title",
    });
    const basis = candidates.texts[1].text;
    expect(basis).toContain("140/KH-UBND");
    expect(basis).toContain("31/03/2024");
    expect(basis).toContain("Nghị định 98/2023/NĐ-CP");
    expect(basis).toContain("1.800.000");
    expect(basis).toContain("Nghị định 24/2023/NĐ-CP");
  });

  it("has a section line per bloc with its slots, or that it has no units", () => {
    const sections = candidates.texts.filter((t) => t.style === "section").map((t) => t.text);
    expect(sections).toEqual([
      "KHỐI 1 – SỞ, BAN, NGÀNH: 1 suất tập thể, 1 suất cá nhân",
      "KHỐI 2 – UBND QUẬN, HUYỆN: 1 suất tập thể, 1 suất cá nhân – không có đơn vị",
      "KHỐI 3 – UBND XÃ, PHƯỜNG, THỊ TRẤN: 3 suất tập thể, 3 suất cá nhân",
      "KHỐI 4 – DOANH NGHIỆP: 1 suất tập thể, không có suất cá nhân",
      "TỔNG HỢP THEO KHỐI",
      "CÁ NHÂN ĐƯỢC ĐỀ XUẤT (mỗi đơn vị một người, theo thứ hạng của đơn vị)",
    ]);
  });

  it("writes one table per bloc with units and valid, unique table names", () => {
    const names = candidates.tables.map((t) => t.name);
    expect(names).toEqual([
      "DeXuat2023_Khoi1",
      "DeXuat2023_Khoi3",
      "DeXuat2023_Khoi4",
      "DeXuat2023_TongHop",
      "DeXuat2023_CaNhan",
    ]);
    for (const name of names) expect(name).toMatch(/^[A-Za-z_][A-Za-z0-9_]{0,254}$/);
    expect(new Set(names).size).toBe(names.length);
  });

  it("writes each unit with its rank, ratio as a fraction, status label, prize, reason and source", () => {
    const b1 = tableNamed(candidates, "DeXuat2023_Khoi1");
    expect(b1.columns.map((c) => c.header)).toEqual([
      "STT",
      "Hạng",
      "Đơn vị",
      "Điểm",
      "Điểm tối đa",
      "Tỷ lệ",
      "Kết quả",
      "Cá nhân được chọn",
      "Chức vụ",
      "Tiền thưởng tập thể (đồng)",
      "Tiền thưởng cá nhân (đồng)",
      "Lý do",
      "Nguồn",
    ]);
    expect(b1.columns[5].format).toBe("percent");
    expect(b1.rows[0].values).toEqual([
      1,
      1,
      "Sở Nội vụ",
      990,
      1000,
      0.99,
      "Không xét",
      null,
      null,
      null,
      null,
      "Không xét theo ghi chú",
      "DTI 2023!B10",
    ]);
    expect(b1.rows[1].values).toEqual([
      2,
      2,
      "Sở Tư pháp",
      942.5,
      1000,
      0.9425,
      "Đề xuất",
      "Nguyễn Văn An",
      "Chuyên viên",
      3_600_000,
      1_800_000,
      "Hạng 2/3, trong 1 suất của khối",
      "DTI 2023!B11",
    ]);
    expect(b1.rows.map((r) => r.style)).toEqual([
      "excluded",
      "candidate",
      "not-selected",
      "invalid",
    ]);
    expect(b1.rows[3].values[6]).toBe("Không hợp lệ");
    expect(b1.rows[1].link).toEqual({ sheet: "DTI 2023", cell: "B11" });
    expect(b1.linkColumn).toBe(12);
  });

  it("labels ties for the council", () => {
    const b3 = tableNamed(candidates, "DeXuat2023_Khoi3");
    expect(b3.rows.map((r) => r.values[6])).toEqual([
      "Đề xuất",
      "Đề xuất",
      "Bằng điểm – Hội đồng xét",
      "Bằng điểm – Hội đồng xét",
    ]);
    expect(b3.rows[2].style).toBe("tie");
  });

  it("ends with a totals table per bloc and a total row", () => {
    const totals = tableNamed(candidates, "DeXuat2023_TongHop");
    expect(totals.totalRow).toBe(true);
    expect(totals.rows.map((r) => r.values)).toEqual([
      [1, 1, "Khối 1 – Sở, ban, ngành", 1, 0, 1, 1, 0, 3_600_000 + 1_800_000],
      [2, 1, "Khối 2 – UBND quận, huyện", 0, 0, 1, 0, 0, 0],
      [3, 3, "Khối 3 – UBND xã, phường, thị trấn", 2, 2, 3, 0, 0, 3 * 3_600_000],
      [4, 1, "Khối 4 – Doanh nghiệp", 1, 0, 0, 0, 0, 3_600_000],
      [null, 6, "Tổng cộng", 4, 2, 5, 1, 0, 5_400_000 + 10_800_000 + 3_600_000],
    ]);
  });

  it("lists the individuals with their status, prize and source after the totals", () => {
    const people = tableNamed(candidates, "DeXuat2023_CaNhan");
    expect(people.rows.map((r) => r.values)).toEqual([
      [
        1,
        1,
        "Nguyễn Văn An",
        2,
        "x",
        2023,
        "Đề xuất",
        "Sở Tư pháp",
        "Chuyên viên",
        expect.stringMatching(/^Cá nhân đề xuất!B\d+$/),
        1_800_000,
        "Đơn vị hạng 2/3, trong 1 suất cá nhân của khối; trực tiếp thực hiện",
      ],
    ]);
    expect(people.rows[0].style).toBe("candidate");
    expect(people.linkColumn).toBe(9);
  });

  it("lines every table's columns up under the bloc tables' widths, names in column C", () => {
    const blocTable = candidates.tables[0];
    for (const table of candidates.tables) {
      table.columns.forEach((c, i) => {
        expect(c.width).toBeLessThanOrEqual(blocTable.columns[i].width);
      });
      expect(table.columns[2].format).toBe("text");
    }
    expect(candidates.columnWidths).toEqual(blocTable.columns.map((c) => c.width));
  });

  it("freezes the rows down to the first table header and sets column widths", () => {
    expect(candidates.freezeRows).toBe(candidates.tables[0].startRow + 1);
    expect(candidates.columnWidths).toHaveLength(13);
    expect(Math.min(...candidates.columnWidths)).toBeGreaterThan(4);
  });

  it("keeps texts and tables on rows of their own", () => {
    for (const sheet of [candidates, dataCheck]) {
      const used = new Set<number>();
      const take = (row: number) => {
        expect(used.has(row)).toBe(false);
        used.add(row);
      };
      sheet.texts.forEach((t) => take(t.row));
      sheet.tables.forEach((t) => {
        for (let r = t.startRow; r <= t.startRow + t.rows.length; r += 1) take(r);
      });
    }
  });

  it("lists every issue on the data-check sheet, linked to its cell, styled by severity", () => {
    const table = dataCheck.tables[0];
    expect(table.columns.map((c) => c.header)).toEqual([
      "STT",
      "Mức độ",
      "Mã",
      "Trang tính",
      "Ô",
      "Nội dung",
    ]);
    expect(table.linkColumn).toBe(4);
    expect(table.rows).toHaveLength(result.issues.length);
    const first = table.rows[0];
    expect(first.values.slice(0, 5)).toEqual([1, "Lỗi", "SCORE_ABOVE_MAX", "DTI 2023", "D15"]);
    expect(first.style).toBe("invalid");
    expect(first.link).toEqual({ sheet: "DTI 2023", cell: "D15" });
    const warning = table.rows.find((r) => r.values[1] === "Cảnh báo");
    expect(warning?.style).toBe("tie");
    expect(dataCheck.texts.some((t) => t.text.includes("“Đơn vị lạ” (DTI 2023!B16)"))).toBe(true);
  });

  it("speaks English when asked", () => {
    const [en, check] = buildCandidateSheets(result, "en");
    expect(en.name).toBe("Award candidates 2023");
    expect(en.tables[0].name).toBe("Candidates2023_Bloc1");
    expect(en.tables[0].columns[6].header).toBe("Result");
    expect(en.tables[0].rows[1].values[6]).toBe("Candidate");
    expect(en.tables[0].rows[1].values[11]).toBe("Rank 2 of 3, within the bloc's 1 slot");
    expect(check.name).toBe("Data check");
    expect(check.tables[0].rows[0].values[1]).toBe("Error");
  });

  it("leaves text starting with “=” as it is for the writers to escape", () => {
    const r = rankReadings(readings([unit({ name: "=Sở A", bloc: 1, score: 900 })]), {
      decisionDate: DATE,
    });
    expect(buildCandidateSheets(r, "vi")[0].tables[0].rows[0].values[2]).toBe("=Sở A");
  });
});

describe("two units of one bloc with the same name in different districts", () => {
  const result = rankWorkbook(
    [
      {
        name: "DTI 2023",
        values: [
          ["STT", "Tên đơn vị", "Điểm tối đa", "Điểm đạt được"],
          ["III", "KHỐI UBND XÃ, PHƯỜNG, THỊ TRẤN"],
          ["", "Huyện Phong Điền"],
          [1, "UBND xã Tân Thới", 100, 99],
          ["", "Huyện Cờ Đỏ"],
          [2, "UBND xã Tân Thới", 100, 98],
        ],
      },
      {
        name: "Cá nhân đề xuất",
        values: [
          ["STT", "Họ và tên", "Chức vụ", "Đơn vị công tác", "Trực tiếp thực hiện"],
          [1, "Nguyễn Văn A", "Chuyên viên", "UBND xã Tân Thới (Phong Điền)", "x"],
          [2, "Trần Thị B", "Phó Chủ tịch", "UBND xã Tân Thới, huyện Cờ Đỏ", "x"],
        ],
      },
    ],
    { decisionDate: "2024-03-31" },
  );
  const sheet = buildCandidateSheets(result, "vi")[0];
  const bloc3 = sheet.tables.find((t) => t.name === "DeXuat2023_Khoi3") as SheetTable;

  it("shows each unit with its district and its own nominee", () => {
    expect(bloc3.rows.map((r) => [r.values[2], r.values[7], r.values[8]])).toEqual([
      ["UBND xã Tân Thới (Huyện Phong Điền)", "Nguyễn Văn A", "Chuyên viên"],
      ["UBND xã Tân Thới (Huyện Cờ Đỏ)", "Trần Thị B", "Phó Chủ tịch"],
    ]);
  });

  it("names the district of each person's unit in the individuals table", () => {
    const people = sheet.tables.find((t) => t.name === "DeXuat2023_CaNhan") as SheetTable;
    expect(people.rows.map((r) => [r.values[2], r.values[7]])).toEqual([
      ["Nguyễn Văn A", "UBND xã Tân Thới (Huyện Phong Điền)"],
      ["Trần Thị B", "UBND xã Tân Thới (Huyện Cờ Đỏ)"],
    ]);
  });

  it("shows plain names where no other unit of the bloc shares them", () => {
    const plain = buildCandidateSheets(
      rankWorkbook(
        [
          {
            name: "DTI 2023",
            values: [
              ["STT", "Tên đơn vị", "Khối", "Điểm tối đa", "Điểm đạt được"],
              ["", "Huyện Phong Điền"],
              [1, "UBND xã Tân Thới", 3, 100, 99],
            ],
          },
        ],
        { decisionDate: "2024-03-31" },
      ),
      "vi",
    )[0];
    const table = plain.tables.find((t) => t.name === "DeXuat2023_Khoi3") as SheetTable;
    expect(table.rows[0].values[2]).toBe("UBND xã Tân Thới");
  });
});
