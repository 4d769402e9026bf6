/**
 * The pane's part of the proposal (issue 12): the review round and the submitting Department in
 * the form (kept in the workbook, so the ribbon's Rank uses them too), and after a Rank the
 * budget, the council's decisions to record (a choice among tied units or people, a withdrawal
 * with its reason), the decisions that no longer fit, and links to the list, the summary and the
 * decisions sheet. Workbook text reaches the page only through textContent.
 */
import { budgetOf, formatVnd } from "../domain/budget";
import type { DecisionRowInput } from "../domain/decisions";
import { describeIssue } from "../domain/issues";
import { nextYearRounds, roundName } from "../domain/reviewRound";
import type {
  AwardResult,
  AwardYear,
  BlocResult,
  Lang,
  RoundMap,
  UnitResult,
  YearResult,
} from "../domain/types";
import { AWARD_YEARS } from "../domain/types";
import { localIsoDate } from "../domain/prize";
import type { RankOutcome } from "../excel/rankInExcel";
import {
  loadProposalSettings,
  saveProposalSettings,
  type ProposalSettings,
} from "../excel/proposalSettings";
import { byId, element } from "./dom";

const WORDS = {
  vi: {
    round: "Đợt xét",
    sameYear: "Cùng năm với bảng điểm",
    nextYear: "Năm sau năm điểm (chỉ số công bố năm sau)",
    agency: "Cơ quan trình",
    roundNeedsYear: "Hãy chọn “Năm xét” trước khi chọn một đợt xét cụ thể.",
    title: "Đề nghị khen thưởng",
    budget: (y: number, c: string, i: string, t: string) =>
      `Kinh phí ${y}: tập thể ${c}, cá nhân ${i}; cộng ${t} đồng`,
    pending: (n: number, vnd: string) => ` (chưa tính ${n} suất bằng điểm: ${vnd} đồng)`,
    open: (name: string) => `Mở trang “${name}”`,
    decisionsSheet: "Quyết định của Hội đồng",
    stale: "Quyết định chưa áp dụng được",
    tieCollective: (y: number, b: number, size: number, open: number) =>
      `Năm ${y} · Khối ${b}: ${size} đơn vị bằng điểm tranh ${open} suất`,
    tieIndividual: (y: number, b: number, size: number, open: number) =>
      `Năm ${y} · Khối ${b}: ${size} cá nhân (đơn vị bằng điểm) tranh ${open} suất`,
    choose: "Ghi quyết định chọn",
    pick: (open: number) => `Chọn từ 1 đến ${open}.`,
    withdrawTitle: "Rút đề nghị",
    withdrawWho: "Tập thể hoặc cá nhân",
    reason: "Lý do",
    withdraw: "Ghi quyết định rút đề nghị",
    reasonNeeded: "Hãy ghi lý do rút đề nghị.",
    recorded: "Đã ghi vào trang “Quyết định của Hội đồng”; đang xếp hạng lại…",
    person: "Cá nhân",
  },
  en: {
    round: "Review round",
    sameYear: "The score year's own",
    nextYear: "The year after the scores (index published the year after)",
    agency: "Submitting department",
    roundNeedsYear: "Choose the “Year” before choosing a particular review round.",
    title: "Award proposal",
    budget: (y: number, c: string, i: string, t: string) =>
      `Budget ${y}: collectives ${c}, individuals ${i}; total ${t} VND`,
    pending: (n: number, vnd: string) => ` (not counted: ${n} tied slot(s), ${vnd} VND)`,
    open: (name: string) => `Open “${name}”`,
    decisionsSheet: "Council decisions",
    stale: "Decisions not applied",
    tieCollective: (y: number, b: number, size: number, open: number) =>
      `${y} · Bloc ${b}: ${size} tied units for ${open} slot(s)`,
    tieIndividual: (y: number, b: number, size: number, open: number) =>
      `${y} · Bloc ${b}: ${size} people (tied units) for ${open} slot(s)`,
    choose: "Record the choice",
    pick: (open: number) => `Choose 1 to ${open}.`,
    withdrawTitle: "Withdraw a proposal",
    withdrawWho: "Collective or person",
    reason: "Reason",
    withdraw: "Record the withdrawal",
    reasonNeeded: "Write the reason for the withdrawal.",
    recorded: "Written to the council's decisions sheet; ranking again…",
    person: "Individual",
  },
} as const;

