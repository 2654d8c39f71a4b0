// Validates rendered Kubernetes manifests offline (deploy/k8s-validation, ManifestValidationTest runs it):
//
//   node validate.mjs --crds <dir> <rendered.yaml>...
//
// - Kinds defined by a CustomResourceDefinition in --crds (Strimzi, CloudNativePG: ../shared/schemas) are
//   checked against that CRD's openAPIV3Schema with ajv in strict mode, every object schema closed the way
//   the API server's strict field validation closes it: a field the schema does not name is an error, unless
//   the schema says x-kubernetes-preserve-unknown-fields (e.g. Kafka's `config`). CEL rules
//   (x-kubernetes-validations) are not evaluated.
// - Core kinds (Deployment, Service, NetworkPolicy, ...) are checked with the npm package kubernetes-models
//   (the Kubernetes OpenAPI schemas, compiled): types, required fields, enums, formats. Those schemas leave
//   objects open, so unknown fields are found separately, by walking each object along the field lists of
//   the package's own type declarations (*.d.ts, generated from the same OpenAPI definitions).
// - metadata of every object is checked as an ObjectMeta the same two ways.
// - A kind with no schema here is an error: nothing passes unchecked.
//
// Prints one JSON report on stdout: {"objects": [{"kind", "apiVersion", "name", "namespace", "errors": [..]}],
// "errorCount": n}; exits 1 when errorCount > 0, 2 when it cannot run.
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath, pathToFileURL } from "node:url";
import YAML from "yaml";
import Ajv from "ajv";

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);

function usage(message) {
  console.error(message + "\nusage: node validate.mjs --crds <dir> <rendered.yaml>...");
  process.exit(2);
}

const args = process.argv.slice(2);
let crdDir = null;
const inputs = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === "--crds") crdDir = args[++i];
  else inputs.push(args[i]);
}
if (!crdDir || inputs.length === 0) usage("missing arguments");

// ---------------------------------------------------------------- CRDs → ajv validators

const KUBE_KEYWORDS = ["x-kubernetes-preserve-unknown-fields", "x-kubernetes-int-or-string", "x-kubernetes-list-type",
  "x-kubernetes-list-map-keys", "x-kubernetes-map-type", "x-kubernetes-validations", "x-kubernetes-embedded-resource"];

const ajv = new Ajv({ strict: true, strictTypes: false, strictTuples: false, allErrors: true, allowUnionTypes: true });
for (const keyword of KUBE_KEYWORDS) ajv.addKeyword({ keyword, schemaType: ["boolean", "string", "array", "object"] });
ajv.addVocabulary(["example", "externalDocs"]); // OpenAPI annotations: no validation
// OpenAPI formats the CRDs use; int32/int64 are range checks, the others are not checked by the API server either
const int32 = { type: "number", validate: (n) => Number.isInteger(n) && n >= -2147483648 && n <= 2147483647 };
const int64 = { type: "number", validate: (n) => Number.isInteger(n) };
ajv.addFormat("int32", int32);
ajv.addFormat("int64", int64);
for (const f of ["date-time", "byte", "double", "float", "quantity", "duration", "uri", "date", "password", "binary", "hostname", "ipv4", "ipv6", "cidr", "mac", "uuid", "email"]) {
  ajv.addFormat(f, true);
}

/** Closes every object schema that names its properties (as strict field validation does), depth-first. */
function closeSchema(schema) {
  if (Array.isArray(schema)) return schema.map(closeSchema);
  if (!schema || typeof schema !== "object") return schema;
  const out = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === "properties" || key === "patternProperties" || key === "definitions") {
      out[key] = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, closeSchema(v)]));
    } else if (["items", "additionalProperties", "not", "allOf", "anyOf", "oneOf"].includes(key)) {
      out[key] = closeSchema(value);
    } else {
      out[key] = value;
    }
  }
  if (out["x-kubernetes-int-or-string"]) {
    delete out.type;
    out.anyOf = [...(out.anyOf ?? []), { type: "integer" }, { type: "string" }];
  }
  if (out.nullable === true) {
    delete out.nullable;
    if (out.type) out.type = [].concat(out.type, "null");
  } else {
    delete out.nullable;
  }
  const open = out["x-kubernetes-preserve-unknown-fields"] === true;
  if ((out.type === "object" || out.properties) && !open && !("additionalProperties" in out)) {
    out.additionalProperties = false;
  }
  return out;
}

