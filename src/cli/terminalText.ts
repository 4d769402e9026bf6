/**
 * Text from the officer's cells reaches the terminal only as visible characters. A cell can hold
 * ESC (which starts a terminal control sequence: recolour, move the cursor, retitle the window),
 * BEL, other C0 and C1 controls, or bidirectional overrides that make a line read in another order
 * than it is written. Each is shown as its code point, `\u001B`, so that the officer sees that it
 * is there and nothing acts on it.
 */

/**
 * C0 controls other than tab and line feed (line feed is allowed only where the summary itself
 * breaks lines), DEL, C1 controls, the bidirectional marks, embeddings, overrides and isolates, the
 * line and paragraph separators, and the interlinear annotation marks.
 */
/* eslint-disable no-control-regex -- finding control characters is this file's purpose */
const UNSAFE =
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069\ufff9-\ufffb]/g;
const UNSAFE_OR_NEWLINE =
  /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069\ufff9-\ufffb]/g;
/* eslint-enable no-control-regex */

const codePoint = (ch: string): string =>
  `\\u${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}`;

/**
 * Terminal output with every control and bidirectional formatting character escaped; line feeds
 * (the output's own line breaks) and tabs stay.
 *
 * @example
 * terminalSafe("Sở \u001b[31mY tế\u0007\n") //=> "Sở \\u001B[31mY tế\\u0007\n"
 */
export function terminalSafe(text: string): string {
  return text.replace(UNSAFE, codePoint);
}

/**
 * One value from a cell, on one line: like `terminalSafe`, and a line break inside the cell is
 * escaped too, so that a cell cannot start a line of its own in the summary.
 *
 * @example
 * oneLine("Sở Y tế\nỨng viên: Sở Tư pháp") //=> "Sở Y tế\\u000AỨng viên: Sở Tư pháp"
 */
export function oneLine(text: string): string {
  return text.replace(UNSAFE_OR_NEWLINE, codePoint);
}

/**
 * JSON text with the characters JSON allows raw but a terminal or an editor would act on (C1
 * controls, bidirectional formatting, line separators) written as `\u` escapes: the same JSON
 * value, safe to print. (`JSON.stringify` already escapes C0 controls.)
 *
 * @example
 * jsonSafe(JSON.stringify({ name: "a\u202eb" })) //=> '{"name":"a\\u202Eb"}'
 */
export function jsonSafe(json: string): string {
  return json.replace(
    /[\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069\ufff9-\ufffb]/g,
    codePoint,
  );
}
