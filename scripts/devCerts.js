// @ts-check
/**
 * HTTPS certificates for the development server. On Windows and macOS, Office's own tool
 * (office-addin-dev-certs) makes them and installs its CA in the system's store, as the Office
 * templates do. On Linux that install needs sudo, so the certificates are made for the user alone,
 * in ~/.office-addin-dev-certs (the same files Office's tool uses), and nothing system-wide is
 * touched; when the browser's store (Chrome/Chromium: ~/.pki/nssdb) does not trust the CA yet, the
 * server says how to make it trust it.
 */
"use strict";
const { spawnSync } = require("child_process");
const { X509Certificate } = require("crypto");
const fs = require("fs");
const os = require("os");
const path = require("path");

/** The CA's organisation, as Office's tool names it (the nickname a browser import shows). */
const CA_NAME = "Developer CA for Microsoft Office Add-ins";
/** A year: the CA is trusted by hand on Linux, so it should not need it again every month. */
const DAYS_VALID = 365;
const DOMAINS = ["127.0.0.1", "localhost"];

/**
 * Where the certificate files are.
 *
 * @param {string} home
 * @returns {{ dir: string, ca: string, cert: string, key: string }}
 * @example
 * certificateFiles("/home/lan").ca //=> "/home/lan/.office-addin-dev-certs/ca.crt"
 */
function certificateFiles(home) {
  const dir = path.join(home, ".office-addin-dev-certs");
  return {
    dir,
    ca: path.join(dir, "ca.crt"),
    cert: path.join(dir, "localhost.crt"),
    key: path.join(dir, "localhost.key"),
  };
}

/**
 * Why the certificates must be made again, or null when they are good for at least a day more.
 *
 * @param {{ ca: string, cert: string, key: string }} files
 * @param {Date} now
 * @returns {string | null}
 * @example
 * renewalReason(certificateFiles("/nowhere"), new Date()) //=> "there are none yet"
 */
function renewalReason(files, now) {
  if (![files.ca, files.cert, files.key].every((file) => fs.existsSync(file))) {
    return "there are none yet";
  }
  const soon = now.getTime() + 24 * 3600 * 1000;
  for (const file of [files.ca, files.cert]) {
    let certificate;
    try {
      certificate = new X509Certificate(fs.readFileSync(file));
    } catch {
      return `${file} is not a certificate`;
    }
    if (new Date(certificate.validTo).getTime() < soon) return `${file} expires within a day`;
  }
  return null;
}

/**
 * Whether Chrome/Chromium's certificate store on Linux (the NSS database in ~/.pki/nssdb) trusts
 * this CA for websites: "trusted", "absent", or "unknown" when certutil or the database is missing.
 *
 * @param {string} home
 * @param {string} caPem
 * @param {(args: string[]) => { status: number | null, stdout: string }} [certutil]
 * @returns {"trusted" | "absent" | "unknown"}
 *
 * @example
 * nssTrust("/home/lan", caPem) //=> "absent"
 */
function nssTrust(home, caPem, certutil = runCertutil) {
  const db = `sql:${path.join(home, ".pki", "nssdb")}`;
  const listing = certutil(["-d", db, "-L"]);
  if (listing.status !== 0) return "unknown";
  const wanted = new X509Certificate(caPem).fingerprint256;
  for (const line of listing.stdout.split("\n")) {
    // "<nickname>   <trust flags>": the flags are the last word, e.g. "C,," or "CT,C,C".
    const match = /^(.*\S)\s+([cCpPTuw]*,[cCpPTuw]*,[cCpPTuw]*)\s*$/.exec(line);
    if (!match) continue;
    const pem = certutil(["-d", db, "-L", "-n", match[1], "-a"]);
    if (pem.status !== 0) continue;
    try {
      if (new X509Certificate(pem.stdout).fingerprint256 !== wanted) continue;
    } catch {
      continue;
    }
    return match[2].split(",")[0].includes("C") ? "trusted" : "absent";
  }
  return "absent";
}

