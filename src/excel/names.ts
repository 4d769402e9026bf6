/** Text that Excel must keep as text when the add-in writes it. */

/**
 * A value as it must be written to `range.values`. Excel parses a string written there as if it
 * were typed: "=…", "+…", "-…" and "@…" become formulas, "TRUE" a logical, "#N/A" an error,
 * "(5)" and " 12" numbers, "May 10", "2018-12-31" and "1/2" dates, "50%" a percentage. Every
 * string therefore gets the apostrophe prefix, which Excel documents as "store what follows as
 * text" whatever it looks like, and which it hides: no list of risky patterns can miss one that
 * Excel's parser (and its locale) recognises. Numbers are written as numbers; an empty string
 * leaves the cell blank.
 *
 * @example
 * asCellInput("=HYPERLINK(\"x\")") //=> "'=HYPERLINK(\"x\")"
 * asCellInput("Sở Tư pháp") //=> "'Sở Tư pháp"
 * asCellInput(94.25) //=> 94.25
 * asCellInput(null) //=> ""
 */
export function asCellInput(value: string | number | null): string | number {
  if (value === null || value === "") return "";
  if (typeof value === "number") return value;
  return `'${value}`;
}
