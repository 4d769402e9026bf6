/**
 * The task pane: language, decision date and year, the Rank button, progress, the per-bloc
 * summary, plain error messages, and the column mapping for tables the reader is unsure of.
 * Workbook text is only ever put in the page with textContent.
 */
import {
  AWARD_YEARS,
  COLUMN_ROLES,
  type AwardResult,
  type Bilingual,
  type ColumnRole,
  type Lang,
} from "../domain/types";
import { describeIssue } from "../domain/issues";
import { activateSheet } from "../excel/activateSheet";
import { domainEngine } from "../excel/engine";
import {
  isoToday,
  loadDecisionDate,
  loadMapping,
  optionsWithMapping,
  saveDecisionDate,
  saveMapping,
  type ColumnMapping,
} from "../excel/mapping";
import {
  rankInExcel,
  type RankOutcome,
  type RankStep,
  type SheetPreview,
} from "../excel/rankInExcel";
import { RIBBON_RUN_EVENT, type RibbonRun } from "../commands/ribbonRun";
import { recordDecisions } from "../excel/decisionsSheet";
import { langFromDisplayLanguage, t, type StringKey } from "./i18n";
import {
  applyProposalLanguage,
  initProposalControls,
  renderProposalPanel,
  saveProposalChoices,
} from "./proposal";

/** The roles the officer can map (the note column is optional and not offered). */
const MAPPED_ROLES: readonly ColumnRole[] = COLUMN_ROLES.filter((role) => role !== "note");

export interface BlocSummary {
  readonly year: number;
  readonly bloc: number;
  readonly slots: number;
  readonly candidates: readonly string[];
  readonly ties: readonly string[];
  readonly invalid: number;
}

/**
 * The per-bloc lines the pane shows after a run.
 *
 * @example
 * summarize({ years: [] } as unknown as AwardResult) //=> []
 */
export function summarize(result: AwardResult): BlocSummary[] {
  return result.years.flatMap((year) =>
    year.blocs.map((bloc) => ({
      year: year.year,
      bloc: bloc.bloc,
      slots: bloc.collectiveSlots,
      candidates: bloc.units.filter((u) => u.status === "candidate").map((u) => u.name),
      ties: bloc.units.filter((u) => u.status === "tie").map((u) => u.name),
      invalid: bloc.units.filter((u) => u.status === "invalid").length,
    })),
  );
}

/**
 * Why detection is unsure, if it is, in the pane's language: no table, no year (the engine's
 * message with its sheet!cell), or a sheet with two score tables.
 *
 * @example
 * unsureReason({ kind: "written", result: { issues: [], tables: [] } } as never, "vi") //=> null
 */
export function unsureReason(outcome: RankOutcome, lang: Lang): string | null {
  if (outcome.kind === "nothing") return outcome.message[lang];
  const noYear = outcome.result.issues.find((i) => i.code === "YEAR_MISSING");
  if (noYear) return describeIssue(noYear, lang);
  const scoreSheets = outcome.result.tables
    .filter((table) => table.kind === "scores")
    .map((x) => x.sheet);
  const twice = scoreSheets.find((s, i) => scoreSheets.indexOf(s) !== i);
  return twice === undefined ? null : t(lang, "twoTables", { sheet: twice });
}

interface PaneState {
  lang: Lang;
  busy: boolean;
  previews: readonly SheetPreview[];
}

const state: PaneState = { lang: "vi", busy: false, previews: [] };

const byId = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  text?: string,
  className?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

const tr = (key: StringKey, params?: Record<string, string | number>): string =>
  t(state.lang, key, params);

function applyLanguage(): void {
  document.documentElement.lang = state.lang;
  document.title = tr("title");
  byId("title").textContent = tr("title");
  byId("intro").textContent = tr("intro");
  const lang = byId<HTMLButtonElement>("lang");
  lang.textContent = tr("language");
  lang.setAttribute("aria-label", tr("languageLabel"));
  byId("decision-date-label").textContent = tr("decisionDate");
  byId("year-label").textContent = tr("year");
  byId("rank").textContent = tr("rank");
  byId("mapping-title").textContent = tr("mappingTitle");
  byId("mapping-intro").textContent = tr("mappingIntro");
  const year = byId<HTMLSelectElement>("year");
  const chosen = year.value;
  year.replaceChildren(
    new Option(tr("allYears"), ""),
    ...AWARD_YEARS.map((y) => new Option(String(y), String(y))),
  );
  year.value = chosen;
  applyProposalLanguage(state.lang);
  renderMapping();
}

function setStatus(text: string): void {
  byId("status").textContent = text;
}

function showError(message: string, hint: StringKey = "errorHint"): void {
  const box = byId("error");
  box.replaceChildren(
    element("h2", tr("errorTitle")),
    element("p", message),
    element("p", tr(hint)),
  );
  box.hidden = false;
}

