/**
 * The browser test's stand-in for https://appsforoffice.microsoft.com/lib/1/hosted/office.js:
 * defines Office, Excel and CustomFunctions over the in-memory host, pre-loaded with the workbook
 * the test serialised into `window.__DTI_FIXTURE__`; exposes the host as `window.__dtiHost` and
 * `window.__dtiFixture()`, the workbook as a reopened pane would find it.
 */
import { installOfficeGlobals } from "../excel/fakeExcel";
import { fixtureOf, hostFromFixture, type Fixture } from "./fixture";

export type { Fixture } from "./fixture";

const target = window as unknown as Record<string, unknown>;
const host = hostFromFixture(target.__DTI_FIXTURE__ as Fixture);
target.__dtiHost = host;
target.__dtiFixture = (): Fixture => fixtureOf(host, host.displayLanguage);
target.__dtiOffice = installOfficeGlobals(host);
