// @ts-check
/**
 * The support link in manifest.xml is what an officer is shown when the add-in needs help; the
 * repository ships a placeholder. A build for a real host (`npm run build -- --env urlProd=…`)
 * with the placeholder still in place fails; any other production build warns loudly.
 */
"use strict";
const fs = require("fs");

/** Hosts that are never a real support page. */
const PLACEHOLDER_HOSTS =
  /(^|\.)(example|invalid|test|localhost|contoso)(\.|$)|^127\.|^\[?::1\]?$/i;

/**
 * Why the manifest's SupportUrl is not a real support page, or null when it looks like one.
 *
 * @param {string} manifestXml
 * @returns {string | null}
 * @example
 * supportUrlProblem('<SupportUrl DefaultValue="https://example.invalid/support"/>')
 * //=> "SupportUrl is still the placeholder https://example.invalid/support"
 */
function supportUrlProblem(manifestXml) {
  const match = /<SupportUrl\s+DefaultValue="([^"]*)"/.exec(manifestXml);
  if (!match) return "manifest.xml has no <SupportUrl DefaultValue=…>";
  const value = match[1].trim();
  let url;
  try {
    url = new URL(value);
  } catch {
    return `SupportUrl “${value}” is not a web address`;
  }
  if (url.protocol !== "https:") return `SupportUrl ${value} is not an https address`;
  if (PLACEHOLDER_HOSTS.test(url.hostname)) return `SupportUrl is still the placeholder ${value}`;
  return null;
}

/**
 * Checks the manifest before a production build: throws (the build fails) when the build is for a
 * real host and the support link is a placeholder; otherwise writes a loud warning.
 *
 * @param {string} manifestPath
 * @param {string | undefined} urlProd the host the build is for, if any
 * @param {(text: string) => void} [warn]
 *
 * @example
 * checkSupportUrl("manifest.xml", "https://awards.cantho.gov.vn/")
 * //=> throws "Build for https://awards.cantho.gov.vn/ stopped: SupportUrl is still the placeholder …"
 */
function checkSupportUrl(manifestPath, urlProd, warn = (text) => process.stderr.write(text)) {
  const problem = supportUrlProblem(fs.readFileSync(manifestPath, "utf8"));
  if (!problem) return;
  const fix = `Set <SupportUrl DefaultValue="https://…"/> in ${manifestPath} to the Department's help or contact page (docs/deployment.md).`;
  if (urlProd) throw new Error(`Build for ${urlProd} stopped: ${problem}. ${fix}`);
  const bar = "!".repeat(78);
  warn(`\n${bar}\nWARNING: ${problem}.\nThis build is not fit to deploy. ${fix}\n${bar}\n\n`);
}

module.exports = { supportUrlProblem, checkSupportUrl };