const crds = new Map(); // "group/version|Kind" → {validate, source}
for (const file of fs.readdirSync(crdDir, { recursive: true }).map(String).filter((f) => /\.ya?ml$/.test(f)).sort()) {
  const full = path.join(crdDir, file);
  for (const doc of YAML.parseAllDocuments(fs.readFileSync(full, "utf8"))) {
    const crd = doc.toJS();
    if (crd?.kind !== "CustomResourceDefinition") continue;
    for (const version of crd.spec.versions) {
      const root = closeSchema(structuredClone(version.schema.openAPIV3Schema));
      // metadata is an ObjectMeta, checked below with the core schemas; apiVersion and kind are the key
      root.properties.metadata = {};
      crds.set(`${crd.spec.group}/${version.name}|${crd.spec.names.kind}`, { root, source: file, validate: null });
    }
  }
}

function crdValidator(apiVersion, kind) {
  const entry = crds.get(`${apiVersion}|${kind}`);
  if (!entry) return null;
  if (!entry.validate) entry.validate = ajv.compile(entry.root);
  return entry;
}

// ---------------------------------------------------------------- core kinds: kubernetes-models

const modelsDir = path.dirname(require.resolve("kubernetes-models/package.json"));
const apimachineryDir = path.dirname(require.resolve("@kubernetes-models/apimachinery/package.json"));

async function coreModel(apiVersion, kind) {
  const dir = apiVersion.includes("/") ? apiVersion : apiVersion; // "apps/v1" → apps/v1, "v1" → v1
  const file = path.join(modelsDir, dir, `${kind}.js`);
  if (!fs.existsSync(file)) return null;
  const module = await import(pathToFileURL(file).href);
  return { Model: module[kind], declarations: path.join(modelsDir, dir, `${kind}.d.ts`) };
}

// Field lists from the *.d.ts files: interface name → {field → type expression}, per file, and the
// package-wide names (IIoK8s...) they are exported under.
const globalTypes = new Map(); // IIoK8sApiAppsV1DeploymentSpec → {file, local}
const fileTypes = new Map(); // file → {interfaces: Map(local → Map(field → type)), aliases: Map(local → expr)}

function parseDeclarations(file) {
  if (fileTypes.has(file)) return fileTypes.get(file);
  const text = fs.readFileSync(file, "utf8").replace(/\/\*\*[\s\S]*?\*\//g, "");
  const interfaces = new Map();
  const aliases = new Map();
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const start = lines[i].match(/^export interface (\w+)\b.*\{\s*$/);
    if (start) {
      const fields = new Map();
      let j = i + 1;
      for (; j < lines.length && !/^}/.test(lines[j]); j++) {
        const field = lines[j].match(/^ {4}"([^"]+)"\??: (.*)$/);
        if (!field) continue;
        let type = field[2];
        if (type === "{") { // a map: { [key: string]: T; };
          const value = lines[j + 1].match(/\[key: string\]: (.*);/);
          type = `Map<${value ? value[1] : "unknown"}>`;
          while (j < lines.length && !/^ {4}};/.test(lines[j])) j++;
        }
        fields.set(field[1], type.replace(/;$/, ""));
      }
      interfaces.set(start[1], fields);
      i = j;
      continue;
    }
    const alias = lines[i].match(/^export type (\w+) = (.*);$/);
    if (alias) aliases.set(alias[1], alias[2]);
    const exported = lines[i].match(/^export type \{ (.*) \};$/);
    if (exported) {
      for (const part of exported[1].split(",")) {
        const [local, global] = part.trim().split(/\s+as\s+/);
        if (global) globalTypes.set(global, { file, local });
      }
    }
    const imported = lines[i].match(/^import \{ (\w+) \} from "([^"]+)";$/);
    if (imported && imported[1].startsWith("IIoK8s") && !globalTypes.has(imported[1])) {
      const target = imported[2].startsWith(".")
        ? path.resolve(path.dirname(file), imported[2].replace(/\.js$/, ".d.ts"))
        : path.join(imported[2].startsWith("@kubernetes-models/apimachinery/") ? apimachineryDir : modelsDir,
            imported[2].replace(/^@kubernetes-models\/apimachinery\/|^kubernetes-models\//, "") + ".d.ts");
      pendingImports.push(target);
    }
  }
  const parsed = { interfaces, aliases };
  fileTypes.set(file, parsed);
  return parsed;
}
const pendingImports = [];

function resolveGlobal(name) {
  while (!globalTypes.has(name) && pendingImports.length > 0) {
    const next = pendingImports.shift();
    if (fs.existsSync(next)) parseDeclarations(next);
  }
  return globalTypes.get(name);
}

const unresolved = new Set();

