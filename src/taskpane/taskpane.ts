/**
 * The task pane: language, decision date and year, the Rank button, progress, the per-bloc
 * summary, how the tables were read, plain error messages with a code to quote, and the column
 * mapping ("Chọn cột") for tables the reader is unsure of. Its labels are drawn as soon as the
 * page runs, before Office answers, so that the pane is never blank: when Office.js did not load
 * or the page is opened outside Excel it says so and what to do. Workbook text is only ever put in
 * the page with textContent.
 */
import { describeIssue } from "../domain/issues";
import {
  AWARD_YEARS,
  BLOCS,
  COLUMN_ROLES,
  type Bloc,
  type ColumnRole,
  type Lang,
} from "../domain/types";
import { activateSheet } from "../excel/activateSheet";
import { domainEngine } from "../excel/engine";
import { failure, failureOf, type Failure } from "../excel/failures";
import {
  loadDecisionDate,
  loadMapping,
  optionsWithMapping,
  saveDecisionDate,
  saveMapping,
  type ColumnMapping,
} from "../excel/mapping";
import { rankInExcel, type RankOutcome, type RankStep } from "../excel/rankInExcel";
import { RIBBON_RUN_EVENT, type RibbonRun } from "../commands/ribbonRun";
import { recordDecisions } from "../excel/decisionsSheet";
import { formatDecisionDate, parseDecisionDate } from "./decisionDate";
import { langFromDisplayLanguage, t, type StringKey } from "./i18n";
import {
  applyProposalLanguage,
  initProposalControls,
  renderProposalPanel,
  saveProposalChoices,
} from "./proposal";
import {
  columnChoices,
  columnToChoose,
  headerRowOf,
  issueCounts,
  matchingChoice,
  summarize,
  tableReading,
  unsureReason,
  type BlocSummary,
  type ColumnToChoose,
} from "./present";
import { byId as pageElement, element } from "./dom";

interface PaneState {
  lang: Lang;
  /** Office answered and the host is Excel: Rank can run. */
  ready: boolean;
  busy: boolean;
  /** What the pane shows now, drawn again when the language changes. */
  shown:
    | { readonly kind: "none" }
    | { readonly kind: "failure"; readonly failure: Failure; readonly title?: StringKey }
    | { readonly kind: "outcome"; readonly outcome: RankOutcome; readonly notices: Failure[] };
  /** "Chọn cột" is drawn for this sheet and role (a refused table's choice), once. */
  choose: ColumnToChoose | null;
}

const state: PaneState = {
  lang: "vi",
  ready: false,
  busy: false,
  shown: { kind: "none" },
  choose: null,
};

/** The pane's own elements are always there: an element of the page by id. */
const byId = <T extends HTMLElement>(id: string): T => pageElement<T>(id) as T;

const tr = (key: StringKey, params?: Record<string, string | number>): string =>
  t(state.lang, key, params);

/* ---------------------------------------------------------------------------------------------
 * Labels
 * ------------------------------------------------------------------------------------------- */

function applyLanguage(): void {
  document.documentElement.lang = state.lang;
  document.title = tr("title");
  byId("title").textContent = tr("title");
  byId("intro").textContent = tr("intro");
  const lang = byId<HTMLButtonElement>("lang");
  // The button names the other language in that language; its name is its visible text.
  lang.textContent = tr("language");
  lang.lang = state.lang === "vi" ? "en" : "vi";
  lang.title = tr("languageLabel");
  byId("rank-legend").textContent = tr("formLegend");
  byId("decision-date-label").textContent = tr("decisionDate");
  byId("decision-date-hint").textContent = tr("decisionDateHint");
  byId("year-label").textContent = tr("year");
  byId("rank-button").textContent = tr("rank");
  byId("result-title").textContent = tr("resultTitle");
  byId("readings-title").textContent = tr("readingsTitle");
  byId("mapping-title").textContent = tr("mappingTitle");
  byId("mapping-intro").textContent = tr("mappingIntro");
  const year = byId<HTMLSelectElement>("year");
  const chosen = year.value;
  year.replaceChildren(
    new Option(tr("allYears"), ""),
    ...AWARD_YEARS.map((y) => new Option(String(y), String(y))),
  );
  year.value = chosen;
  if (!byId("decision-date-error").hidden) showDateError(currentDateProblem());
  applyProposalLanguage(state.lang);
  redraw();
}