export interface ProposalActions {
  /** Writes decision rows to the decisions sheet, then ranks again. */
  readonly record: (rows: readonly DecisionRowInput[]) => Promise<void>;
  /** Brings a sheet to the front. */
  readonly open: (sheet: string) => Promise<void>;
}

/**
 * The round choice as saved rounds: "" every year its own round, "next" each year the next
 * year's, "2022"…"2025" that round for the chosen score year. Null when a round needs a year.
 *
 * @example
 * roundsFromChoice("2025", 2024) //=> { 2024: 2025 }
 * roundsFromChoice("2025", undefined) //=> null
 */
export function roundsFromChoice(choice: string, year: number | undefined): RoundMap | null {
  if (choice === "") return {};
  if (choice === "next") return nextYearRounds(AWARD_YEARS);
  const round = Number(choice);
  if (year === undefined) return null;
  return { [year]: round } as RoundMap;
}

/**
 * The choice that saved rounds stand for, for showing them again in the form.
 *
 * @example
 * choiceFromRounds({ 2022: 2023, 2023: 2024, 2024: 2025 }) //=> "next"
 * choiceFromRounds({ 2024: 2025 }) //=> "2025"
 */
export function choiceFromRounds(rounds: RoundMap): string {
  const entries = Object.entries(rounds);
  if (entries.length === 0) return "";
  const next = nextYearRounds(AWARD_YEARS);
  if (
    entries.length === Object.keys(next).length &&
    entries.every(([y, r]) => next[Number(y) as AwardYear] === r)
  ) {
    return "next";
  }
  return entries.length === 1 ? String(entries[0][1]) : "";
}

/** Sets the form's round and agency labels and options in a language. */
export function applyProposalLanguage(lang: Lang): void {
  const w = WORDS[lang];
  const label = byId("round-label");
  if (label) label.textContent = w.round;
  const agencyLabel = byId("agency-label");
  if (agencyLabel) agencyLabel.textContent = w.agency;
  const select = byId<HTMLSelectElement>("round");
  if (!select) return;
  // The labels are drawn before Office answers (and where there is no Office): the saved round
  // is put in the form by initProposalControls once the workbook is there, not read here.
  const chosen = select.value;
  select.replaceChildren(
    new Option(w.sameYear, ""),
    new Option(w.nextYear, "next"),
    ...AWARD_YEARS.map((y) => new Option(roundName(y, lang), String(y))),
  );
  select.value = chosen;
}

/** Shows the saved round and agency in the form. */
export function initProposalControls(): void {
  const saved = loadProposalSettings();
  const agency = byId<HTMLInputElement>("agency");
  if (agency) agency.value = saved.agency ?? "Sở Thông tin và Truyền thông";
  const select = byId<HTMLSelectElement>("round");
  if (select) select.value = choiceFromRounds(saved.rounds);
}

/**
 * Saves the form's round and agency for the Rank about to run; returns a message (and saves
 * nothing) when the round chosen needs a year that is not chosen.
 */
export async function saveProposalChoices(
  lang: Lang,
  year: number | undefined,
): Promise<string | null> {
  const choice = byId<HTMLSelectElement>("round")?.value ?? "";
  const rounds = roundsFromChoice(choice, year);
  if (rounds === null) return WORDS[lang].roundNeedsYear;
  const agency = (byId<HTMLInputElement>("agency")?.value ?? "").trim();
  const settings: ProposalSettings = { rounds, ...(agency !== "" ? { agency } : {}) };
  await saveProposalSettings(settings);
  return null;
}

/** The recorded data of a unit at the time of the decision. */
function basisOf(unit: UnitResult, tie: { size: number; open: number } | null) {
  return {
    ratio: unit.ratio ?? unit.score,
    rank: unit.rank,
    tieSize: tie?.size ?? null,
    open: tie?.open ?? null,
  };
}