/** Unknown fields of value against type expression `type` declared in `file`. */
function unknownFields(value, type, file, at, errors) {
  if (value === null || value === undefined) return;
  type = type.trim();
  let m;
  if ((m = type.match(/^Array<(.*)>$/))) {
    if (Array.isArray(value)) value.forEach((item, i) => unknownFields(item, m[1], file, `${at}[${i}]`, errors));
    return;
  }
  if ((m = type.match(/^Map<(.*)>$/))) {
    if (typeof value === "object" && !Array.isArray(value)) {
      for (const [k, v] of Object.entries(value)) unknownFields(v, m[1], file, `${at}.${k}`, errors);
    }
    return;
  }
  const leaf = (t) => /^(string|number|boolean|unknown|any|object|null)$/.test(t) || /^"/.test(t) || /\["\w+"\]$/.test(t);
  if (leaf(type) || type.split("|").every((t) => leaf(t.trim()))) return; // scalars, literals, unions of them
  let fields = null;
  let where = file;
  const local = parseDeclarations(file);
  if (local.interfaces.has(type)) fields = local.interfaces.get(type);
  else if (local.aliases.has(type)) return unknownFields(value, local.aliases.get(type), file, at, errors);
  else {
    const global = resolveGlobal(type);
    if (!global) { unresolved.add(type); return; }
    where = global.file;
    const declared = parseDeclarations(global.file);
    if (declared.interfaces.has(global.local)) fields = declared.interfaces.get(global.local);
    else if (declared.aliases.has(global.local)) return unknownFields(value, declared.aliases.get(global.local), where, at, errors);
    else { unresolved.add(type); return; }
  }
  if (typeof value !== "object" || Array.isArray(value)) return; // a type error: kubernetes-models reports it
  for (const [key, v] of Object.entries(value)) {
    if (!fields.has(key)) errors.push(`${at || "."}: unknown field "${key}"`);
    else unknownFields(v, fields.get(key), where, `${at}.${key}`, errors);
  }
}

const objectMeta = path.join(apimachineryDir, "apis/meta/v1/ObjectMeta.d.ts");
parseDeclarations(objectMeta);

// ---------------------------------------------------------------- run

const report = { objects: [], errorCount: 0, unresolvedTypes: [] };
const { ObjectMeta } = await import(pathToFileURL(path.join(apimachineryDir, "apis/meta/v1/ObjectMeta.js")).href);

for (const input of inputs) {
  const documents = YAML.parseAllDocuments(fs.readFileSync(input, "utf8"), { uniqueKeys: true });
  for (const doc of documents) {
    const errors = doc.errors.map((e) => `YAML: ${e.message}`);
    const object = doc.toJS();
    if (object === null || object === undefined) continue;
    const { apiVersion, kind } = object;
    const name = object.metadata?.name;
    const entry = { file: path.basename(input), apiVersion, kind, name, namespace: object.metadata?.namespace, errors };
    report.objects.push(entry);
    if (typeof apiVersion !== "string" || typeof kind !== "string") {
      errors.push("no apiVersion or kind");
      continue;
    }
    // metadata: an ObjectMeta
    try {
      new ObjectMeta(object.metadata ?? {}).validate();
    } catch (e) {
      errors.push(...String(e.message).split("\n").map((line) => `metadata: ${line}`));
    }
    unknownFields(object.metadata ?? {}, "IObjectMeta", objectMeta, ".metadata", errors);
    if (!name) errors.push(".metadata: name is required");

    const crd = crdValidator(apiVersion, kind);
    if (crd) {
      entry.schema = `CRD ${crd.source}`;
      if (!crd.validate(object)) {
        for (const e of crd.validate.errors) {
          const where = e.instancePath ? e.instancePath.replace(/^\//, ".").replace(/\//g, ".") : ".";
          const extra = e.keyword === "additionalProperties" ? ` "${e.params.additionalProperty}"`
            : e.keyword === "enum" ? ` (${e.params.allowedValues.join(", ")})` : "";
          errors.push(`${where}: ${e.keyword === "additionalProperties" ? "unknown field" : e.message}${extra}`);
        }
      }
      continue;
    }
    const core = await coreModel(apiVersion, kind);
    if (core?.Model) {
      entry.schema = `kubernetes-models ${apiVersion} ${kind}`;
      try {
        new core.Model(object).validate();
      } catch (e) {
        errors.push(...String(e.message).split("\n").filter(Boolean));
      }
      const { metadata, ...rest } = object;
      unknownFields(rest, `I${kind}`, core.declarations, "", errors);
      continue;
    }
    errors.push(`no schema for ${apiVersion} ${kind}: neither a CRD in ${crdDir} nor a kubernetes-models kind`);
  }
}
for (const entry of report.objects) report.errorCount += entry.errors.length;
report.unresolvedTypes = [...unresolved].sort();
console.log(JSON.stringify(report, null, 1));
process.exit(report.errorCount > 0 ? 1 : 0);