/** Draws again what the pane shows, in the current language. */
function redraw(): void {
  const shown = state.shown;
  if (shown.kind === "failure") showFailure(shown.failure, shown.title);
  else if (shown.kind === "outcome") renderOutcome(shown.outcome, shown.notices);
  else if (state.ready) renderMapping();
}

function setStatus(text: string): void {
  byId("status").textContent = text;
}

/* ---------------------------------------------------------------------------------------------
 * Failures: what happened, what to do, the code to quote and the support page
 * ------------------------------------------------------------------------------------------- */

function supportLink(): HTMLAnchorElement | null {
  const url = document.body.dataset.supportUrl;
  if (!url) return null;
  const link = element("a", tr("support"));
  link.href = url;
  link.target = "_blank";
  link.rel = "noopener noreferrer";
  return link;
}

/** The message bar of a failure: title, what happened, what to do, the code and support link. */
function failureBar(item: Failure, title: StringKey, withCode = true): HTMLElement[] {
  const parts: HTMLElement[] = [
    element("h2", tr(title)),
    element("p", item.message[state.lang]),
    element("p", item.action[state.lang]),
  ];
  if (withCode) {
    const code = element("p", undefined, "code");
    code.append(element("span", tr("errorCode")), " ", element("strong", item.code, "nowrap"));
    const link = supportLink();
    if (link) code.append(" · ", link);
    parts.push(code);
  }
  return parts;
}

function showFailure(item: Failure, title: StringKey = "errorTitle"): void {
  state.shown = { kind: "failure", failure: item, title };
  setStatus("");
  byId("result").hidden = true;
  byId("readings").hidden = true;
  const box = byId("error");
  box.replaceChildren(...failureBar(item, title));
  box.hidden = false;
  if (state.ready) renderMapping();
}

function hideFailure(): void {
  byId("error").hidden = true;
  byId("error").replaceChildren();
}

/* ---------------------------------------------------------------------------------------------
 * The decision date
 * ------------------------------------------------------------------------------------------- */

function currentDateProblem(): "DATE-MISSING" | "DATE-INVALID" | null {
  const parsed = parseDecisionDate(byId<HTMLInputElement>("decision-date").value);
  return parsed.ok ? null : parsed.code;
}

function showDateError(code: "DATE-MISSING" | "DATE-INVALID" | null): void {
  const input = byId<HTMLInputElement>("decision-date");
  const box = byId("decision-date-error");
  if (code === null) {
    box.hidden = true;
    box.textContent = "";
    input.removeAttribute("aria-invalid");
    input.setAttribute("aria-describedby", "decision-date-hint");
    return;
  }
  const problem = failure(code);
  box.textContent = `${problem.message[state.lang]} ${problem.action[state.lang]}`;
  box.hidden = false;
  input.setAttribute("aria-invalid", "true");
  input.setAttribute("aria-describedby", "decision-date-error decision-date-hint");
}

/* ---------------------------------------------------------------------------------------------
 * Progress and result
 * ------------------------------------------------------------------------------------------- */

function setBusy(busy: boolean): void {
  state.busy = busy;
  byId<HTMLButtonElement>("rank-button").disabled = busy || !state.ready;
  byId("spinner").hidden = !busy;
  byId("progress").classList.toggle("working", busy);
  // The parts being rebuilt are busy; the status line outside them keeps announcing the steps.
  for (const id of ["rank-form", "result"]) byId(id).setAttribute("aria-busy", String(busy));
}

function renderOutcome(outcome: RankOutcome, notices: readonly Failure[]): void {
  state.shown = { kind: "outcome", outcome, notices: [...notices] };
  hideFailure();
  setStatus("");
  const body = byId("result-body");
  body.replaceChildren();
  const choose = columnToChoose(outcome.result.issues);
  if (outcome.kind === "nothing") {
    byId("result").hidden = true;
    // Nothing ranked: the way forward is the column mapping, not a retry.
    const box = byId("error");
    box.replaceChildren(
      element("h2", tr(choose ? "ambiguousTitle" : "errorTitle")),
      element("p", choose ? describeIssue(choose.issue, state.lang) : outcome.message[state.lang]),
      element("p", tr("nothingHint")),
    );
    box.hidden = false;
  } else {
    body.append(...writtenSummary(outcome, choose));
  }
  for (const notice of notices) body.prepend(noticeBar(notice));
  if (outcome.kind === "written" && outcome.settingsNotSaved) {
    body.prepend(noticeBar(failureOf(outcome.settingsNotSaved)));
  }
  byId("result").hidden = body.childElementCount === 0;
  renderProposalPanel(byId("proposal"), outcome, state.lang, {
    record: async (rows) => {
      try {
        await recordDecisions(rows, state.lang);
      } catch (error) {
        showFailure(failureOf(error));
        return;
      }
      await runRank();
    },
    open: openSheet,
  });
  renderReadings(outcome);
  const mapping = byId<HTMLDetailsElement>("mapping");
  state.choose = choose;
  renderMapping();
  if (choose || unsureReason(outcome, state.lang)) mapping.open = true;
  if (choose) byId(`map-col-${choose.role}`)?.focus();
}

