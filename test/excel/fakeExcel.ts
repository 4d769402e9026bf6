/**
 * An in-memory Excel host for the adapter tests and the browser test. It behaves like Office.js
 * where the add-in depends on it: proxy objects queue their commands until `context.sync()`;
 * reading a property that was not loaded and synced throws PropertyNotLoaded; syncs are counted;
 * every request (queued commands) and response (loaded values) is measured as JSON and one over
 * 5 MB rejects like Excel on the web. It has no Node imports, so the browser test can bundle it.
 */
import { columnLetter } from "../../src/domain/text";

export const PAYLOAD_LIMIT_BYTES = 5 * 1024 * 1024;
/** What one queued command costs besides its arguments (ids, method name, JSON framing). */
const COMMAND_OVERHEAD_BYTES = 40;

export type FakeValue = string | number | boolean;

export interface FakeHyperlink {
  readonly address?: string;
  readonly documentReference?: string;
  readonly textToDisplay?: string;
  readonly screenTip?: string;
}

export interface FakeCell {
  value: FakeValue;
  /** Set when a write made the cell a formula (what the apostrophe rule prevents). */
  formula: string | null;
  /** Set when a write made the cell an error value such as #N/A (not the text "#N/A"). */
  error?: boolean;
  numberFormat: string;
  fill: string | null;
  fontColor: string | null;
  bold: boolean;
  italic: boolean;
  fontSize: number | null;
  hyperlink: FakeHyperlink | null;
  wrapText: boolean;
  /* Print formats (the proposal list and the summary): set only when written. */
  fontName?: string;
  underline?: string;
  horizontalAlignment?: string;
  verticalAlignment?: string;
  /** Sides with a continuous border: "top", "bottom", "left", "right". */
  borders?: string[];
}

/** A chart added with `worksheet.charts.add` (type, source range, series, title, position). */
export interface FakeChart {
  type: string;
  seriesBy: string;
  source: { top: number; left: number; bottom: number; right: number };
  title: string;
  legend: string;
  position: { from: string; to: string } | null;
}

export interface FakeTable {
  name: string;
  sheet: FakeSheet;
  top: number;
  left: number;
  bottom: number;
  right: number;
  style: string;
  showHeaders: boolean;
}

export class RichApiError extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.name = "RichApi.Error";
    this.code = code;
  }
}

const blankCell = (): FakeCell => ({
  value: "",
  formula: null,
  numberFormat: "General",
  fill: null,
  fontColor: null,
  bold: false,
  italic: false,
  fontSize: null,
  hyperlink: null,
  wrapText: false,
});

export class FakeSheet {
  readonly cells = new Map<string, FakeCell>();
  readonly customProperties = new Map<string, string>();
  readonly columnWidths = new Map<number, number>();
  frozenRows = 0;
  /** Print settings written through `worksheet.pageLayout` (ExcelApi 1.9). */
  readonly pageLayout: { orientation?: string; paperSize?: string; [setting: string]: unknown } =
    {};
  /* Print layout written for the proposal list and the summary. */
  readonly rowHeights = new Map<number, number>();
  readonly charts: FakeChart[] = [];
  /** Rows that start a new printed page (`horizontalPageBreaks.add`). */
  readonly pageBreaks: number[] = [];
  showGridlines = true;
  visibility: "Visible" | "Hidden" | "VeryHidden" = "Visible";
  /**
   * Merged areas (0-based, inclusive): as the officer merged them (test setup), and as the add-in
   * merges the print-ready sheets' heading cells.
   */
  readonly merges: { top: number; left: number; bottom: number; right: number }[] = [];
  /** Rows and columns the officer hid (0-based). */
  readonly hiddenRows = new Set<number>();
  readonly hiddenColumns = new Set<number>();

  constructor(
    readonly id: string,
    public name: string,
  ) {}

  cell(row: number, col: number): FakeCell {
    const key = `${row},${col}`;
    let found = this.cells.get(key);
    if (!found) {
      found = blankCell();
      this.cells.set(key, found);
    }
    return found;
  }

  peek(row: number, col: number): FakeCell | undefined {
    return this.cells.get(`${row},${col}`);
  }

  value(row: number, col: number): FakeValue {
    return this.peek(row, col)?.value ?? "";
  }

  /** Writes raw cell values (test setup): no formula or number coercion. */
  setValues(values: readonly (readonly unknown[])[], top = 0, left = 0): void {
    values.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v === null || v === undefined || v === "") return;
        this.cell(top + r, left + c).value = v as FakeValue;
      }),
    );
  }

  /** The used range: cells with a value (valuesOnly) or with a value or any format. */
  usedBounds(
    valuesOnly: boolean,
  ): { top: number; left: number; bottom: number; right: number } | null {
    let top = Infinity;
    let left = Infinity;
    let bottom = -1;
    let right = -1;
    for (const [key, cell] of this.cells) {
      const used =
        cell.value !== "" ||
        (!valuesOnly && (cell.fill !== null || cell.numberFormat !== "General" || cell.bold));
      if (!used) continue;
      const [r, c] = key.split(",").map(Number);
      top = Math.min(top, r);
      left = Math.min(left, c);
      bottom = Math.max(bottom, r);
      right = Math.max(right, c);
    }
    return bottom < 0 ? null : { top, left, bottom, right };
  }

  /** All values from A1 to the last used cell, for before/after comparisons in tests. */
  snapshot(): FakeValue[][] {
    const bounds = this.usedBounds(false);
    if (!bounds) return [];
    return Array.from({ length: bounds.bottom + 1 }, (_r, r) =>
      Array.from({ length: bounds.right + 1 }, (_c, c) => this.value(r, c)),
    );
  }

  /** A row's values from column A to the last used column. */
  rowValues(row: number): FakeValue[] {
    const bounds = this.usedBounds(true);
    if (!bounds) return [];
    return Array.from({ length: bounds.right + 1 }, (_c, c) => this.value(row, c));
  }

  /** The 0-based row whose column `col` (any column when omitted) equals `text`, or -1. */
  findRow(text: string, col?: number): number {
    let found = -1;
    for (const [key, cell] of this.cells) {
      const [r, c] = key.split(",").map(Number);
      if (cell.value === text && (col === undefined || c === col) && (found < 0 || r < found)) {
        found = r;
      }
    }
    return found;
  }
}

export interface SyncRecord {
  readonly requestBytes: number;
  readonly responseBytes: number;
  readonly commands: number;
}

export class FakeWorkbook {
  readonly sheets: FakeSheet[] = [];
  readonly tables: FakeTable[] = [];
  readonly settings = new Map<string, unknown>();
  readonly savedSettings = new Map<string, unknown>();
  readonly syncs: SyncRecord[] = [];
  readonly unsupportedSets = new Set<string>();
  /** How many times the add-in asked Office to show its task pane. */
  taskpaneShown = 0;
  displayLanguage = "vi-VN";
  activeSheet: FakeSheet | null = null;
  /** Requirement sets this host offers instead of the defaults (e.g. what the manifest declares). */
  readonly offeredSets = new Map<string, string>();
  /** When set, `settings.saveAsync` fails with this Office error and saves nothing. */
  settingsSaveFailure: { code: number; message: string } | null = null;
  /** When set, every `context.sync()` inside `Excel.run` rejects with this Excel error code. */
  syncFailure: { code: string; message: string } | null = null;
  /** What Office.js would have written to the console (e.g. "[DuplicatedName] Function=RANK"). */
  readonly consoleWarnings: string[] = [];
  private syncGate: Promise<void> | null = null;
  private openGate: (() => void) | null = null;
  private nextId = 1;

  /** Holds every `context.sync()` inside `Excel.run` until `releaseSyncs()`: a Rank that works. */
  holdSyncs(): void {
    if (this.syncGate) return;
    this.syncGate = new Promise((resolve) => {
      this.openGate = resolve;
    });
  }

  releaseSyncs(): void {
    this.openGate?.();
    this.syncGate = null;
    this.openGate = null;
  }

  /** Resolves when syncs may run (at once unless they are held). */
  syncsAllowed(): Promise<void> {
    return this.syncGate ?? Promise.resolve();
  }

  addSheet(
    name: string,
    values: readonly (readonly unknown[])[] = [],
    top = 0,
    left = 0,
  ): FakeSheet {
    assertSheetName(this, name);
    const sheet = new FakeSheet(`{sheet-${this.nextId++}}`, name);
    sheet.setValues(values, top, left);
    this.sheets.push(sheet);
    if (!this.activeSheet) this.activeSheet = sheet;
    return sheet;
  }