function tieGroups(year: YearResult): {
  bloc: BlocResult;
  recipient: "collective" | "individual";
  size: number;
  open: number;
  rows: DecisionRowInput[];
  labels: string[];
}[] {
  const today = localIsoDate(new Date());
  const groups = [];
  for (const bloc of year.blocs) {
    const tied = bloc.units.filter((u) => u.status === "tie");
    if (tied.length > 0 && tied[0].tie) {
      const tie = tied[0].tie;
      groups.push({
        bloc,
        recipient: "collective" as const,
        size: tie.size,
        open: tie.open,
        labels: tied.map((u) => (u.group ? `${u.name} (${u.group})` : u.name)),
        rows: tied.map((u) => ({
          year: year.year,
          bloc: bloc.bloc,
          recipient: "collective" as const,
          unit: u.name,
          group: u.group,
          person: "",
          kind: "choose" as const,
          reason: "",
          basis: basisOf(u, tie),
          recorded: today,
        })),
      });
    }
    const people = bloc.individuals.filter((p) => p.status === "tie");
    if (people.length > 0) {
      const taken = bloc.individuals.filter((p) => p.status === "candidate").length;
      const open = Math.max(0, bloc.individualSlots - taken);
      groups.push({
        bloc,
        recipient: "individual" as const,
        size: people.length,
        open,
        labels: people.map((p) => `${p.name} (${p.unit})`),
        rows: people.map((p) => {
          const unit = bloc.units.find(
            (u) => u.source.sheet === p.unitSource.sheet && u.source.cell === p.unitSource.cell,
          );
          return {
            year: year.year,
            bloc: bloc.bloc,
            recipient: "individual" as const,
            unit: p.unit,
            group: p.unitGroup,
            person: p.name,
            kind: "choose" as const,
            reason: "",
            basis: {
              ratio: unit ? (unit.ratio ?? unit.score) : null,
              rank: p.unitRank,
              tieSize: people.length,
              open,
            },
            recorded: today,
          };
        }),
      });
    }
  }
  return groups;
}

function budgetLines(result: AwardResult, lang: Lang): string[] {
  const budget = budgetOf(result);
  if (!budget.basis) return [];
  const w = WORDS[lang];
  return budget.years.map((y) => {
    const money = (n: number | null) => (n === null ? "" : formatVnd(n, lang));
    const c = `${y.collective.count} × ${money(y.collective.unitVnd)}`;
    const i = `${y.individual.count} × ${money(y.individual.unitVnd)}`;
    const pending = y.collective.pending + y.individual.pending;
    return (
      w.budget(y.year, c, i, money(y.totalVnd)) +
      (pending > 0 ? w.pending(pending, money(y.pendingVnd)) : "")
    );
  });
}

function withdrawalChoices(
  result: AwardResult,
  lang: Lang,
): { label: string; row: Omit<DecisionRowInput, "reason" | "recorded"> }[] {
  const choices = [];
  for (const year of result.years) {
    for (const bloc of year.blocs) {
      for (const u of bloc.units.filter((x) => x.status === "candidate" || x.status === "tie")) {
        choices.push({
          label: `${year.year} · ${lang === "vi" ? "Khối" : "Bloc"} ${bloc.bloc} · ${u.name}`,
          row: {
            year: year.year,
            bloc: bloc.bloc,
            recipient: "collective" as const,
            unit: u.name,
            group: u.group,
            person: "",
            kind: "withdraw" as const,
            basis: basisOf(u, u.tie),
          },
        });
      }
      for (const p of bloc.individuals.filter((x) => x.status !== "reserve")) {
        choices.push({
          label: `${year.year} · ${lang === "vi" ? "Khối" : "Bloc"} ${bloc.bloc} · ${WORDS[lang].person}: ${p.name} (${p.unit})`,
          row: {
            year: year.year,
            bloc: bloc.bloc,
            recipient: "individual" as const,
            unit: p.unit,
            group: p.unitGroup,
            person: p.name,
            kind: "withdraw" as const,
            basis: { ratio: null, rank: p.unitRank, tieSize: null, open: null },
          },
        });
      }
    }
  }
  return choices;
}