function renderResult(outcome: RankOutcome): void {
  const box = byId("result");
  box.replaceChildren();
  box.hidden = true;
  byId("error").hidden = true;
  const reason = unsureReason(outcome, state.lang);
  if (outcome.kind === "nothing") {
    setStatus("");
    // Nothing found: the way forward is the column mapping, not a retry.
    showError(outcome.message[state.lang], "nothingHint");
  } else {
    const candidates = outcome.sheets.find((s) => s.kind === "candidates") ?? outcome.sheets[0];
    setStatus(tr("done", { sheet: candidates?.name ?? "" }));
    for (const line of summarize(outcome.result)) box.append(blocCard(line));
    const check = outcome.sheets.find((s) => s.kind === "data-check");
    if (check) {
      const link = element("button", tr("openCheck", { sheet: check.name }), "link");
      link.type = "button";
      link.addEventListener("click", () => void openSheet(check.name));
      box.append(link);
    }
    box.hidden = false;
  }
  renderProposalPanel(byId("proposal"), outcome, state.lang, {
    record: async (rows) => {
      try {
        await recordDecisions(rows, state.lang);
      } catch (error) {
        showError(error instanceof Error ? error.message : String(error));
        return;
      }
      await runRank();
    },
    open: openSheet,
  });
  state.previews = outcome.previews;
  renderMapping();
  const mapping = byId<HTMLDetailsElement>("mapping");
  if (reason) {
    mapping.open = true;
    if (outcome.kind !== "nothing") {
      box.prepend(element("p", tr("unsure", { detail: reason }), "message"));
    }
  }
}

function blocCard(line: BlocSummary): HTMLElement {
  const card = element("section", undefined, "bloc");
  card.append(element("h3", `${tr("bloc", { bloc: line.bloc })} · ${line.year}`));
  const facts = element("dl");
  const fact = (key: StringKey, value: string | number, pill?: string) => {
    const dd = element("dd");
    dd.append(element("span", String(value), pill ? `pill ${pill}` : undefined));
    facts.append(element("dt", tr(key)), dd);
  };
  fact("slots", line.slots);
  fact("candidates", line.candidates.length, "candidate");
  fact("ties", line.ties.length, line.ties.length > 0 ? "tie" : undefined);
  fact("invalid", line.invalid, line.invalid > 0 ? "invalid" : undefined);
  card.append(facts);
  const names = [...line.candidates, ...line.ties];
  if (names.length > 0) {
    const list = element("ul");
    for (const name of names) list.append(element("li", name));
    card.append(list);
  }
  return card;
}

/** Opens one of the add-in's sheets, or says why it cannot. */
async function openSheet(name: string): Promise<void> {
  const gone: Bilingual = {
    vi: `Không mở được trang “${name}”: trang đã bị đổi tên hoặc xóa. Hãy bấm Xếp hạng lại.`,
    en: `Cannot open sheet “${name}”: it was renamed or deleted. Click Rank again.`,
  };
  try {
    if (!(await activateSheet(name))) showError(gone[state.lang]);
  } catch (error) {
    showError(error instanceof Error ? error.message : String(error));
  }
}

