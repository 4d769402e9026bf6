/**
 * The draft submission (Tờ trình) with the proposal list attached, as a .docx laid out by the
 * rules of Decree 30/2020/NĐ-CP, Appendix I: A4 portrait; margins 20 mm top and bottom, 30 mm
 * left, 15 mm right; Times New Roman in black; the issuer's block top left (the governing body
 * upright, the Department bold, a short line under it, then "Số: …/TTr-…"); the national name
 * (bold, capitals, 12–13 pt) and motto (bold, 13–14 pt, a line under it as long as it) top right
 * with the place and date in italics under them; the kind of document and its subject bold and
 * centred; the body at 14 pt, justified, first lines indented; "Nơi nhận:" bold italic 12 pt with
 * its lines at 11 pt bottom left; the signer's title bold, bottom right; page numbers at 13 pt in
 * the centre of the top margin, not on the first page. The number and date are left blank for
 * the clerk who registers the document.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type ISectionOptions,
} from "docx";
import { PROPOSAL_COLUMNS, type ProposalEntry, type ProposalList } from "../domain/proposalList";
import { DECREE_30_MARGINS, DOCUMENT_FONT } from "../domain/printSheet";
import type { Submission } from "../domain/submission";

/** A4 in twentieths of a point. */
const A4 = { width: 11906, height: 16838 } as const;
const TEXT_WIDTH = A4.width - mm(DECREE_30_MARGINS.left) - mm(DECREE_30_MARGINS.right);
/** Half-points, as Word counts font sizes. */
const pt = (points: number): number => points * 2;

/** Millimetres in twentieths of a point, rounded (20 mm is 1134, not the 1133 truncation gives). */
function mm(millimetres: number): number {
  return Math.round((millimetres * 1440) / 25.4);
}

interface RunStyle {
  readonly size: number;
  readonly bold?: boolean;
  readonly italic?: boolean;
}

function run(text: string, style: RunStyle): TextRun {
  return new TextRun({
    text,
    font: DOCUMENT_FONT,
    size: pt(style.size),
    bold: style.bold ?? false,
    italics: style.italic ?? false,
    color: "000000",
  });
}

function centred(text: string, style: RunStyle, spacingAfter = 0): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { after: spacingAfter * 20 },
    children: [run(text, style)],
  });
}

/**
 * The short solid line drawn under the issuer's name, the motto and the subject: the bottom
 * border of a tiny empty paragraph, indented to the line's length.
 */
function rule(indent: number, spacingAfter = 0): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    indent: { left: indent, right: indent },
    spacing: { before: 0, after: spacingAfter * 20, line: 120 },
    border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: "000000", space: 1 } },
    children: [new TextRun({ text: "", size: 4 })],
  });
}

function plainCell(children: Paragraph[], width: number): TableCell {
  return new TableCell({
    children,
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlignTable.TOP,
  });
}

function frameless(cells: [Paragraph[], Paragraph[]], split: number): Table {
  const left = Math.round(TEXT_WIDTH * split);
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [left, TEXT_WIDTH - left],
    borders: TableBorders.NONE,
    rows: [
      new TableRow({
        children: [plainCell(cells[0], left), plainCell(cells[1], TEXT_WIDTH - left)],
      }),
    ],
  });
}

/** The issuer's block and the national name, side by side. */
function heading(submission: Submission): Table {
  const by = submission.list.submitter;
  return frameless(
    [
      [
        centred(by.parent, { size: 12 }),
        centred(by.agency, { size: 12, bold: true }),
        rule(mm(17), 6),
        centred(submission.number, { size: 13 }),
      ],
      [
        centred("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", { size: 12, bold: true }),
        centred("Độc lập - Tự do - Hạnh phúc", { size: 13, bold: true }),
        rule(mm(26), 6),
        centred(submission.dateLine, { size: 13, italic: true }),
      ],
    ],
    0.38,
  );
}

function body(text: string): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: mm(12.7) },
    spacing: { before: 120, after: 0, line: 300 },
    children: [run(text, { size: 14 })],
  });
}

function signature(submission: Submission): Table {
  return frameless(
    [
      [
        new Paragraph({
          children: [run(submission.receiversTitle, { size: 12, bold: true, italic: true })],
        }),
        ...submission.receivers.map(
          (line) => new Paragraph({ children: [run(line, { size: 11 })] }),
        ),
      ],
      [
        centred(submission.signer, { size: 14, bold: true }),
        ...Array.from({ length: 4 }, () => centred("", { size: 14 })),
        centred("(chữ ký, họ và tên)", { size: 14, italic: true }),
      ],
    ],
    0.5,
  );
}

/** Page numbers in the centre of the top margin; the first page's header stays empty. */
function pageHeaders(): ISectionOptions["headers"] {
  return {
    first: new Header({ children: [new Paragraph({ children: [] })] }),
    default: new Header({
      children: [
        new Paragraph({
          alignment: AlignmentType.CENTER,
          children: [
            new TextRun({
              children: [PageNumber.CURRENT],
              font: DOCUMENT_FONT,
              size: pt(13),
              color: "000000",
            }),
          ],
        }),
      ],
    }),
  };
}