function linkButton(text: string, onClick: () => void, id?: string): HTMLButtonElement {
  const button = element("button", text, "link");
  button.type = "button";
  if (id) button.id = id;
  button.addEventListener("click", onClick);
  return button;
}

/**
 * Renders the proposal panel of a Rank's outcome: budget, links, decisions that no longer fit,
 * the open ties to settle and a withdrawal form.
 */
export function renderProposalPanel(
  box: HTMLElement,
  outcome: RankOutcome,
  lang: Lang,
  actions: ProposalActions,
): void {
  box.replaceChildren();
  box.hidden = outcome.kind !== "written";
  if (outcome.kind !== "written") return;
  const w = WORDS[lang];
  const result = outcome.result;
  box.append(element("h2", w.title));
  const budget = element("ul", undefined, "budget");
  budget.id = "budget";
  for (const line of budgetLines(result, lang)) budget.append(element("li", line));
  box.append(budget);

  for (const sheet of outcome.printed ?? []) {
    box.append(linkButton(w.open(sheet.name), () => void actions.open(sheet.name)));
  }
  const decisionSheet = outcome.decisionSheet;
  if (decisionSheet) {
    box.append(linkButton(w.open(decisionSheet), () => void actions.open(decisionSheet)));
  }

  const stale = result.issues.filter(
    (i) =>
      (i.code.startsWith("DECISION_") && i.code !== "DECISION_APPLIED") ||
      i.code.startsWith("ROUND_"),
  );
  if (stale.length > 0) {
    const section = element("section", undefined, "message warning");
    section.id = "decision-issues";
    section.append(element("h3", w.stale));
    const list = element("ul");
    for (const issue of stale) list.append(element("li", describeIssue(issue, lang)));
    section.append(list);
    box.append(section);
  }

  const status = element("p");
  status.id = "decision-status";
  status.setAttribute("role", "status");
  for (const year of result.years) {
    for (const group of tieGroups(year)) {
      const fieldset = element("fieldset", undefined, "tie");
      const legend =
        group.recipient === "collective"
          ? w.tieCollective(year.year, group.bloc.bloc, group.size, group.open)
          : w.tieIndividual(year.year, group.bloc.bloc, group.size, group.open);
      fieldset.append(element("legend", legend));
      const boxes = group.labels.map((label, i) => {
        const wrap = element("label", undefined, "choice");
        const input = element("input");
        input.type = "checkbox";
        input.value = String(i);
        input.dataset.unit = group.rows[i].unit;
        wrap.append(input, document.createTextNode(` ${label}`));
        fieldset.append(wrap);
        return input;
      });
      const record = element("button", w.choose, "secondary");
      record.type = "button";
      record.addEventListener("click", () => {
        const picked = boxes.filter((b) => b.checked).map((b) => group.rows[Number(b.value)]);
        if (picked.length === 0 || picked.length > group.open) {
          status.textContent = w.pick(group.open);
          return;
        }
        status.textContent = w.recorded;
        void actions.record(picked);
      });
      fieldset.append(record);
      box.append(fieldset);
    }
  }

  const choices = withdrawalChoices(result, lang);
  if (choices.length > 0) {
    const fieldset = element("fieldset", undefined, "withdraw");
    fieldset.append(element("legend", w.withdrawTitle));
    const who = element("select");
    who.id = "withdraw-who";
    who.setAttribute("aria-label", w.withdrawWho);
    choices.forEach((c, i) => who.append(new Option(c.label, String(i))));
    const reason = element("input");
    reason.id = "withdraw-reason";
    reason.type = "text";
    reason.placeholder = w.reason;
    reason.setAttribute("aria-label", w.reason);
    const button = element("button", w.withdraw, "secondary");
    button.type = "button";
    button.addEventListener("click", () => {
      const text = reason.value.trim();
      if (text === "") {
        status.textContent = w.reasonNeeded;
        return;
      }
      const chosen = choices[Number(who.value)];
      status.textContent = w.recorded;
      void actions.record([{ ...chosen.row, reason: text, recorded: localIsoDate(new Date()) }]);
    });
    fieldset.append(who, reason, button);
    box.append(fieldset);
  }
  box.append(status);
}