function renderMapping(): void {
  const box = byId("mapping-fields");
  box.replaceChildren();
  const saved = loadMapping();
  // Before any run has read the sheets, the saved choice is still offered (and kept if the
  // officer runs it as it is).
  const sheetNames = state.previews.map((p) => p.name);
  if (saved.sheet && !sheetNames.includes(saved.sheet)) sheetNames.unshift(saved.sheet);
  const sheetSelect = select(
    "map-sheet",
    tr("sheet"),
    [["", tr("auto")], ...sheetNames.map((n) => [n, n] as [string, string])],
    saved.sheet ?? "",
  );
  const headerRow = element("input");
  headerRow.type = "number";
  headerRow.min = "1";
  headerRow.id = "map-header-row";
  headerRow.value = saved.headerRow ? String(saved.headerRow) : "";
  box.append(sheetSelect.field, field("map-header-row", tr("headerRow"), headerRow));
  const yearSelect = select(
    "map-year",
    tr("year"),
    [["", tr("auto")], ...AWARD_YEARS.map((y) => [String(y), String(y)] as [string, string])],
    saved.year ? String(saved.year) : "",
  );
  box.append(yearSelect.field);

  const headersOf = (): string[] => {
    const preview =
      state.previews.find((p) => p.name === sheetSelect.control.value) ?? state.previews[0];
    if (!preview) return [];
    const row = Number(headerRow.value);
    const at =
      row > 0
        ? row - 1 - preview.rowOffset
        : preview.rows.findIndex((r) => r.filter((v) => v !== "").length >= 2);
    return (preview.rows[at] ?? []).filter((h) => h !== "");
  };
  const roleSelects = MAPPED_ROLES.map((role) => {
    const current = saved.headers?.[role] ?? "";
    const s = select(`map-${role}`, tr(`role_${role}` as StringKey), [["", tr("none")]], current);
    box.append(s.field);
    return { role, control: s.control, current };
  });
  const refreshHeaders = () => {
    const headers = headersOf();
    const onSavedSheet = sheetSelect.control.value === (saved.sheet ?? "");
    for (const r of roleSelects) {
      const keep = r.control.value || r.current;
      const choices =
        onSavedSheet && r.current !== "" && !headers.includes(r.current)
          ? [r.current, ...headers]
          : headers;
      r.control.replaceChildren(
        new Option(tr("none"), ""),
        ...choices.map((h) => new Option(h, h)),
      );
      r.control.value = choices.includes(keep) ? keep : "";
    }
  };
  sheetSelect.control.addEventListener("change", refreshHeaders);
  headerRow.addEventListener("change", refreshHeaders);
  refreshHeaders();

  const use = element("button", tr("useMapping"), "secondary");
  use.type = "button";
  use.addEventListener("click", () => {
    const headers = Object.fromEntries(
      roleSelects.filter((r) => r.control.value !== "").map((r) => [r.role, r.control.value]),
    );
    const mapping: ColumnMapping = {
      ...(sheetSelect.control.value ? { sheet: sheetSelect.control.value } : {}),
      ...(Number(headerRow.value) > 0 ? { headerRow: Number(headerRow.value) } : {}),
      ...(yearSelect.control.value ? { year: Number(yearSelect.control.value) } : {}),
      ...(Object.keys(headers).length > 0 ? { headers } : {}),
    };
    void saveMapping(mapping).then(runRank);
  });
  const clear = element("button", tr("clearMapping"), "secondary");
  clear.type = "button";
  clear.addEventListener("click", () => void saveMapping(null).then(renderMapping));
  box.append(use, clear);
}

function field(id: string, label: string, control: HTMLElement): HTMLElement {
  const wrap = element("div", undefined, "field");
  const l = element("label", label);
  l.htmlFor = id;
  wrap.append(l, control);
  return wrap;
}

function select(
  id: string,
  label: string,
  options: readonly [string, string][],
  value: string,
): { field: HTMLElement; control: HTMLSelectElement } {
  const control = element("select");
  control.id = id;
  for (const [v, text] of options) control.append(new Option(text, v));
  control.value = value;
  return { field: field(id, label, control), control };
}

const STEP_TEXT: Readonly<Record<RankStep, StringKey>> = {
  reading: "reading",
  ranking: "ranking",
  writing: "writing",
};

async function runRank(): Promise<void> {
  if (state.busy) return;
  state.busy = true;
  const button = byId<HTMLButtonElement>("rank");
  button.disabled = true;
  byId("error").hidden = true;
  // The earlier result would be stale while this run works.
  byId("result").hidden = true;
  try {
    const year = byId<HTMLSelectElement>("year").value;
    const decisionDate = byId<HTMLInputElement>("decision-date").value || isoToday();
    await saveDecisionDate(decisionDate);
    const roundProblem = await saveProposalChoices(state.lang, year ? Number(year) : undefined);
    if (roundProblem) {
      setStatus("");
      showError(roundProblem);
      return;
    }
    const options = optionsWithMapping(
      { decisionDate, ...(year ? { year: Number(year) } : {}) },
      loadMapping(),
    );
    const outcome = await rankInExcel(
      { options, lang: state.lang, onStep: (step) => setStatus(tr(STEP_TEXT[step])) },
      domainEngine,
    );
    renderResult(outcome);
  } catch (error) {
    setStatus("");
    showError(error instanceof Error ? error.message : String(error));
  } finally {
    state.busy = false;
    button.disabled = false;
  }
}

function start(): void {
  state.lang = langFromDisplayLanguage(Office.context.displayLanguage);
  byId<HTMLInputElement>("decision-date").value = loadDecisionDate() ?? isoToday();
  initProposalControls();
  applyLanguage();
  byId("lang").addEventListener("click", () => {
    state.lang = state.lang === "vi" ? "en" : "vi";
    applyLanguage();
  });
  byId("rank-form").addEventListener("submit", (event) => {
    event.preventDefault();
    void runRank();
  });
  window.addEventListener(RIBBON_RUN_EVENT, (event) => {
    const run = (event as CustomEvent<RibbonRun>).detail;
    if ("outcome" in run) renderResult(run.outcome);
    else showError(run.error);
  });
  document.body.dataset.ready = "true";
}

Office.onReady(() => start());