function noticeBar(notice: Failure): HTMLElement {
  const bar = element("section", undefined, "message-bar warning");
  bar.setAttribute("role", "alert");
  bar.append(...failureBar(notice, "settingsNotSavedTitle"));
  return bar;
}

function writtenSummary(
  outcome: Extract<RankOutcome, { kind: "written" }>,
  choose: ColumnToChoose | null,
): HTMLElement[] {
  const parts: HTMLElement[] = [];
  const candidates = outcome.sheets.find((s) => s.kind === "candidates") ?? outcome.sheets[0];
  const success = element("p", undefined, "message-bar success");
  success.append(
    element("span", "✓", "success-icon"),
    element("span", tr("done", { sheet: candidates?.name ?? "" })),
  );
  parts.push(success);

  // The data check comes first: errors and warnings are what the officer must look at.
  const counts = issueCounts(outcome.result.issues);
  const issues = element("p", undefined, "issues");
  issues.append(
    element(
      "span",
      counts.errors + counts.warnings > 0 ? tr("issuesSummary", counts) : tr("noIssues"),
    ),
  );
  const check = outcome.sheets.find((s) => s.kind === "data-check");
  if (check) {
    const link = element("button", tr("openCheck", { sheet: check.name }), "link");
    link.type = "button";
    link.id = "open-check";
    link.addEventListener("click", () => void openSheet(check.name));
    issues.append(" ", link);
  }
  parts.push(issues);

  const reason = choose
    ? describeIssue(choose.issue, state.lang)
    : unsureReason(outcome, state.lang);
  if (reason) parts.push(element("p", tr("unsure", { detail: reason }), "message-bar warning"));
  for (const line of summarize(outcome.result)) parts.push(blocCard(line));
  return parts;
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

/** "Cách đọc bảng": one line per table read, then its columns and the reader's notes. */
function renderReadings(outcome: RankOutcome): void {
  const list = byId("readings-list");
  list.replaceChildren();
  for (const table of outcome.result.tables) {
    const reading = tableReading(table, state.lang);
    const item = element("li");
    item.append(element("p", reading.title, "reading-title"));
    const lines = [...reading.columns, ...reading.notes];
    if (lines.length > 0) {
      const columns = element("ul");
      for (const line of lines) columns.append(element("li", line));
      item.append(columns);
    }
    list.append(item);
  }
  byId("readings").hidden = outcome.result.tables.length === 0;
}

/** Opens one of the add-in's sheets, or says why it cannot. */
async function openSheet(name: string): Promise<void> {
  try {
    if (!(await activateSheet(name))) showFailure(failure("SHEET-GONE"));
  } catch (error) {
    showFailure(failureOf(error));
  }
}

/* ---------------------------------------------------------------------------------------------
 * "Chọn cột"
 * ------------------------------------------------------------------------------------------- */

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

function renderMapping(): void {
  const box = byId("mapping-fields");
  box.replaceChildren();
  const saved = loadMapping();
  const outcome = state.shown.kind === "outcome" ? state.shown.outcome : null;
  const previews = outcome?.previews ?? [];
  // Before any run has read the sheets, the saved choice is still offered (and kept if the
  // officer runs it as it is).
  const sheetNames = previews.map((p) => p.name);
  if (saved.sheet && !sheetNames.includes(saved.sheet)) sheetNames.unshift(saved.sheet);
  const wantedSheet = state.choose?.sheet ?? saved.sheet ?? "";
  const sheetSelect = select(
    "map-sheet",
    tr("sheet"),
    [["", tr("auto")], ...sheetNames.map((n) => [n, n] as [string, string])],
    sheetNames.includes(wantedSheet) ? wantedSheet : "",
  );
  const headerRow = element("input");
  headerRow.type = "number";
  headerRow.min = "1";
  headerRow.id = "map-header-row";
  headerRow.value = saved.headerRow ? String(saved.headerRow) : "";
  const yearSelect = select(
    "map-rank-year",
    tr("mappingYear"),
    [["", tr("auto")], ...AWARD_YEARS.map((y) => [String(y), String(y)] as [string, string])],
    saved.year ? String(saved.year) : "",
  );
  const blocSelect = select(
    "map-sheet-bloc",
    tr("mappingBloc"),
    [
      ["", tr("auto")],
      ...BLOCS.map((b) => [String(b), tr("bloc", { bloc: b })] as [string, string]),
    ],
    saved.bloc ? String(saved.bloc) : "",
  );
  box.append(
    sheetSelect.field,
    field("map-header-row", tr("headerRow"), headerRow),
    yearSelect.field,
    blocSelect.field,
  );

  const choicesNow = () => {
    const name = sheetSelect.control.value;
    const preview =
      previews.find((p) => p.name === name) ?? (name === "" ? previews[0] : undefined);
    if (!preview) return [];
    const detected = outcome?.result.tables.find(
      (table) => table.kind === "scores" && table.sheet === preview.name,
    );
    const row = headerRowOf(preview, Number(headerRow.value) || null, detected?.headerRow ?? null);
    return columnChoices(preview, row);
  };
  const roleSelects = COLUMN_ROLES.map((role) => {
    const current = saved.columns?.[role] ?? "";
    const s = select(`map-col-${role}`, tr(`role_${role}` as StringKey), [["", tr("none")]], "");
    box.append(s.field);
    return { role, control: s.control, current };
  });
  const refreshColumns = () => {
    const choices = choicesNow();
    const onSavedSheet = sheetSelect.control.value === (saved.sheet ?? "");
    for (const r of roleSelects) {
      const keep = r.control.value || (onSavedSheet ? r.current : "");
      const matched = keep === "" ? null : matchingChoice(choices, keep);
      const options: [string, string][] = choices.map((c) => [
        c.value,
        `${c.letter} · ${c.header === "" ? tr("emptyHeader") : c.header}`,
      ]);
      // A saved column this preview does not show (no run yet, or another header row) stays.
      if (keep !== "" && matched === null) options.unshift([keep, keep]);
      r.control.replaceChildren(
        new Option(tr("none"), ""),
        ...options.map(([v, text]) => new Option(text, v)),
      );
      r.control.value = matched ?? keep;
    }
  };
  sheetSelect.control.addEventListener("change", refreshColumns);
  headerRow.addEventListener("change", refreshColumns);
  refreshColumns();

  const use = element("button", tr("useMapping"), "primary");
  use.type = "button";
  use.id = "use-mapping";
  use.disabled = !state.ready;
  use.addEventListener("click", () => {
    const columns = Object.fromEntries(
      roleSelects.filter((r) => r.control.value !== "").map((r) => [r.role, r.control.value]),
    ) as Partial<Record<ColumnRole, string>>;
    const mapping: ColumnMapping = {
      ...(sheetSelect.control.value ? { sheet: sheetSelect.control.value } : {}),
      ...(Number(headerRow.value) > 0 ? { headerRow: Number(headerRow.value) } : {}),
      ...(yearSelect.control.value ? { year: Number(yearSelect.control.value) } : {}),
      ...(Object.keys(columns).length > 0 ? { columns } : {}),
      ...(blocSelect.control.value ? { bloc: Number(blocSelect.control.value) as Bloc } : {}),
    };
    state.choose = null;
    void saveThen(saveMapping(mapping), (notices) => runRank(notices));
  });
  const clear = element("button", tr("clearMapping"), "secondary");
  clear.type = "button";
  clear.id = "clear-mapping";
  clear.disabled = !state.ready;
  clear.addEventListener("click", () => {
    state.choose = null;
    void saveThen(saveMapping(null), (notices) => {
      if (notices.length > 0) showFailure(notices[0], "settingsNotSavedTitle");
      else renderMapping();
    });
  });
  const actions = element("div", undefined, "actions");
  actions.append(use, clear);
  box.append(actions);
}

/** Waits for a settings save; a failure becomes a notice, the work goes on with what is in memory. */
async function saveThen(
  saving: Promise<void>,
  next: (notices: Failure[]) => void | Promise<void>,
): Promise<void> {
  const notices: Failure[] = [];
  try {
    await saving;
  } catch (error) {
    notices.push(failureOf(error));
  }
  await next(notices);
}

/* ---------------------------------------------------------------------------------------------
 * Rank
 * ------------------------------------------------------------------------------------------- */

const STEP_TEXT: Readonly<Record<RankStep, StringKey>> = {
  reading: "reading",
  ranking: "ranking",
  writing: "writing",
};

async function runRank(earlier: readonly Failure[] = []): Promise<void> {
  if (state.busy || !state.ready) return;
  const date = parseDecisionDate(byId<HTMLInputElement>("decision-date").value);
  if (!date.ok) {
    showDateError(date.code);
    byId("decision-date").focus();
    return;
  }
  showDateError(null);
  hideFailure();
  state.shown = { kind: "none" };
  // The earlier result would be stale while this run works.
  byId("result").hidden = true;
  byId("readings").hidden = true;
  setBusy(true);
  setStatus(tr("reading"));
  const notices = [...earlier];
  try {
    try {
      await saveDecisionDate(date.iso);
    } catch (error) {
      notices.push(failureOf(error));
    }
    const year = byId<HTMLSelectElement>("year").value;
    let roundProblem: string | null = null;
    try {
      roundProblem = await saveProposalChoices(state.lang, year ? Number(year) : undefined);
    } catch (error) {
      // The choice is set for this Rank; only keeping it in the workbook failed: say so.
      notices.push(failureOf(error));
    }
    if (roundProblem) {
      setBusy(false);
      setStatus("");
      showFailure(failure("ROUND-NEEDS-YEAR"));
      return;
    }
    const options = optionsWithMapping(
      { decisionDate: date.iso, ...(year ? { year: Number(year) } : {}) },
      loadMapping(),
    );
    const outcome = await rankInExcel(
      { options, lang: state.lang, onStep: (step) => setStatus(tr(STEP_TEXT[step])) },
      domainEngine,
    );
    setBusy(false);
    renderOutcome(outcome, notices);
  } catch (error) {
    setBusy(false);
    showFailure(failureOf(error));
  }
}

/* ---------------------------------------------------------------------------------------------
 * Start
 * ------------------------------------------------------------------------------------------- */

/** Office answered and this is Excel: the pane can rank. */
function startInExcel(): void {
  state.lang = langFromDisplayLanguage(Office.context.displayLanguage);
  const saved = loadDecisionDate();
  byId<HTMLInputElement>("decision-date").value = saved ? formatDecisionDate(saved) : "";
  initProposalControls();
  state.ready = true;
  setStatus("");
  setBusy(false);
  applyLanguage();
  window.addEventListener(RIBBON_RUN_EVENT, (event) => {
    const run = (event as CustomEvent<RibbonRun>).detail;
    if ("outcome" in run) renderOutcome(run.outcome, []);
    else showFailure(run.failure);
  });
  document.body.dataset.ready = "true";
}

/** Office cannot be used: the labels stay, the form is disabled, the failure says what to do. */
function startWithout(item: Failure): void {
  state.ready = false;
  setBusy(false);
  byId<HTMLFieldSetElement>("rank-fields").disabled = true;
  // Nothing to choose from without a workbook.
  byId("mapping").hidden = true;
  showFailure(item, "notConnectedTitle");
  document.body.dataset.ready = "failed";
}

function boot(): void {
  applyLanguage();
  setBusy(false);
  byId("lang").addEventListener("click", () => {
    state.lang = state.lang === "vi" ? "en" : "vi";
    applyLanguage();
  });
  byId("rank-form").addEventListener("submit", (event) => {
    event.preventDefault();
    void runRank();
  });
  byId("decision-date").addEventListener("change", () => {
    const input = byId<HTMLInputElement>("decision-date");
    const parsed = parseDecisionDate(input.value);
    if (parsed.ok) input.value = formatDecisionDate(parsed.iso);
    if (!byId("decision-date-error").hidden) showDateError(parsed.ok ? null : parsed.code);
  });
  // office.js is a blocking script before this bundle: if Office is not defined now, it did not load.
  if (typeof Office === "undefined") {
    startWithout(failure("OFFICE-JS-MISSING"));
    return;
  }
  setStatus(tr("connecting"));
  void Office.onReady((info) => {
    if (!info.host) startWithout(failure("OUTSIDE-OFFICE"));
    else if (info.host !== Office.HostType.Excel) startWithout(failure("NOT-EXCEL"));
    else startInExcel();
  });
}

boot();