/** @param {string[]} args */
function runCertutil(args) {
  const run = spawnSync("certutil", args, { encoding: "utf8" });
  return { status: run.error ? null : run.status, stdout: run.stdout ?? "" };
}

/**
 * What to tell a developer whose browser does not (or may not) trust the CA yet.
 *
 * @param {string} caPath
 * @param {"absent" | "unknown"} status
 * @returns {string[]}
 *
 * @example
 * trustAdvice("/home/lan/.office-addin-dev-certs/ca.crt", "absent")[1] //=> "  Chrome/Chromium on Linux (no sudo):"
 */
function trustAdvice(caPath, status) {
  return [
    status === "absent"
      ? `The development CA (${caPath}) is not trusted by Chrome/Chromium yet, so https://localhost:3000 will show a certificate warning and Excel on the web will not load the add-in.`
      : `Could not check whether your browser trusts the development CA (${caPath}); if https://localhost:3000/taskpane.html shows a certificate warning, trust it:`,
    "  Chrome/Chromium on Linux (no sudo):",
    `    certutil -d sql:$HOME/.pki/nssdb -A -t "C,," -n "${CA_NAME}" -i ${caPath}`,
    "    (Debian/Ubuntu: apt-get install libnss3-tools for certutil), then restart the browser;",
    "    or in Chrome: Settings > Privacy and security > Security > Manage certificates, import it as",
    "    a trusted certificate authority.",
    "  Firefox: Settings > Privacy & Security > Certificates > View Certificates > Authorities > Import.",
  ];
}

/**
 * The certificates for a Linux user, made when missing or about to expire, never installed
 * system-wide.
 *
 * @param {{ home?: string, now?: Date, log?: (line: string) => void }} [options]
 * @returns {Promise<{ ca: Buffer, cert: Buffer, key: Buffer, caPath: string }>}
 *
 * @example
 * (await userCertificates({ home: "/home/lan" })).caPath //=> "/home/lan/.office-addin-dev-certs/ca.crt"
 */
async function userCertificates(options = {}) {
  const home = options.home ?? os.homedir();
  const log = options.log ?? ((line) => process.stderr.write(`${line}\n`));
  const files = certificateFiles(home);
  const reason = renewalReason(files, options.now ?? new Date());
  if (reason) {
    log(`Making development certificates in ${files.dir} (${reason}).`);
    for (const file of [files.ca, files.cert, files.key]) fs.rmSync(file, { force: true });
    const devCerts = require("office-addin-dev-certs");
    await devCerts.generateCertificates(files.ca, files.cert, files.key, DAYS_VALID, DOMAINS);
  }
  return {
    ca: fs.readFileSync(files.ca),
    cert: fs.readFileSync(files.cert),
    key: fs.readFileSync(files.key),
    caPath: files.ca,
  };
}

/**
 * The https options of webpack-dev-server on this platform (see the top of this file).
 *
 * @returns {Promise<{ ca: Buffer, cert: Buffer, key: Buffer }>}
 *
 * @example
 * await devServerHttpsOptions() //=> { ca, cert, key }
 */
async function devServerHttpsOptions() {
  if (process.platform !== "linux") {
    const options = await require("office-addin-dev-certs").getHttpsServerOptions();
    return { ca: options.ca, key: options.key, cert: options.cert };
  }
  const certificates = await userCertificates();
  const trust = nssTrust(os.homedir(), certificates.ca.toString("utf8"));
  if (trust !== "trusted") {
    for (const line of trustAdvice(certificates.caPath, trust)) process.stderr.write(`${line}\n`);
  }
  return { ca: certificates.ca, cert: certificates.cert, key: certificates.key };
}

module.exports = {
  CA_NAME,
  certificateFiles,
  renewalReason,
  nssTrust,
  trustAdvice,
  userCertificates,
  devServerHttpsOptions,
};
