import {
  classifyNomineeHeader,
  classifyScoreHeader,
  findHeaderRow,
  headerKey,
  mapHeaderRow,
  maxFromHeader,
  yearFromSheetName,
  yearFromTitleRows,
  yearsInText,
} from "../../src/domain/headers";
import type { HeaderMatch, ScoreHeaderRole } from "../../src/domain/headers";

const isScoreHeader = (m: HeaderMatch<ScoreHeaderRole>): boolean =>
  m.columns.unit !== undefined && m.columns.score !== undefined;

describe("classifyScoreHeader", () => {
  it.each([
    ["Tên cơ quan, đơn vị", "unit"],
    ["Đơn vị", "unit"],
    ["Tên doanh nghiệp", "unit"],
    ["Unit name", "unit"],
    ["Enterprise", "unit"],
    ["Điểm đạt được", "score"],
    ["Tổng điểm", "score"],
    ["Điểm đánh giá (thang 100)", "score"],
    ["Score", "score"],
    ["Total score", "score"],
    ["Điểm tối đa", "maxScore"],
    ["Thang điểm", "maxScore"],
    ["Max score", "maxScore"],
    ["Tỷ lệ (%)", "ratio"],
    ["Tỉ lệ", "ratio"],
    ["Percent", "ratio"],
    ["Khối", "bloc"],
    ["Bloc", "bloc"],
    ["Năm", "year"],
    ["Year", "year"],
    ["Không xét", "excluded"],
    ["Excluded", "excluded"],
    ["Ghi chú", "note"],
    ["Notes", "note"],
    ["STT", "index"],
    ["No.", "index"],
    ["Xếp hạng trong khối", "rank"],
    ["Giá trị DTI", "score"],
    ["Chỉ số DTI", "score"],
    ["PDTI", "score"],
    ["Điểm thẩm định", "score"],
    ["Năm 2023", "score"],
    ["Tên địa phương", "unit"],
    ["Địa phương", "unit"],
    ["Tỉnh, thành phố", "unit"],
    ["Các tỉnh, thành phố trực thuộc TW", "unit"],
    ["Không xếp hạng", "excluded"],
  ])("reads %s as %s", (text, role) => {
    expect(classifyScoreHeader(text)).toBe(role);
  });

  it("matches headers without diacritics, in NFD and in capitals", () => {
    expect(classifyScoreHeader("Diem toi da")).toBe("maxScore");
    expect(classifyScoreHeader("Điểm đạt được".normalize("NFD"))).toBe("score");
    expect(classifyScoreHeader("TÊN CƠ QUAN, ĐƠN VỊ")).toBe("unit");
  });

  it("does not take a total line or a group name for a header", () => {
    expect(classifyScoreHeader("Tổng số đơn vị được đánh giá")).toBeNull();
    expect(classifyScoreHeader("Group")).toBeNull();
  });
});

describe("classifyNomineeHeader", () => {
  it("reads the nominee sheet's headers", () => {
    expect(classifyNomineeHeader("Họ và tên")).toBe("person");
    expect(classifyNomineeHeader("Full name")).toBe("person");
    expect(classifyNomineeHeader("Chức vụ")).toBe("title");
    expect(classifyNomineeHeader("Đơn vị công tác")).toBe("unit");
    expect(classifyNomineeHeader("Trực tiếp thực hiện")).toBe("direct");
    expect(classifyNomineeHeader("Tóm tắt thành tích")).toBe("achievement");
  });

  it("takes “Năm” and “Năm đề nghị” for the year, never a birth year or a gender column", () => {
    expect(classifyNomineeHeader("Năm")).toBe("year");
    expect(classifyNomineeHeader("Năm đề nghị")).toBe("year");
    expect(classifyNomineeHeader("Năm sinh")).toBeNull();
    expect(classifyNomineeHeader("Nam")).toBeNull();
    expect(classifyNomineeHeader("Nam/Nữ")).toBeNull();
  });
});

describe("headerKey and maxFromHeader", () => {
  it("folds a header and reads a stated maximum", () => {
    expect(headerKey("Tỷ lệ (%)")).toBe("ty le");
    expect(maxFromHeader("Điểm đánh giá (thang 100)")).toBe(100);
    expect(maxFromHeader("Điểm (thang điểm 1000)")).toBe(1000);
    expect(maxFromHeader("Điểm đạt được")).toBeNull();
  });
});

describe("mapHeaderRow", () => {
  it("gives each role its first column and lets named headers override detection", () => {
    const row = ["STT", "Đơn vị", "Điểm", "Điểm thưởng", "Kết quả"];
    expect(mapHeaderRow(row, classifyScoreHeader).columns).toEqual({
      index: 0,
      unit: 1,
      score: 2,
    });
    const named = mapHeaderRow(row, classifyScoreHeader, { score: "KET QUA" });
    expect(named.columns.score).toBe(4);
    expect(named.missing).toEqual([]);
    const missing = mapHeaderRow(row, classifyScoreHeader, { score: "Điểm 2023" });
    expect(missing.missing).toEqual([{ role: "score", header: "Điểm 2023" }]);
    expect(missing.columns.score).toBeUndefined();
  });
});

describe("findHeaderRow", () => {
  it("finds the header under a letterhead and a merged title", () => {
    const values = [
      ["UBND THÀNH PHỐ CẦN THƠ", "UBND THÀNH PHỐ CẦN THƠ"],
      ["BẢNG TỔNG HỢP NĂM 2023", "BẢNG TỔNG HỢP NĂM 2023", "BẢNG TỔNG HỢP NĂM 2023"],
      [],
      ["STT", "Tên cơ quan, đơn vị", "Điểm tối đa", "Điểm đạt được"],
      [1, "Sở Tư pháp", 1000, 900],
    ];
    expect(findHeaderRow(values, classifyScoreHeader, isScoreHeader)?.row).toBe(3);
  });

  it("searches every row, however far down the header is", () => {
    const values: unknown[][] = Array.from({ length: 300 }, () => []);
    values.push(["Đơn vị", "Điểm"]);
    expect(findHeaderRow(values, classifyScoreHeader, isScoreHeader)?.row).toBe(300);
  });
});

describe("years in sheet names and titles", () => {
  it("reads the year of a sheet name", () => {
    expect(yearFromSheetName("DTI 2023")).toBe(2023);
    expect(yearFromSheetName("Year 2024")).toBe(2024);
    expect(yearFromSheetName("Khối 4 - Doanh nghiệp")).toBeNull();
  });

  it("prefers the title line over a dispatch line with a date", () => {
    const rows = [
      ["UBND THÀNH PHỐ CẦN THƠ"],
      ["(Kèm theo Công văn số /STTTT-CĐS ngày  tháng  năm 2024 của Sở)"],
      ["BẢNG TỔNG HỢP KẾT QUẢ ĐÁNH GIÁ CHỈ SỐ CHUYỂN ĐỔI SỐ (DTI) NĂM 2023"],
    ];
    expect(yearFromTitleRows(rows)).toBe(2023);
  });

  it("ignores dates, periods and the movement's own name", () => {
    expect(yearsInText("Cần Thơ, ngày 15 tháng 3 năm 2024")).toEqual([]);
    expect(yearsInText("Ngày 15/3/2024")).toEqual([]);
    expect(yearsInText("Phong trào Chuyển đổi số đến năm 2025")).toEqual([]);
    expect(yearsInText("Giai đoạn 2022 - 2025")).toEqual([]);
    expect(yearsInText("DTI 2023")).toEqual([2023]);
  });
});
