/** Regenerates `schema/record.schema.json` from the zod record schema. Run: `npm run schema`. */
import { writeFileSync } from "node:fs";
import { recordJsonSchema } from "../src/output/record-schema.js";

const target = new URL("../schema/record.schema.json", import.meta.url);
writeFileSync(target, `${JSON.stringify(recordJsonSchema(), null, 2)}\n`);
process.stdout.write(`wrote ${target.pathname}\n`);