  /** Adds a table (ListObject) over an existing block of a sheet (test setup). */
  addTable(
    sheet: FakeSheet,
    name: string,
    top: number,
    left: number,
    bottom: number,
    right: number,
  ): FakeTable {
    assertTableFree(this, name, sheet, top, left, bottom, right);
    const table = {
      name,
      sheet,
      top,
      left,
      bottom,
      right,
      style: "TableStyleMedium2",
      showHeaders: true,
    };
    this.tables.push(table);
    return table;
  }

  sheet(name: string): FakeSheet {
    const found = this.findSheet(name);
    if (!found)
      throw new Error(`no sheet ${name}; sheets: ${this.sheets.map((s) => s.name).join(", ")}`);
    return found;
  }

  findSheet(name: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  get syncCount(): number {
    return this.syncs.length;
  }

  deleteSheet(sheet: FakeSheet): void {
    const visible = this.sheets.filter((s) => s.visibility === "Visible");
    if (visible.length === 1 && visible[0] === sheet) {
      throw new RichApiError(
        "InvalidOperation",
        "A workbook must contain at least one visible sheet.",
      );
    }
    this.sheets.splice(this.sheets.indexOf(sheet), 1);
    for (let i = this.tables.length - 1; i >= 0; i -= 1) {
      if (this.tables[i].sheet === sheet) this.tables.splice(i, 1);
    }
    if (this.activeSheet === sheet) this.activeSheet = this.sheets[0] ?? null;
  }

  newSheetId(): string {
    return `{sheet-${this.nextId++}}`;
  }
}

function assertSheetName(workbook: FakeWorkbook, name: string): void {
  if (name.length === 0 || name.length > 31 || /[[\]:*?/\\]/.test(name) || /^'|'$/.test(name)) {
    throw new RichApiError("InvalidArgument", `Invalid sheet name “${name}”.`);
  }
  if (workbook.findSheet(name)) {
    throw new RichApiError("ItemAlreadyExists", `A sheet named “${name}” already exists.`);
  }
}

function assertTableFree(
  workbook: FakeWorkbook,
  name: string,
  sheet: FakeSheet,
  top: number,
  left: number,
  bottom: number,
  right: number,
): void {
  if (!/^[A-Za-z_\\][A-Za-z0-9_.\\]*$/.test(name) || name.length > 255) {
    throw new RichApiError("InvalidArgument", `Invalid table name “${name}”.`);
  }
  if (workbook.tables.some((t) => t.name.toLowerCase() === name.toLowerCase())) {
    throw new RichApiError("ItemAlreadyExists", `A table named “${name}” already exists.`);
  }
  const overlaps = workbook.tables.some(
    (t) =>
      t.sheet === sheet && t.top <= bottom && top <= t.bottom && t.left <= right && left <= t.right,
  );
  if (overlaps) throw new RichApiError("InvalidOperation", "Tables cannot overlap.");
}

/* ---------------------------------------------------------------------------------------------
 * Request context and proxies
 * ------------------------------------------------------------------------------------------- */

interface Command {
  readonly bytes: number;
  /** Writes run in order; a load returns the snapshot to apply once the response is accepted. */
  readonly run: () => (() => number) | void;
}

const jsonBytes = (value: unknown): number => {
  const text = JSON.stringify(value ?? null) ?? "";
  // UTF-8 length: Vietnamese letters take two or three bytes.
  let bytes = 0;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code >= 0xd800 && code < 0xdc00 ? 2 : 3;
  }
  return bytes;
};

export class FakeRequestContext {
  readonly workbook: WorkbookProxy;
  private queue: Command[] = [];

  constructor(readonly host: FakeWorkbook) {
    this.workbook = new WorkbookProxy(this);
  }

  enqueue(args: unknown, run: Command["run"]): void {
    this.queue.push({ bytes: jsonBytes(args) + COMMAND_OVERHEAD_BYTES, run });
  }

  get pendingCommands(): number {
    return this.queue.length;
  }

  async sync(): Promise<void> {
    const commands = this.queue;
    this.queue = [];
    const requestBytes = commands.reduce((sum, c) => sum + c.bytes, 0);
    if (requestBytes > PAYLOAD_LIMIT_BYTES) {
      this.host.syncs.push({ requestBytes, responseBytes: 0, commands: commands.length });
      throw new RichApiError(
        "RequestPayloadSizeLimitExceeded",
        `The request payload size (${requestBytes} bytes) has exceeded the limit.`,
      );
    }
    const applyLoads: (() => number)[] = [];
    let failure: unknown = null;
    for (const command of commands) {
      try {
        const apply = command.run();
        if (apply) applyLoads.push(apply);
      } catch (error) {
        failure = error;
        break;
      }
    }
    let responseBytes = 0;
    if (!failure) {
      // Loads are measured before they are applied: an oversized response delivers nothing.
      responseBytes = applyLoads.reduce((sum, apply) => sum + apply(), 0);
    }
    this.host.syncs.push({ requestBytes, responseBytes, commands: commands.length });
    await Promise.resolve();
    if (failure) throw failure;
    if (responseBytes > PAYLOAD_LIMIT_BYTES) {
      throw new RichApiError(
        "ResponsePayloadSizeLimitExceeded",
        `The response payload size (${responseBytes} bytes) has exceeded the limit.`,
      );
    }
  }
}

type LoadArg = string | string[] | { select?: string | string[] } | undefined;

function parseLoad(arg: LoadArg): string[] {
  const raw = typeof arg === "object" && arg !== null && !Array.isArray(arg) ? arg.select : arg;
  const list = Array.isArray(raw) ? raw : typeof raw === "string" ? raw.split(",") : [];
  return list.map((p) => p.trim()).filter((p) => p.length > 0);
}

abstract class ClientObject {
  private readonly loaded = new Map<string, unknown>();

  constructor(readonly context: FakeRequestContext) {}

  /** The properties loaded when `load()` names none. */
  protected abstract scalarProperties(): readonly string[];
  /** Reads one property from the host at sync time. */
  protected abstract snapshot(property: string, subProperties: readonly string[]): unknown;

  load(arg?: LoadArg): this {
    const requested = parseLoad(arg);
    const props = requested.length > 0 ? requested : [...this.scalarProperties()];
    this.context.enqueue({ load: props }, () => {
      const values = new Map<string, unknown>();
      const nested = new Map<string, string[]>();
      for (const prop of props) {
        const [head, ...rest] = prop.split("/");
        const list = nested.get(head) ?? [];
        if (rest.length > 0) list.push(rest.join("/"));
        nested.set(head, list);
      }
      for (const [head, sub] of nested) values.set(head, this.snapshot(head, sub));
      return () => {
        for (const [k, v] of values) this.loaded.set(k, v);
        return jsonBytes([...values.entries()].map(([k, v]) => [k, toJson(v)]));
      };
    });
    return this;
  }

