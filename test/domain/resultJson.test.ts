import { rankReadings } from "../../src/domain/rankWorkbook";
import { toResultJson } from "../../src/domain/resultJson";
import { invalidRows, readings } from "../fixtures/readings";
import { nominee, unit } from "../fixtures/units";

const DATE = "2024-03-31";

const { aboveMax: bad, issues: invalidIssues } = invalidRows(
  { aboveMax: "Sở Y tế", noBloc: "Sở X" },
  5,
);

function result() {
  return rankReadings(
    readings(
      [
        unit({
          name: "Sở Tư pháp",
          bloc: 1,
          score: 942.5,
          source: { sheet: "DTI 2023", cell: "B11" },
          order: 0,
        }),
        unit({ name: "Viettel", bloc: 4, score: 95, maxScore: null, order: 1 }),
      ],
      {
        invalid: [bad],
        issues: invalidIssues.filter((i) => i.code === "SCORE_ABOVE_MAX"),
        nominees: [
          {
            ...nominee({ name: "Nguyễn Văn An", unitName: "Sở Tư pháp", direct: true }),
            source: { sheet: "Cá nhân đề xuất", cell: "B5" },
          },
        ],
      },
    ),
    { decisionDate: DATE },
  );
}

describe("toResultJson", () => {
  const json = toResultJson(result(), "vi");

  it("has the fixed shape of dti-awards/result@1", () => {
    expect(json.schema).toBe("dti-awards/result@1");
    expect(json.decisionDate).toBe(DATE);
    expect(json.years[0].year).toBe(2023);
    const b1 = json.years[0].blocs[0];
    expect(b1).toMatchObject({ bloc: 1, collectiveSlots: 1, individualSlots: 1 });
    expect(b1.units[0]).toMatchObject({
      name: "Sở Tư pháp",
      score: 942.5,
      maxScore: 1000,
      ratio: 0.9425,
      rank: 1,
      status: "candidate",
      prizeVnd: 3_600_000,
      source: "DTI 2023!B11",
    });
    expect(b1.individuals[0]).toMatchObject({
      name: "Nguyễn Văn An",
      unit: "Sở Tư pháp",
      status: "candidate",
      prizeVnd: 1_800_000,
      source: "Cá nhân đề xuất!B5",
    });
    expect(json.issues[0]).toEqual({
      severity: "error",
      code: "SCORE_ABOVE_MAX",
      sheet: "DTI 2023",
      cell: "D15",
      message: "Điểm của “Sở Y tế” (1200) lớn hơn điểm tối đa (1000).",
    });
  });

  it("gives an invalid unit a null rank and ratio, and a unit without max a null ratio", () => {
    const b1 = json.years[0].blocs[0];
    expect(b1.units[1]).toMatchObject({
      name: "Sở Y tế",
      rank: null,
      ratio: null,
      status: "invalid",
    });
    const b4 = json.years[0].blocs[3];
    expect(b4.units[0]).toMatchObject({ name: "Viettel", ratio: null, maxScore: null, rank: 1 });
  });

  it("adds the prize basis, the unplaced rows and the tables read", () => {
    expect(json.prize).toMatchObject({ regimeId: "98/2023/NĐ-CP", baseSalaryVnd: 1_800_000 });
    expect(json.unplaced).toEqual([]);
    expect(json.tables.map((t) => t.kind)).toEqual(["nominees"]);
  });

  it("writes messages and reasons in the language asked", () => {
    const en = toResultJson(result(), "en");
    expect(en.issues[0].message).toBe(
      "The score of “Sở Y tế” (1200) is above the max score (1000).",
    );
    expect(en.years[0].blocs[0].units[0].reason).toBe("Rank 1 of 1, within the bloc's 1 slot");
  });

  it("survives a JSON round trip unchanged", () => {
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
  });

  it("keeps the decision date when it precedes the prize tables", () => {
    const early = rankReadings(readings([unit({ score: 900 })]), { decisionDate: "2015-01-01" });
    expect(toResultJson(early, "vi")).toMatchObject({ decisionDate: "2015-01-01", prize: null });
  });
});
