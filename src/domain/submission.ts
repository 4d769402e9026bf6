/**
 * The draft submission (Tờ trình) that carries the proposal list to the City Chairman through the
 * Emulation and Commendation Board (Plan 140, sections III.2.b and IV.3), as text: the parts of
 * an administrative document of Decree 30/2020/NĐ-CP (issuer, number and symbol left blank for
 * the clerk, place and date, kind and subject, addressee, body, recipients, signature), with the
 * list attached. The .docx writer lays it out.
 */
import type { ProposalList } from "./proposalList";
import { roundName } from "./reviewRound";

export interface Submission {
  readonly list: ProposalList;
  /** "Số:      /TTr-STTTT": the number is the clerk's to fill in. */
  readonly number: string;
  /** "Cần Thơ, ngày      tháng      năm 2025". */
  readonly dateLine: string;
  /** "TỜ TRÌNH". */
  readonly kind: string;
  /** The subject line (trích yếu). */
  readonly subject: string;
  /** "Kính gửi: …". */
  readonly addressee: string;
  readonly paragraphs: readonly string[];
  /** "Nơi nhận:" and its lines. */
  readonly receiversTitle: string;
  readonly receivers: readonly string[];
  readonly signer: string;
  /** A visible mark while ties wait for the council; null for a complete list. */
  readonly draftNote: string | null;
}

/**
 * The submission of a proposal list. An administrative document is written in Vietnamese: the
 * list given should be the Vietnamese one.
 *
 * @example
 * buildSubmission(list).subject
 * //=> "Về việc đề nghị tặng Bằng khen của Chủ tịch Ủy ban nhân dân thành phố cho các tập thể, cá nhân …"
 */
export function buildSubmission(list: ProposalList): Submission {
  const by = list.submitter;
  const round = roundName(list.round, "vi");
  const collectives = list.collectives.length;
  const individuals = list.individuals.length;
  const regime =
    list.budgetBasis.match(/Nghị định \d+\/\d{4}\/NĐ-CP/)?.[0] ?? "các quy định hiện hành";
  const indexYear =
    list.round === list.year ? `năm ${list.year}` : `năm ${list.year} (phục vụ ${round})`;
  const paragraphs = [
    "Căn cứ Luật Thi đua, khen thưởng số 06/2022/QH15 ngày 15 tháng 6 năm 2022;",
    `Căn cứ ${regime.replace("Nghị định", "Nghị định số")} của Chính phủ;`,
    "Căn cứ Kế hoạch số 140/KH-UBND ngày 22 tháng 6 năm 2022 của Ủy ban nhân dân thành phố Cần Thơ phát động Phong trào thi đua “Chuyển đổi số đến năm 2025”;",
    `Trên cơ sở kết quả Bộ chỉ số đánh giá chuyển đổi số thành phố Cần Thơ ${indexYear} và đề xuất của các cơ quan, đơn vị, địa phương, ${by.agencyName} đã tổng hợp, xét chọn theo số lượng của Kế hoạch. ${by.agencyName} kính trình Chủ tịch Ủy ban nhân dân thành phố xem xét, tặng Bằng khen cho ${collectives} tập thể và ${individuals} cá nhân có thành tích xuất sắc trong Phong trào thi đua “Chuyển đổi số đến năm 2025”, ${round} (có danh sách kèm theo).`,
    `${list.budgetBasis} ${list.budgetText}`,
    `${by.agencyName} kính trình Chủ tịch Ủy ban nhân dân thành phố xem xét, quyết định./.`,
  ];
  const draftNote = list.draft
    ? `DỰ THẢO: còn ${list.pending.reduce((n, p) => n + p.open, 0)} suất bằng điểm chờ Hội đồng thi đua – khen thưởng xét chọn; danh sách chưa đủ để trình.`
    : null;
  return {
    list,
    number: `Số:       /TTr-${by.short}`,
    dateLine: `${by.place}, ngày      tháng      năm ${list.documentYear}`,
    kind: "TỜ TRÌNH",
    subject: `Về việc đề nghị tặng Bằng khen của Chủ tịch Ủy ban nhân dân thành phố cho các tập thể, cá nhân có thành tích xuất sắc trong Phong trào thi đua “Chuyển đổi số đến năm 2025”, ${round}`,
    addressee: "Kính gửi: Chủ tịch Ủy ban nhân dân thành phố Cần Thơ.",
    paragraphs,
    receiversTitle: "Nơi nhận:",
    receivers: [
      "- Như trên;",
      "- Ban Thi đua - Khen thưởng (Sở Nội vụ);",
      `- Lưu: VT, ${by.short}.`,
    ],
    signer: by.signer,
    draftNote,
  };
}