  protected read<T>(property: string): T {
    if (!this.loaded.has(property)) {
      throw new RichApiError(
        "PropertyNotLoaded",
        `The property '${property}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
      );
    }
    return this.loaded.get(property) as T;
  }

  /** Lets collection loads hand each item its loaded properties. */
  preload(values: Map<string, unknown>): this {
    for (const [k, v] of values) this.loaded.set(k, v);
    return this;
  }

  toJSON(): Record<string, unknown> {
    return Object.fromEntries([...this.loaded.entries()].map(([k, v]) => [k, toJson(v)]));
  }
}

function toJson(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(toJson);
  if (value instanceof ClientObject) return value.toJSON();
  return value;
}

class WorkbookProxy {
  readonly worksheets: WorksheetCollectionProxy;
  readonly tables: TableCollectionProxy;
  constructor(readonly context: FakeRequestContext) {
    this.worksheets = new WorksheetCollectionProxy(context);
    this.tables = new TableCollectionProxy(context, null);
  }
}

class WorksheetCollectionProxy extends ClientObject {
  protected scalarProperties(): readonly string[] {
    return ["items"];
  }

  protected snapshot(property: string, sub: readonly string[]): unknown {
    if (property !== "items")
      throw new RichApiError("InvalidArgument", `Unknown property ${property}`);
    return this.context.host.sheets.map((sheet) => {
      const proxy = new WorksheetProxy(this.context, () => sheet);
      return proxy.preload(readSheetProps(sheet, sub.length > 0 ? sub : SHEET_SCALARS));
    });
  }

  get items(): WorksheetProxy[] {
    return this.read("items");
  }

  getItem(key: string): WorksheetProxy {
    const host = this.context.host;
    return new WorksheetProxy(this.context, () => {
      const found = host.sheets.find((s) => s.id === key) ?? host.findSheet(key);
      if (!found) throw new RichApiError("ItemNotFound", `The sheet “${key}” does not exist.`);
      return found;
    });
  }

  getItemOrNullObject(key: string): WorksheetOrNullProxy {
    const host = this.context.host;
    const find = (): FakeSheet | null =>
      host.sheets.find((s) => s.id === key) ?? host.findSheet(key) ?? null;
    return new WorksheetOrNullProxy(this.context, find);
  }

  getActiveWorksheet(): WorksheetProxy {
    return new WorksheetProxy(this.context, () => {
      const active = this.context.host.activeSheet;
      if (!active) throw new RichApiError("ItemNotFound", "No active sheet.");
      return active;
    });
  }

  add(name?: string): WorksheetProxy {
    let created: FakeSheet | null = null;
    this.context.enqueue({ add: name }, () => {
      const host = this.context.host;
      let chosen = name;
      for (let n = host.sheets.length + 1; !chosen; n += 1) {
        if (!host.findSheet(`Sheet${n}`)) chosen = `Sheet${n}`;
      }
      assertSheetName(host, chosen);
      created = new FakeSheet(host.newSheetId(), chosen);
      host.sheets.push(created);
    });
    return new WorksheetProxy(this.context, () => {
      if (!created) throw new RichApiError("ItemNotFound", "The sheet has not been added yet.");
      return created;
    });
  }
}

const SHEET_SCALARS = ["name", "id", "position", "visibility"] as const;

function readSheetProps(sheet: FakeSheet, props: readonly string[]): Map<string, unknown> {
  return new Map(props.map((p) => [p, readSheetProp(sheet, p)]));
}

function readSheetProp(sheet: FakeSheet, prop: string): unknown {
  switch (prop) {
    case "name":
      return sheet.name;
    case "id":
      return sheet.id;
    case "visibility":
      return sheet.visibility;
    case "position":
      return -1; // filled in by callers that need it; the adapter does not
    default:
      throw new RichApiError("InvalidArgument", `Unknown worksheet property ${prop}`);
  }
}

export class WorksheetProxy extends ClientObject {
  constructor(
    context: FakeRequestContext,
    readonly resolve: () => FakeSheet,
  ) {
    super(context);
  }

  protected scalarProperties(): readonly string[] {
    return SHEET_SCALARS;
  }

  protected snapshot(property: string): unknown {
    const sheet = this.resolve();
    if (property === "position") return this.context.host.sheets.indexOf(sheet);
    return readSheetProp(sheet, property);
  }

  get name(): string {
    return this.read("name");
  }
  set name(name: string) {
    this.context.enqueue({ sheetName: name }, () => {
      const sheet = this.resolve();
      const others = this.context.host.sheets.filter((s) => s !== sheet);
      if (others.some((s) => s.name.toLowerCase() === name.toLowerCase())) {
        throw new RichApiError("ItemAlreadyExists", `A sheet named “${name}” already exists.`);
      }
      if (name.length === 0 || name.length > 31 || /[[\]:*?/\\]/.test(name)) {
        throw new RichApiError("InvalidArgument", `Invalid sheet name “${name}”.`);
      }
      sheet.name = name;
    });
  }
  get id(): string {
    return this.read("id");
  }
  get visibility(): string {
    return this.read("visibility");
  }
  get position(): number {
    return this.read("position");
  }

  get tables(): TableCollectionProxy {
    return new TableCollectionProxy(this.context, this.resolve);
  }

  get freezePanes(): { freezeRows: (count: number) => void } {
    return {
      freezeRows: (count: number) =>
        this.context.enqueue({ freezeRows: count }, () => {
          this.resolve().frozenRows = count;
        }),
    };
  }

  get pageLayout(): FakePageLayout {
    if (!requirementSupported(this.context.host, "ExcelApi", 1.9)) {
      throw new RichApiError("ApiNotFound", "pageLayout needs ExcelApi 1.9");
    }
    const enqueue = (args: Record<string, unknown>, apply: () => void): void =>
      this.context.enqueue(args, apply);
    const resolve = this.resolve;
    const setting = (key: string) => (value: unknown) =>
      enqueue({ [key]: value }, () => {
        resolve().pageLayout[key] = value;
      });
    const writeOnly = (): never => {
      throw new RichApiError("PropertyNotLoaded", "page layout is write-only in this host");
    };
    const headerFooter = (page: string) => ({
      set centerHeader(text: string) {
        setting(`${page}.centerHeader`)(text);
      },
      get centerHeader(): string {
        return writeOnly();
      },
    });
    return {
      set orientation(value: string) {
        setting("orientation")(value);
      },
      set paperSize(value: string) {
        setting("paperSize")(value);
      },
      get orientation(): string {
        return writeOnly();
      },
      get paperSize(): string {
        return writeOnly();
      },
      set topMargin(points: number) {
        setting("topMargin")(points);
      },
      set bottomMargin(points: number) {
        setting("bottomMargin")(points);
      },
      set leftMargin(points: number) {
        setting("leftMargin")(points);
      },
      set rightMargin(points: number) {
        setting("rightMargin")(points);
      },
      set centerHorizontally(on: boolean) {
        setting("centerHorizontally")(on);
      },
      set zoom(zoom: Record<string, number>) {
        setting("zoom")({ ...zoom });
      },
      setPrintTitleRows(rows: string) {
        setting("printTitleRows")(rows);
      },
      headersFooters: {
        set state(state: string) {
          setting("headersFooters.state")(state);
        },
        get state(): string {
          return writeOnly();
        },
        defaultForAllPages: headerFooter("defaultForAllPages"),
        firstPage: headerFooter("firstPage"),
      },
    } as FakePageLayout;
  }

  set showGridlines(show: boolean) {
    this.context.enqueue({ showGridlines: show }, () => {
      this.resolve().showGridlines = show;
    });
  }

  get horizontalPageBreaks(): { add: (range: RangeProxy) => void } {
    if (!requirementSupported(this.context.host, "ExcelApi", 1.9)) {
      throw new RichApiError("ApiNotFound", "horizontalPageBreaks needs ExcelApi 1.9");
    }
    return {
      add: (range: RangeProxy) =>
        this.context.enqueue({ pageBreak: true }, () => {
          const box = range.resolve();
          if (!box) throw new RichApiError("InvalidArgument", "Null range.");
          this.resolve().pageBreaks.push(box.top);
        }),
    };
  }

  get charts(): { add: (type: string, source: RangeProxy, seriesBy?: string) => FakeChartProxy } {
    return {
      add: (type: string, source: RangeProxy, seriesBy = "Auto") => {
        const chart: FakeChart = {
          type,
          seriesBy,
          source: { top: 0, left: 0, bottom: 0, right: 0 },
          title: "",
          legend: "",
          position: null,
        };
        this.context.enqueue({ addChart: type, seriesBy }, () => {
          const box = source.resolve();
          if (!box) throw new RichApiError("InvalidArgument", "Null range.");
          chart.source = { top: box.top, left: box.left, bottom: box.bottom, right: box.right };
          this.resolve().charts.push(chart);
        });
        return new FakeChartProxy(this.context, chart);
      },
    };
  }

  get customProperties(): CustomPropertyCollectionProxy {
    return new CustomPropertyCollectionProxy(this.context, () => {
      if (this.context.host.unsupportedSets.has("ExcelApi 1.12")) {
        throw new RichApiError("ApiNotFound", "Worksheet.customProperties needs ExcelApi 1.12.");
      }
      return this.resolve();
    });
  }

  getUsedRange(valuesOnly = false): RangeProxy {
    return new RangeProxy(this.context, () => {
      const sheet = this.resolve();
      const b = sheet.usedBounds(valuesOnly);
      return b ? { sheet, ...b } : { sheet, top: 0, left: 0, bottom: 0, right: 0 };
    });
  }

  getUsedRangeOrNullObject(valuesOnly = false): RangeProxy {
    return new RangeProxy(this.context, () => {
      const sheet = this.resolve();
      const b = sheet.usedBounds(valuesOnly);
      return b ? { sheet, ...b } : null;
    });
  }

  getRangeByIndexes(row: number, col: number, rowCount: number, colCount: number): RangeProxy {
    return new RangeProxy(this.context, () => ({
      sheet: this.resolve(),
      top: row,
      left: col,
      bottom: row + rowCount - 1,
      right: col + colCount - 1,
    }));
  }

  getRange(address: string): RangeProxy {
    const box = parseAddress(address);
    return new RangeProxy(this.context, () => ({ sheet: this.resolve(), ...box }));
  }

  activate(): void {
    this.context.enqueue({ activate: true }, () => {
      this.context.host.activeSheet = this.resolve();
    });
  }

  delete(): void {
    this.context.enqueue({ delete: true }, () => this.context.host.deleteSheet(this.resolve()));
  }
}

function parseAddress(address: string): {
  top: number;
  left: number;
  bottom: number;
  right: number;
} {
  const local = address.includes("!") ? address.slice(address.lastIndexOf("!") + 1) : address;
  const [a, b = a] = local.replace(/\$/g, "").split(":");
  const cell = (text: string): [number, number] => {
    const m = /^([A-Z]+)(\d+)$/i.exec(text);
    if (!m) throw new RichApiError("InvalidArgument", `Bad address ${address}`);
    const col = m[1]
      .toUpperCase()
      .split("")
      .reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
    return [Number(m[2]) - 1, col - 1];
  };
  const [top, left] = cell(a);
  const [bottom, right] = cell(b);
  return { top, left, bottom, right };
}

/**
 * The category Excel reports for a number format, closely enough for the adapter: date or time
 * tokens outside quotes, escapes and [brackets] make "Date" or "Time" ([h], [m], [s] elapsed
 * time is "Time"), "%" makes "Percentage", "@" "Text", digits and separators only "Number",
 * anything else "Custom".
 *
 * @example
 * numberFormatCategory("dd/mm/yyyy") //=> "Date"
 * numberFormatCategory("h:mm") //=> "Time"
 * numberFormatCategory("0.00%") //=> "Percentage"
 * numberFormatCategory("#,##0") //=> "Number"
 */
export function numberFormatCategory(format: string): string {
  if (format.trim() === "" || /^general$/i.test(format.trim())) return "General";
  const bare = format
    .replace(/E[+-]/gi, "")
    .replace(/"[^"]*"/g, "")
    .replace(/\\./g, "")
    .replace(/\[(?:h+|m+|s+)\]/gi, "h")
    .replace(/\[[^\]]*\]/g, "")
    .replace(/_.|\*./g, "");
  const letters = bare.replace(/AM\/PM|A\/P/gi, "h");
  if (/[ydeg]/i.test(letters) || (/m/i.test(letters) && !/[hs]/i.test(letters))) return "Date";
  if (/[hs]/i.test(letters)) return "Time";
  if (bare.includes("%")) return "Percentage";
  if (bare.includes("@")) return "Text";
  return /^[#0?,.;\s+\-()]*$/.test(bare) ? "Number" : "Custom";
}

function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

interface Box {
  sheet: FakeSheet;
  top: number;
  left: number;
  bottom: number;
  right: number;
}

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const ERROR_LITERALS = ["#N/A", "#VALUE!", "#REF!", "#DIV/0!", "#NUM!", "#NAME?", "#NULL!"];
const SERIAL_EPOCH = Date.UTC(1899, 11, 30);
const serialOf = (year: number, month: number, day: number): number | null => {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day
    ? Math.round((date.getTime() - SERIAL_EPOCH) / 86_400_000)
    : null;
};

/**
 * What Excel (en-US) makes of a string written to `values` without the apostrophe prefix, the way
 * it parses typing: a number ("(5)" is -5, " 12" is 12, "50%" is 0.5, "1,000" is 1000), a
 * logical, an error value, or a date ("2018-12-31", "1/2", "May 10"), with the number format the
 * parse implies. `null` when the string stays text.
 */
export function excelParse(
  text: string,
  year = 2024,
): { value: FakeValue; numberFormat?: string; error?: boolean } | null {
  const trimmed = text.trim();
  if (trimmed === "") return null;
  if (/^(true|false)$/i.test(trimmed)) return { value: trimmed.toUpperCase() === "TRUE" };
  const error = ERROR_LITERALS.find((e) => e === trimmed.toUpperCase());
  if (error) return { value: error, error: true };
  const negative = /^\((.*)\)$/.exec(trimmed);
  const body = (negative ? negative[1] : trimmed).replace(/^\$/, "");
  const percent = body.endsWith("%");
  const digits = (percent ? body.slice(0, -1) : body).replace(/,(?=\d{3}(\D|$))/g, "");
  if (/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(digits)) {
    const n = Number(digits) / (percent ? 100 : 1);
    return { value: negative ? -n : n, ...(percent ? { numberFormat: "0%" } : {}) };
  }
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(trimmed);
  const mdy = /^(\d{1,2})\/(\d{1,2})(?:\/(\d{2,4}))?$/.exec(trimmed);
  const monthDay = /^([a-z]{3})[a-z]*\.? (\d{1,2})$/i.exec(trimmed);
  const serial = iso
    ? serialOf(Number(iso[1]), Number(iso[2]), Number(iso[3]))
    : mdy
      ? serialOf(mdy[3] ? Number(mdy[3]) : year, Number(mdy[1]), Number(mdy[2]))
      : monthDay && MONTHS.includes(monthDay[1].toLowerCase())
        ? serialOf(year, MONTHS.indexOf(monthDay[1].toLowerCase()) + 1, Number(monthDay[2]))
        : null;
  return serial === null ? null : { value: serial, numberFormat: iso ? "m/d/yyyy" : "d-mmm" };
}

/**
 * What Excel does with a value written to `values`: the apostrophe keeps the rest as text (and is
 * hidden); =, +, -, @ start a formula; otherwise text is parsed as Excel parses typing
 * (`excelParse`), unless the cell's number format is Text ("@").
 */
function storeWrittenValue(cell: FakeCell, value: unknown): void {
  cell.formula = null;
  delete cell.error;
  if (typeof value === "string") {
    if (value.startsWith("'")) {
      cell.value = value.slice(1);
      return;
    }
    if (cell.numberFormat === "@") {
      cell.value = value;
      return;
    }
    if (/^[=+\-@]/.test(value) && value.length > 1) {
      cell.formula = value;
      const asNumber = Number(value);
      cell.value = Number.isFinite(asNumber) ? asNumber : "#NAME?";
      return;
    }
    const parsed = excelParse(value);
    if (parsed) {
      cell.value = parsed.value;
      if (parsed.error) cell.error = true;
      if (parsed.numberFormat && cell.numberFormat === "General") {
        cell.numberFormat = parsed.numberFormat;
      }
      return;
    }
    cell.value = value;
    return;
  }
  cell.value = value === null || value === undefined ? "" : (value as FakeValue);
}

function forEachCell(
  box: Box,
  grid: unknown,
  apply: (cell: FakeCell, value: unknown) => void,
): void {
  const rows = box.bottom - box.top + 1;
  const cols = box.right - box.left + 1;
  const isGrid = Array.isArray(grid);
  if (isGrid) {
    const g = grid as unknown[][];
    if (g.length !== rows || g.some((row) => !Array.isArray(row) || row.length !== cols)) {
      throw new RichApiError(
        "InvalidArgument",
        `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${rows}×${cols}).`,
      );
    }
  }
  for (let r = 0; r < rows; r += 1) {
    for (let c = 0; c < cols; c += 1) {
      const v = isGrid ? (grid as unknown[][])[r][c] : grid;
      apply(box.sheet.cell(box.top + r, box.left + c), v);
    }
  }
}

export class RangeProxy extends ClientObject {
  constructor(
    context: FakeRequestContext,
    readonly resolve: () => Box | null,
  ) {
    super(context);
  }

  private box(): Box {
    const box = this.resolve();
    if (!box) throw new RichApiError("InvalidObjectPath", "The range is a null object.");
    return box;
  }

  protected scalarProperties(): readonly string[] {
    return [
      "address",
      "values",
      "numberFormat",
      "rowIndex",
      "columnIndex",
      "rowCount",
      "columnCount",
    ];
  }

  protected snapshot(property: string): unknown {
    const box = this.resolve();
    if (property === "isNullObject") return box === null;
    if (!box) return null;
    const rows = box.bottom - box.top + 1;
    const cols = box.right - box.left + 1;
    const grid = (pick: (cell: FakeCell | undefined) => unknown) => {
      // Even a blank cell costs its JSON (`"",`): a grid that cannot fit in a response is
      // refused before it is built, as Excel refuses it, rather than filling memory.
      if (rows * cols * 3 > PAYLOAD_LIMIT_BYTES) {
        throw new RichApiError(
          "ResponsePayloadSizeLimitExceeded",
          `The response payload size (${rows}×${cols} cells) has exceeded the limit.`,
        );
      }
      return Array.from({ length: rows }, (_r, r) =>
        Array.from({ length: cols }, (_c, c) => pick(box.sheet.peek(box.top + r, box.left + c))),
      );
    };
    switch (property) {
      case "values":
        return grid((cell) => cell?.value ?? "");
      case "numberFormat":
        return grid((cell) => cell?.numberFormat ?? "General");
      case "numberFormatCategories":
        if (this.context.host.unsupportedSets.has("ExcelApi 1.12")) {
          throw new RichApiError(
            "ApiNotFound",
            "Range.numberFormatCategories needs ExcelApi 1.12.",
          );
        }
        return grid((cell) => numberFormatCategory(cell?.numberFormat ?? "General"));
      case "address": {
        const a = `${columnLetter(box.left)}${box.top + 1}`;
        const b = `${columnLetter(box.right)}${box.bottom + 1}`;
        return `${quoteSheet(box.sheet.name)}!${a === b ? a : `${a}:${b}`}`;
      }
      case "rowIndex":
        return box.top;
      case "columnIndex":
        return box.left;
      case "rowCount":
        return rows;
      case "columnCount":
        return cols;
      default:
        throw new RichApiError("InvalidArgument", `Unknown range property ${property}`);
    }
  }

  override load(arg?: LoadArg): this {
    return super.load([...parseLoad(arg), "isNullObject"].join(",") || undefined);
  }

  /** A property as a sync would read it now (for collections that load their items). */
  peekProperty(property: string): unknown {
    return this.snapshot(property);
  }

  get isNullObject(): boolean {
    return this.read("isNullObject");
  }
  get values(): FakeValue[][] {
    return this.read("values");
  }
  set values(grid: unknown[][]) {
    this.context.enqueue({ values: grid }, () => {
      forEachCell(this.box(), grid, (cell, v) => storeWrittenValue(cell, v));
    });
  }
  get numberFormat(): string[][] {
    return this.read("numberFormat");
  }
  get numberFormatCategories(): string[][] {
    return this.read("numberFormatCategories");
  }
  set numberFormat(grid: string[][]) {
    this.context.enqueue({ numberFormat: grid }, () => {
      forEachCell(this.box(), grid, (cell, v) => {
        cell.numberFormat = String(v);
      });
    });
  }
  get address(): string {
    return this.read("address");
  }
  get rowIndex(): number {
    return this.read("rowIndex");
  }
  get columnIndex(): number {
    return this.read("columnIndex");
  }
  get rowCount(): number {
    return this.read("rowCount");
  }
  get columnCount(): number {
    return this.read("columnCount");
  }

  set hyperlink(link: FakeHyperlink) {
    this.context.enqueue({ hyperlink: link }, () => {
      const box = this.box();
      const cell = box.sheet.cell(box.top, box.left);
      cell.hyperlink = { ...link };
      if (link.textToDisplay !== undefined) cell.value = link.textToDisplay;
    });
  }

  merge(across = false): void {
    this.context.enqueue({ merge: across }, () => {
      const box = this.box();
      const overlaps = box.sheet.merges.some(
        (m) =>
          m.top <= box.bottom && box.top <= m.bottom && m.left <= box.right && box.left <= m.right,
      );
      if (overlaps) throw new RichApiError("InvalidOperation", "Cannot merge over a merged area.");
      box.sheet.merges.push({ top: box.top, left: box.left, bottom: box.bottom, right: box.right });
    });
  }

  /**
   * `Range.getSpecialCellsOrNullObject` (ExcelApi 1.9) for constants and formulas: the cells of
   * this range that hold a typed value or a formula, as rectangles (runs of a row, stacked while
   * rows repeat the same run). Only cells that exist are visited.
   */
  getSpecialCellsOrNullObject(cellType: string): RangeAreasProxy {
    if (!requirementSupported(this.context.host, "ExcelApi", "1.9")) {
      throw new RichApiError(
        "ApiNotFound",
        "Range.getSpecialCellsOrNullObject needs ExcelApi 1.9.",
      );
    }
    return new RangeAreasProxy(this.context, () => {
      const box = this.resolve();
      if (!box) return null;
      if (cellType === "Visible") {
        const found = visibleAreas(box);
        return found.length > 0 ? found : null;
      }
      const wanted = (cell: FakeCell): boolean =>
        cellType === "Formulas"
          ? cell.formula !== null
          : cellType === "Constants"
            ? cell.formula === null && cell.value !== ""
            : false;
      const found = areasOfCells(box, wanted);
      return found.length > 0 ? found : null;
    });
  }

  /**
   * `Range.getMergedAreasOrNullObject` (ExcelApi 1.13): the merged areas that meet this range,
   * whole. Like Excel, it fails when the range holds more than 512 merged areas.
   */
  getMergedAreasOrNullObject(): RangeAreasProxy {
    if (!requirementSupported(this.context.host, "ExcelApi", "1.13")) {
      throw new RichApiError(
        "ApiNotFound",
        "Range.getMergedAreasOrNullObject needs ExcelApi 1.13.",
      );
    }
    return new RangeAreasProxy(this.context, () => {
      const box = this.resolve();
      if (!box) return null;
      const found = box.sheet.merges
        .filter(
          (m) =>
            m.top <= box.bottom &&
            box.top <= m.bottom &&
            m.left <= box.right &&
            box.left <= m.right,
        )
        .map((m) => ({ sheet: box.sheet, ...m }));
      if (found.length > MAX_MERGED_AREAS) {
        throw new RichApiError(
          "GeneralException",
          `The range has more than ${MAX_MERGED_AREAS} merged areas.`,
        );
      }
      return found.length > 0 ? found : null;
    });
  }

  getEntireColumn(): RangeProxy {
    return new RangeProxy(this.context, () => {
      const box = this.box();
      return { ...box, top: 0, bottom: 1048575 };
    });
  }

  get format(): RangeFormatProxy {
    return new RangeFormatProxy(this.context, () => this.box());
  }
}

/** Runs [first, last] of the indexes from `from` to `to` that are not in `hidden`. */
function visibleRuns(from: number, to: number, hidden: ReadonlySet<number>): [number, number][] {
  const runs: [number, number][] = [];
  let start = -1;
  for (let i = from; i <= to + 1; i += 1) {
    const shown = i <= to && !hidden.has(i);
    if (shown && start < 0) start = i;
    else if (!shown && start >= 0) {
      runs.push([start, i - 1]);
      start = -1;
    }
  }
  return runs;
}

/**
 * The visible cells of a box as rectangles, as `getSpecialCells("Visible")` lists them: each run
 * of visible rows crossed with each run of visible columns.
 */
function visibleAreas(box: Box): Box[] {
  const { sheet } = box;
  if (sheet.hiddenRows.size === 0 && sheet.hiddenColumns.size === 0) return [box];
  const rows = visibleRuns(box.top, box.bottom, sheet.hiddenRows);
  const cols = visibleRuns(box.left, box.right, sheet.hiddenColumns);
  return rows.flatMap(([top, bottom]) =>
    cols.map(([left, right]) => ({ sheet, top, left, bottom, right })),
  );
}

/** What `getMergedAreasOrNullObject` can return before it fails (Office.js documentation). */
const MAX_MERGED_AREAS = 512;

/**
 * The cells of a box for which `wanted` holds, as rectangles: each row's runs of consecutive
 * columns, a run extended downwards while the next row has the same run.
 */
function areasOfCells(box: Box, wanted: (cell: FakeCell) => boolean): Box[] {
  const byRow = new Map<number, number[]>();
  for (const [key, cell] of box.sheet.cells) {
    const [r, c] = key.split(",").map(Number);
    if (r < box.top || r > box.bottom || c < box.left || c > box.right || !wanted(cell)) continue;
    const list = byRow.get(r) ?? [];
    list.push(c);
    byRow.set(r, list);
  }
  const open = new Map<string, Box>();
  const done: Box[] = [];
  for (const r of [...byRow.keys()].sort((a, b) => a - b)) {
    const cols = (byRow.get(r) ?? []).sort((a, b) => a - b);
    const runs: [number, number][] = [];
    for (const c of cols) {
      const last = runs[runs.length - 1];
      if (last && last[1] === c - 1) last[1] = c;
      else runs.push([c, c]);
    }
    const next = new Map<string, Box>();
    for (const [left, right] of runs) {
      const key = `${left},${right}`;
      const area = open.get(key);
      if (area && area.bottom === r - 1) {
        area.bottom = r;
        next.set(key, area);
        open.delete(key);
      } else next.set(key, { sheet: box.sheet, top: r, left, bottom: r, right });
    }
    done.push(...open.values());
    open.clear();
    for (const [k, v] of next) open.set(k, v);
  }
  done.push(...open.values());
  return done.sort((a, b) => a.top - b.top || a.left - b.left);
}

/** `Excel.RangeAreas`: several rectangles of one sheet (or a null object). */
export class RangeAreasProxy extends ClientObject {
  constructor(
    context: FakeRequestContext,
    private readonly resolveAreas: () => Box[] | null,
  ) {
    super(context);
  }

  protected scalarProperties(): readonly string[] {
    return ["address", "areaCount", "cellCount"];
  }

  protected snapshot(property: string): unknown {
    const areas = this.resolveAreas();
    if (property === "isNullObject") return areas === null;
    if (!areas) return null;
    switch (property) {
      case "areaCount":
        return areas.length;
      case "cellCount": {
        const count = areas.reduce(
          (n, a) => n + (a.bottom - a.top + 1) * (a.right - a.left + 1),
          0,
        );
        return count > 2 ** 31 - 1 ? -1 : count;
      }
      case "address":
        return areas
          .map((a) => {
            const from = `${columnLetter(a.left)}${a.top + 1}`;
            const to = `${columnLetter(a.right)}${a.bottom + 1}`;
            return `${quoteSheet(a.sheet.name)}!${from === to ? from : `${from}:${to}`}`;
          })
          .join(",");
      default:
        throw new RichApiError("InvalidArgument", `Unknown RangeAreas property ${property}`);
    }
  }

  override load(arg?: LoadArg): this {
    return super.load([...parseLoad(arg), "isNullObject"].join(",") || undefined);
  }

  get isNullObject(): boolean {
    return this.read("isNullObject");
  }
  get areaCount(): number {
    return this.read("areaCount");
  }
  get cellCount(): number {
    return this.read("cellCount");
  }
  get address(): string {
    return this.read("address");
  }

  /** `RangeAreas.areas`: the rectangles as a collection of ranges. */
  get areas(): RangeCollectionProxy {
    return new RangeCollectionProxy(this.context, () => this.resolveAreas() ?? []);
  }
}

/** `Excel.RangeCollection`: its `items` load each range's properties. */
export class RangeCollectionProxy extends ClientObject {
  constructor(
    context: FakeRequestContext,
    private readonly boxes: () => Box[],
  ) {
    super(context);
  }

  protected scalarProperties(): readonly string[] {
    return ["items"];
  }

  protected snapshot(property: string, sub: readonly string[]): unknown {
    if (property !== "items") {
      throw new RichApiError("InvalidArgument", `Unknown property ${property}`);
    }
    return this.boxes().map((box) => {
      const range = new RangeProxy(this.context, () => box);
      const props = sub.length > 0 ? sub : ["rowIndex", "columnIndex", "rowCount", "columnCount"];
      return range.preload(new Map(props.map((p) => [p, range.peekProperty(p)])));
    });
  }

  get items(): RangeProxy[] {
    return this.read("items");
  }
}

class RangeFormatProxy {
  constructor(
    private readonly context: FakeRequestContext,
    private readonly box: () => Box,
  ) {}

  private each(args: unknown, apply: (cell: FakeCell) => void): void {
    this.context.enqueue(args, () => {
      const box = this.box();
      for (let r = box.top; r <= box.bottom; r += 1) {
        for (let c = box.left; c <= box.right; c += 1) apply(box.sheet.cell(r, c));
      }
    });
  }

  set columnWidth(points: number) {
    this.context.enqueue({ columnWidth: points }, () => {
      const box = this.box();
      for (let c = box.left; c <= box.right; c += 1) box.sheet.columnWidths.set(c, points);
    });
  }

  set wrapText(wrap: boolean) {
    this.each({ wrapText: wrap }, (cell) => {
      cell.wrapText = wrap;
    });
  }

  set horizontalAlignment(alignment: string) {
    this.each({ horizontalAlignment: alignment }, (cell) => {
      cell.horizontalAlignment = alignment;
    });
  }

  set verticalAlignment(alignment: string) {
    this.each({ verticalAlignment: alignment }, (cell) => {
      cell.verticalAlignment = alignment;
    });
  }

  set rowHeight(points: number) {
    this.context.enqueue({ rowHeight: points }, () => {
      const box = this.box();
      for (let r = box.top; r <= box.bottom; r += 1) box.sheet.rowHeights.set(r, points);
    });
  }

  get borders(): { getItem: (edge: string) => { style: string; color: string } } {
    const context = this.context;
    const box = this.box;
    const sides = (edge: string, r: number, c: number, b: Box): string[] => {
      switch (edge) {
        case "EdgeTop":
          return r === b.top ? ["top"] : [];
        case "EdgeBottom":
          return r === b.bottom ? ["bottom"] : [];
        case "EdgeLeft":
          return c === b.left ? ["left"] : [];
        case "EdgeRight":
          return c === b.right ? ["right"] : [];
        case "InsideVertical":
          return [...(c > b.left ? ["left"] : []), ...(c < b.right ? ["right"] : [])];
        case "InsideHorizontal":
          return [...(r > b.top ? ["top"] : []), ...(r < b.bottom ? ["bottom"] : [])];
        default:
          throw new RichApiError("InvalidArgument", `Unknown border ${edge}`);
      }
    };
    return {
      getItem: (edge: string) => ({
        set style(style: string) {
          context.enqueue({ border: edge, style }, () => {
            const b = box();
            for (let r = b.top; r <= b.bottom; r += 1) {
              for (let c = b.left; c <= b.right; c += 1) {
                const cell = b.sheet.cell(r, c);
                const set = new Set(cell.borders ?? []);
                for (const side of sides(edge, r, c, b)) {
                  if (style === "None") set.delete(side);
                  else set.add(side);
                }
                cell.borders = [...set].sort();
              }
            }
          });
        },
        get style(): string {
          throw new RichApiError("PropertyNotLoaded", "border is write-only in this host");
        },
        set color(_color: string) {
          context.enqueue({ borderColor: edge }, () => undefined);
        },
        get color(): string {
          throw new RichApiError("PropertyNotLoaded", "border is write-only in this host");
        },
      }),
    };
  }

  get fill(): { color: string } {
    const each = this.each.bind(this);
    return {
      set color(color: string) {
        each({ fill: color }, (cell) => {
          cell.fill = color.toUpperCase();
        });
      },
      get color(): string {
        throw new RichApiError("PropertyNotLoaded", "fill.color is not loaded");
      },
    };
  }

  get font(): {
    color: string;
    bold: boolean;
    italic: boolean;
    size: number;
    name: string;
    underline: string;
  } {
    const each = this.each.bind(this);
    const notLoaded = (): never => {
      throw new RichApiError("PropertyNotLoaded", "font is not loaded");
    };
    return {
      set name(name: string) {
        each({ fontName: name }, (cell) => {
          cell.fontName = name;
        });
      },
      get name(): string {
        return notLoaded();
      },
      set underline(underline: string) {
        each({ underline }, (cell) => {
          cell.underline = underline;
        });
      },
      get underline(): string {
        return notLoaded();
      },
      set color(color: string) {
        each({ fontColor: color }, (cell) => {
          cell.fontColor = color.toUpperCase();
        });
      },
      get color(): string {
        return notLoaded();
      },
      set bold(bold: boolean) {
        each({ bold }, (cell) => {
          cell.bold = bold;
        });
      },
      get bold(): boolean {
        return notLoaded();
      },
      set italic(italic: boolean) {
        each({ italic }, (cell) => {
          cell.italic = italic;
        });
      },
      get italic(): boolean {
        return notLoaded();
      },
      set size(size: number) {
        each({ size }, (cell) => {
          cell.fontSize = size;
        });
      },
      get size(): number {
        return notLoaded();
      },
    };
  }
}

class TableCollectionProxy extends ClientObject {
  constructor(
    context: FakeRequestContext,
    private readonly sheet: (() => FakeSheet) | null,
  ) {
    super(context);
  }

  protected scalarProperties(): readonly string[] {
    return ["items"];
  }

  private hostTables(): FakeTable[] {
    const all = this.context.host.tables;
    if (!this.sheet) return all;
    const sheet = this.sheet();
    return all.filter((t) => t.sheet === sheet);
  }

  protected snapshot(property: string, sub: readonly string[]): unknown {
    if (property !== "items")
      throw new RichApiError("InvalidArgument", `Unknown property ${property}`);
    return this.hostTables().map((table) => {
      const props = sub.length > 0 ? sub : ["name", "style", "showHeaders"];
      return new TableProxy(this.context, () => table).preload(
        new Map(props.map((p) => [p, readTableProp(table, p)])),
      );
    });
  }

  get items(): TableProxy[] {
    return this.read("items");
  }

  getItem(name: string): TableProxy {
    return new TableProxy(this.context, () => {
      const found = this.hostTables().find((t) => t.name.toLowerCase() === name.toLowerCase());
      if (!found) throw new RichApiError("ItemNotFound", `The table “${name}” does not exist.`);
      return found;
    });
  }

  add(address: RangeProxy | string, hasHeaders: boolean): TableProxy {
    let created: FakeTable | null = null;
    const where = typeof address === "string" ? address : "(range)";
    this.context.enqueue({ addTable: where, hasHeaders }, () => {
      const host = this.context.host;
      let box: Box;
      if (typeof address === "string") {
        // Like Office: an address without a sheet name means the active sheet.
        const sheetName = address.includes("!")
          ? address.slice(0, address.lastIndexOf("!")).replace(/^'|'$/g, "").replace(/''/g, "'")
          : null;
        const sheet = sheetName ? host.findSheet(sheetName) : host.activeSheet;
        if (!sheet) throw new RichApiError("ItemNotFound", `No sheet for ${address}`);
        box = { sheet, ...parseAddress(address) };
      } else {
        const resolved = address.resolve();
        if (!resolved) throw new RichApiError("InvalidArgument", "Null range.");
        box = resolved;
      }
      let n = host.tables.length + 1;
      while (host.tables.some((t) => t.name === `Table${n}`)) n += 1;
      const name = `Table${n}`;
      assertTableFree(host, name, box.sheet, box.top, box.left, box.bottom, box.right);
      created = {
        name,
        sheet: box.sheet,
        top: box.top,
        left: box.left,
        bottom: box.bottom,
        right: box.right,
        style: "TableStyleMedium2",
        showHeaders: hasHeaders,
      };
      host.tables.push(created);
    });
    return new TableProxy(this.context, () => {
      if (!created) throw new RichApiError("ItemNotFound", "The table has not been added yet.");
      return created;
    });
  }
}

function readTableProp(table: FakeTable, prop: string): unknown {
  switch (prop) {
    case "name":
      return table.name;
    case "style":
      return table.style;
    case "showHeaders":
      return table.showHeaders;
    default:
      throw new RichApiError("InvalidArgument", `Unknown table property ${prop}`);
  }
}

export class TableProxy extends ClientObject {
  constructor(
    context: FakeRequestContext,
    private readonly resolve: () => FakeTable,
  ) {
    super(context);
  }

  protected scalarProperties(): readonly string[] {
    return ["name", "style", "showHeaders"];
  }

  protected snapshot(property: string): unknown {
    return readTableProp(this.resolve(), property);
  }

  get name(): string {
    return this.read("name");
  }
  set name(name: string) {
    this.context.enqueue({ tableName: name }, () => {
      const table = this.resolve();
      const host = this.context.host;
      if (table.name.toLowerCase() === name.toLowerCase()) {
        table.name = name;
        return;
      }
      const others = host.tables.filter((t) => t !== table);
      if (others.some((t) => t.name.toLowerCase() === name.toLowerCase())) {
        throw new RichApiError("ItemAlreadyExists", `A table named “${name}” already exists.`);
      }
      if (!/^[A-Za-z_\\][A-Za-z0-9_.\\]*$/.test(name)) {
        throw new RichApiError("InvalidArgument", `Invalid table name “${name}”.`);
      }
      table.name = name;
    });
  }
  get style(): string {
    return this.read("style");
  }
  set style(style: string) {
    this.context.enqueue({ tableStyle: style }, () => {
      this.resolve().style = style;
    });
  }
  set showHeaders(show: boolean) {
    this.context.enqueue({ showHeaders: show }, () => {
      this.resolve().showHeaders = show;
    });
  }

  /** `table.rows.add(index, values)`: appends rows under the table, which grows to hold them. */
  get rows(): { add: (index: number | undefined, values: unknown[][]) => void } {
    return {
      add: (_index: number | undefined, values: unknown[][]) =>
        this.context.enqueue({ addRows: values }, () => {
          const t = this.resolve();
          const width = t.right - t.left + 1;
          if (values.some((row) => row.length !== width)) {
            throw new RichApiError("InvalidArgument", "The row values do not fit the table.");
          }
          values.forEach((row, r) =>
            row.forEach((v, c) => storeWrittenValue(t.sheet.cell(t.bottom + 1 + r, t.left + c), v)),
          );
          t.bottom += values.length;
        }),
    };
  }

  getRange(): RangeProxy {
    return new RangeProxy(this.context, () => {
      const t = this.resolve();
      return { sheet: t.sheet, top: t.top, left: t.left, bottom: t.bottom, right: t.right };
    });
  }
}

class CustomPropertyCollectionProxy {
  constructor(
    private readonly context: FakeRequestContext,
    private readonly sheet: () => FakeSheet,
  ) {}

  add(key: string, value: string): void {
    this.context.enqueue({ customProperty: [key, value] }, () => {
      this.sheet().customProperties.set(key.toLowerCase(), String(value));
    });
  }

  getItemOrNullObject(key: string): CustomPropertyProxy {
    return new CustomPropertyProxy(this.context, () => {
      const value = this.sheet().customProperties.get(key.toLowerCase());
      return value === undefined ? null : { key, value };
    });
  }
}

/** `worksheets.getItemOrNullObject`: `isNullObject` is read after load and sync, like Office. */
class WorksheetOrNullProxy extends WorksheetProxy {
  constructor(
    context: FakeRequestContext,
    private readonly find: () => FakeSheet | null,
  ) {
    super(context, () => {
      const found = find();
      if (!found) throw new RichApiError("InvalidObjectPath", "The sheet does not exist.");
      return found;
    });
  }

  protected override snapshot(property: string): unknown {
    if (property === "isNullObject") return this.find() === null;
    if (this.find() === null) return null;
    return super.snapshot(property);
  }

  override load(arg?: LoadArg): this {
    return super.load([...parseLoad(arg), "isNullObject"].join(","));
  }

  get isNullObject(): boolean {
    return this.read("isNullObject");
  }
}

class CustomPropertyProxy extends ClientObject {
  constructor(
    context: FakeRequestContext,
    private readonly resolve: () => { key: string; value: string } | null,
  ) {
    super(context);
  }

  protected scalarProperties(): readonly string[] {
    return ["key", "value"];
  }

  protected snapshot(property: string): unknown {
    const found = this.resolve();
    if (property === "isNullObject") return found === null;
    if (!found) return null;
    return property === "key" ? found.key : found.value;
  }

  override load(arg?: LoadArg): this {
    return super.load([...parseLoad(arg), "isNullObject"].join(","));
  }

  get isNullObject(): boolean {
    return this.read("isNullObject");
  }
  get value(): string {
    return this.read("value");
  }
  get key(): string {
    return this.read("key");
  }
}

/* ---------------------------------------------------------------------------------------------
 * The Office, Excel and CustomFunctions globals
 * ------------------------------------------------------------------------------------------- */

export const CUSTOM_FUNCTION_ERROR_CODES = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
  invalidName: "#NAME?",
  invalidReference: "#REF!",
} as const;

/** CustomFunctions.Error: the value a custom function returns to show an Excel error. */
export class FakeCustomFunctionError {
  constructor(
    readonly code: string,
    readonly message?: string,
  ) {}
}

/** Office.js's error code for a ribbon action it cannot call (ooeInvalidCallback). */
export const INVALID_CALLBACK = 11101;

export interface FakeOfficeGlobals {
  readonly Excel: {
    run: <T>(batch: (context: FakeRequestContext) => Promise<T>) => Promise<T>;
    RequestContext: typeof FakeRequestContext;
    PageOrientation: { readonly landscape: "Landscape"; readonly portrait: "Portrait" };
    PaperType: { readonly a4: "A4"; readonly letter: "Letter" };
  };
  readonly Office: {
    onReady: (
      callback?: (info: { host: string; platform: string }) => void,
    ) => Promise<{ host: string; platform: string }>;
    context: {
      displayLanguage: string;
      requirements: { isSetSupported: (name: string, version?: string | number) => boolean };
      document: {
        settings: {
          get: (name: string) => unknown;
          set: (name: string, value: unknown) => void;
          remove: (name: string) => void;
          saveAsync: (callback?: (result: FakeAsyncResult) => void) => void;
        };
      };
    };
    actions: { associate: (id: string, action: (event?: unknown) => void) => void };
    addin: { showAsTaskpane: () => Promise<void> };
    AsyncResultStatus: { Succeeded: string; Failed: string };
    HostType: { Excel: string };
  };
  readonly CustomFunctions: {
    associate: (id: string, fn: (...args: unknown[]) => unknown) => void;
    /** Only where the host offers CustomFunctionsRuntime 1.2, as in Office. */
    Error?: typeof FakeCustomFunctionError;
    ErrorCode?: typeof CUSTOM_FUNCTION_ERROR_CODES;
  };
  /** Ribbon actions the add-in associated, by upper-case name (Office.js's table). */
  readonly actions: Map<string, (event?: unknown) => void>;
  /** Custom functions the add-in associated, by upper-case id. */
  readonly functions: Map<string, (...args: unknown[]) => unknown>;
  /**
   * Runs a ribbon button's `<FunctionName>` the way Office.js's dispatcher does: `window[name]`
   * first (a dotted name walks the objects), unless the office.js script tag has
   * `data-use-associated-actions-only="1"`, then the association table; what it finds must be a
   * function, else the click fails with 11101 and nothing runs.
   */
  dispatchAction(name: string, event: unknown): { errorCode: number };
}

export interface FakeAsyncResult {
  readonly status: string;
  readonly error?: { readonly code: number; readonly message: string; readonly name: string };
}

/** What `Office.context.requirements.isSetSupported` answers for this host. */
export function requirementSupported(
  host: FakeWorkbook,
  name: string,
  version?: string | number,
): boolean {
  // Versions compare part by part, like Office does: 1.12 is above 1.9.
  const parts = (v: string | number): [number, number] => {
    const [major, minor] = String(v).split(".").map(Number);
    return [major || 0, minor || 0];
  };
  const atLeast = (a: string | number, b: string | number): boolean => {
    const [aMajor, aMinor] = parts(a);
    const [bMajor, bMinor] = parts(b);
    return aMajor > bMajor || (aMajor === bMajor && aMinor >= bMinor);
  };
  const wanted = version ?? "1.1";
  if (host.unsupportedSets.has(`${name} ${version}`)) return false;
  for (const set of host.unsupportedSets) {
    const [n, v] = set.split(" ");
    if (n === name && atLeast(wanted, v)) return false;
  }
  const supported = host.offeredSets.get(name) ?? SUPPORTED_SETS[name];
  return supported !== undefined && atLeast(supported, wanted);
}

/**
 * The highest version of each set the fake claims by default; a test narrows it with
 * `unsupportedSets` or replaces it with `offeredSets`.
 */
const SUPPORTED_SETS: Readonly<Record<string, string>> = {
  ExcelApi: "1.12",
  SharedRuntime: "1.1",
  CustomFunctionsRuntime: "1.1",
  RibbonApi: "1.1",
  Settings: "1.1",
};

/** True when the page's office.js tag asks Office.js to look actions up only in its table. */
function associatedActionsOnly(): boolean {
  if (typeof document === "undefined") return false;
  const tag = [...document.getElementsByTagName("script")].find((script) =>
    /(^|\/)office(\.debug)?\.js(\?|$)/i.test(script.getAttribute("src") ?? ""),
  );
  return tag?.getAttribute("data-use-associated-actions-only") === "1";
}

/** `window[a][b]…` for the name "a.b…", as Office.js walks it; null where the walk stops. */
function fromWindow(name: string): unknown {
  const path = name.split(".");
  let parent: unknown = globalThis;
  for (const part of path.slice(0, -1)) {
    const next = (parent as Record<string, unknown>)[part];
    if (next === null || (typeof next !== "object" && typeof next !== "function")) return null;
    parent = next;
  }
  return (parent as Record<string, unknown>)[path[path.length - 1]];
}

export function createOfficeGlobals(host: FakeWorkbook): FakeOfficeGlobals {
  const actions = new Map<string, (event?: unknown) => void>();
  const functions = new Map<string, (...args: unknown[]) => unknown>();
  const info = { host: "Excel", platform: "OfficeOnline" };
  // Office.js's Association: names are upper-cased, a second association is a warning.
  const associate = <F>(table: Map<string, F>, name: string, fn: F): void => {
    const key = name.toUpperCase();
    if (table.has(key)) host.consoleWarnings.push(`[DuplicatedName] Function=${name}`);
    table.set(key, fn);
  };
  const withErrors = requirementSupported(host, "CustomFunctionsRuntime", "1.2");
  return {
    actions,
    functions,
    dispatchAction: (name, event) => {
      const trimmed = name.trim();
      let found: unknown = associatedActionsOnly() ? null : fromWindow(trimmed);
      if (!found) found = actions.get(trimmed.toUpperCase());
      if (typeof found !== "function") return { errorCode: INVALID_CALLBACK };
      setTimeout(() => (found as (event: unknown) => void)(event), 0);
      return { errorCode: 0 };
    },
    Excel: {
      RequestContext: FakeRequestContext,
      PageOrientation: { landscape: "Landscape", portrait: "Portrait" },
      PaperType: { a4: "A4", letter: "Letter" },
      run: async (batch) => {
        const context = new FakeRequestContext(host);
        const sync = context.sync.bind(context);
        context.sync = async () => {
          await host.syncsAllowed();
          if (host.syncFailure) {
            throw new RichApiError(host.syncFailure.code, host.syncFailure.message);
          }
          return sync();
        };
        const result = await batch(context);
        if (context.pendingCommands > 0) await context.sync();
        return result;
      },
    },
    Office: {
      onReady: (callback) => {
        if (callback) setTimeout(() => callback(info), 0);
        return Promise.resolve(info);
      },
      context: {
        get displayLanguage() {
          return host.displayLanguage;
        },
        requirements: {
          isSetSupported: (name, version) => requirementSupported(host, name, version),
        },
        document: {
          settings: {
            get: (name) => (host.settings.has(name) ? host.settings.get(name) : null),
            set: (name, value) => {
              host.settings.set(name, JSON.parse(JSON.stringify(value)));
            },
            remove: (name) => {
              host.settings.delete(name);
            },
            saveAsync: (callback) => {
              const failure = host.settingsSaveFailure;
              if (!failure) {
                host.savedSettings.clear();
                for (const [k, v] of host.settings) host.savedSettings.set(k, v);
              }
              const result: FakeAsyncResult = failure
                ? { status: "failed", error: { ...failure, name: "Internal Error" } }
                : { status: "succeeded" };
              setTimeout(() => callback?.(result), 0);
            },
          },
        },
      },
      actions: {
        associate: (id, action) => associate(actions, id, action),
      },
      addin: {
        showAsTaskpane: async () => {
          host.taskpaneShown += 1;
        },
      },
      AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
      HostType: { Excel: "Excel" },
    },
    CustomFunctions: {
      associate: (id, fn) => associate(functions, id, fn),
      ...(withErrors
        ? { Error: FakeCustomFunctionError, ErrorCode: CUSTOM_FUNCTION_ERROR_CODES }
        : {}),
    },
  };
}

/** Puts the fake Office, Excel and CustomFunctions on `globalThis` (jest, the browser stand-in). */
export function installOfficeGlobals(host: FakeWorkbook): FakeOfficeGlobals {
  const globals = createOfficeGlobals(host);
  const target = globalThis as unknown as Record<string, unknown>;
  target.Excel = globals.Excel;
  target.Office = globals.Office;
  target.CustomFunctions = globals.CustomFunctions;
  return globals;
}

export function removeOfficeGlobals(): void {
  const target = globalThis as unknown as Record<string, unknown>;
  delete target.Excel;
  delete target.Office;
  delete target.CustomFunctions;
}

/** What `worksheet.pageLayout` offers in this host: write-only settings, recorded on the sheet. */
export interface FakePageLayout {
  orientation: string;
  paperSize: string;
  topMargin: number;
  bottomMargin: number;
  leftMargin: number;
  rightMargin: number;
  centerHorizontally: boolean;
  zoom: Record<string, number>;
  setPrintTitleRows(rows: string): void;
  headersFooters: {
    state: string;
    defaultForAllPages: { centerHeader: string };
    firstPage: { centerHeader: string };
  };
}

/** A chart proxy: title, legend and position are queued like every other write. */
export class FakeChartProxy {
  constructor(
    private readonly context: FakeRequestContext,
    private readonly chart: FakeChart,
  ) {}

  get title(): { text: string } {
    const { context, chart } = this;
    return {
      set text(text: string) {
        context.enqueue({ chartTitle: text }, () => {
          chart.title = text;
        });
      },
      get text(): string {
        throw new RichApiError("PropertyNotLoaded", "title is write-only in this host");
      },
    };
  }

  get legend(): { position: string } {
    const { context, chart } = this;
    return {
      set position(position: string) {
        context.enqueue({ legend: position }, () => {
          chart.legend = position;
        });
      },
      get position(): string {
        throw new RichApiError("PropertyNotLoaded", "legend is write-only in this host");
      },
    };
  }

  setPosition(from: RangeProxy, to: RangeProxy): void {
    this.context.enqueue({ chartPosition: true }, () => {
      const a = from.resolve();
      const b = to.resolve();
      if (!a || !b) throw new RichApiError("InvalidArgument", "Null range.");
      this.chart.position = {
        from: `${columnLetter(a.left)}${a.top + 1}`,
        to: `${columnLetter(b.left)}${b.top + 1}`,
      };
    });
  }
}
