// @ts-check
/**
 * The address that opens a workbook in Excel on the web with the add-in sideloaded from the
 * development server. Excel on the web reads three query parameters; Office's own tooling appends
 * them with "&" whatever the address, which breaks an address without a query (…/Book.xlsx&wd…)
 * or with a #fragment. This adds them to the query the address has, or starts one, before any
 * fragment, and leaves the rest of the address as it was typed.
 */
"use strict";

/** The parameters Excel on the web reads to sideload a development add-in. */
const SIDELOAD_PARAMETERS = ["wdaddindevserverport", "wdaddinmanifestfile", "wdaddinmanifestguid"];

/**
 * @param {string} documentUrl the workbook's address, as the browser shows it in Excel on the web
 * @param {{ port: number, manifestFile: string, manifestId: string }} addin
 * @returns {string}
 * @example
 * sideloadUrl("https://contoso.sharepoint.com/sites/stt/Book.xlsx", { port: 3000, manifestFile: "manifest.xml", manifestId: "0b1e…" })
 * //=> "https://contoso.sharepoint.com/sites/stt/Book.xlsx?wdaddindevserverport=3000&wdaddinmanifestfile=manifest.xml&wdaddinmanifestguid=0b1e…"
 */
function sideloadUrl(documentUrl, addin) {
  const text = String(documentUrl ?? "").trim();
  let parsed;
  try {
    parsed = new URL(text);
  } catch {
    throw new Error(
      `“${text}” is not a web address: give the workbook's address from the browser's address bar (https://…).`,
    );
  }
  if (parsed.protocol !== "https:") {
    throw new Error(
      `“${text}” is not an https address: Excel on the web opens workbooks over https.`,
    );
  }
  const hashAt = text.indexOf("#");
  const beforeHash = hashAt < 0 ? text : text.slice(0, hashAt);
  const hash = hashAt < 0 ? "" : text.slice(hashAt);
  const queryAt = beforeHash.indexOf("?");
  const base = queryAt < 0 ? beforeHash : beforeHash.slice(0, queryAt);
  // Parameters of an earlier sideload are replaced, not repeated.
  const kept = (queryAt < 0 ? "" : beforeHash.slice(queryAt + 1))
    .split("&")
    .filter((part) => part !== "" && !SIDELOAD_PARAMETERS.includes(part.split("=")[0]));
  const added = [
    `wdaddindevserverport=${encodeURIComponent(String(addin.port))}`,
    `wdaddinmanifestfile=${encodeURIComponent(addin.manifestFile)}`,
    `wdaddinmanifestguid=${encodeURIComponent(addin.manifestId)}`,
  ];
  return `${base}?${[...kept, ...added].join("&")}${hash}`;
}

/**
 * The add-in's id, from the manifest's top-level <Id>.
 *
 * @param {string} manifestXml
 * @returns {string}
 * @example
 * manifestId("<OfficeApp><Id>0b1e…</Id></OfficeApp>") //=> "0b1e…"
 */
function manifestId(manifestXml) {
  const match = /<Id>\s*([^<\s]+)\s*<\/Id>/.exec(manifestXml);
  if (!match) throw new Error("The manifest has no <Id>.");
  return match[1];
}

module.exports = { sideloadUrl, manifestId, SIDELOAD_PARAMETERS };