function pageProperties(restartNumbers: boolean): ISectionOptions["properties"] {
  return {
    titlePage: true,
    page: {
      size: { width: A4.width, height: A4.height, orientation: PageOrientation.PORTRAIT },
      margin: {
        top: mm(DECREE_30_MARGINS.top),
        bottom: mm(DECREE_30_MARGINS.bottom),
        left: mm(DECREE_30_MARGINS.left),
        right: mm(DECREE_30_MARGINS.right),
        header: mm(10),
        footer: mm(10),
      },
      ...(restartNumbers ? { pageNumbers: { start: 1 } } : {}),
    },
  };
}

const LIST_HEADERS = [
  "STT",
  "Tên tập thể, họ và tên cá nhân",
  "Chức vụ",
  "Đơn vị",
  "Tóm tắt thành tích",
  "Hình thức khen thưởng",
];

/** The sheet's column proportions, the number column a little wider for "STT" at 12 pt. */
function columnTwips(): number[] {
  const columns = PROPOSAL_COLUMNS.map((w, i) => (i === 0 ? w + 1 : i === 4 ? w - 1 : w));
  const total = columns.reduce((a, w) => a + w, 0);
  return columns.map((w) => Math.floor((w / total) * TEXT_WIDTH));
}

function listCell(
  text: string,
  width: number,
  style: RunStyle,
  span = 1,
  centre = style.bold === true && span === 1,
): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    columnSpan: span,
    verticalAlign: VerticalAlignTable.CENTER,
    margins: { left: 60, right: 60, top: 40, bottom: 40 },
    children: [
      new Paragraph({
        alignment: centre ? AlignmentType.CENTER : AlignmentType.LEFT,
        children: [run(text, style)],
      }),
    ],
  });
}

function entryRow(entry: ProposalEntry, widths: readonly number[]): TableRow {
  const values = [
    String(entry.no),
    entry.name,
    entry.position,
    entry.unit,
    entry.achievement,
    entry.form,
  ];
  return new TableRow({
    cantSplit: true,
    children: values.map((v, i) => listCell(v, widths[i], { size: 12 }, 1, i === 0)),
  });
}

/** The attached list: its title, the table (header repeated on every page), the budget. */
function attachedList(list: ProposalList): (Paragraph | Table)[] {
  const widths = columnTwips();
  const full = widths.reduce((a, w) => a + w, 0);
  const rows: TableRow[] = [
    new TableRow({
      tableHeader: true,
      cantSplit: true,
      children: LIST_HEADERS.map((h, i) => listCell(h, widths[i], { size: 12, bold: true })),
    }),
  ];
  const sections: [string, readonly ProposalEntry[], "collective" | "individual"][] = [
    ["I. TẬP THỂ", list.collectives, "collective"],
    ["II. CÁ NHÂN", list.individuals, "individual"],
  ];
  for (const [title, entries, recipient] of sections) {
    rows.push(new TableRow({ children: [listCell(title, full, { size: 12, bold: true }, 6)] }));
    for (const entry of entries) rows.push(entryRow(entry, widths));
    for (const tie of list.pending.filter((p) => p.recipient === recipient)) {
      const text = `Khối ${tie.bloc}: còn ${tie.open} suất ${recipient === "collective" ? "tập thể" : "cá nhân"} chờ Hội đồng thi đua – khen thưởng xét chọn trong: ${tie.names.join(", ")}.`;
      rows.push(new TableRow({ children: [listCell(text, full, { size: 12, italic: true }, 6)] }));
    }
  }
  return [
    centred(list.title, { size: 14, bold: true }),
    centred(list.subtitle, { size: 14, bold: true }),
    centred(list.attachment, { size: 14, italic: true }, 6),
    ...(list.draft
      ? [
          centred(
            "DỰ THẢO – còn trường hợp bằng điểm chờ Hội đồng xét chọn",
            { size: 13, bold: true, italic: true },
            6,
          ),
        ]
      : []),
    new Table({ width: { size: full, type: WidthType.DXA }, columnWidths: widths, rows }),
    body(list.budgetBasis),
    body(list.budgetText),
  ];
}

/**
 * The submission as a .docx: the Tờ trình, then the attached list on a page of its own with its
 * own page numbering.
 *
 * @example
 * (await submissionDocx(buildSubmission(list))).subarray(0, 2).toString() //=> "PK"
 */
export async function submissionDocx(submission: Submission): Promise<Buffer> {
  const letter: (Paragraph | Table)[] = [
    heading(submission),
    centred("", { size: 14 }),
    centred(submission.kind, { size: 14, bold: true }),
    centred(submission.subject, { size: 14, bold: true }),
    rule(mm(55), 6),
    centred(submission.addressee, { size: 14 }, 6),
    ...(submission.draftNote
      ? [centred(submission.draftNote, { size: 13, bold: true, italic: true }, 6)]
      : []),
    ...submission.paragraphs.map(body),
    centred("", { size: 14 }),
    signature(submission),
  ];
  const document = new Document({
    creator: submission.list.submitter.agencyName,
    title: `${submission.kind} – ${submission.subject}`,
    styles: {
      default: {
        document: { run: { font: DOCUMENT_FONT, size: pt(14), color: "000000" } },
      },
    },
    sections: [
      { properties: pageProperties(false), headers: pageHeaders(), children: letter },
      {
        properties: pageProperties(true),
        headers: pageHeaders(),
        children: attachedList(submission.list),
      },
    ],
  });
  return Packer.toBuffer(document);
}
