import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  DefaultArtifactClient
} from "./chunk-6NSQSA5A.js";
import "./chunk-OU4ZEC5T.js";
import "./chunk-JVWCU4CW.js";
import "./chunk-5LN5HCCW.js";
import "./chunk-2FNGD6TF.js";

// src/github/artifact-client.ts
function createArtifactClient() {
  return new DefaultArtifactClient();
}
export {
  createArtifactClient
};
//# sourceMappingURL=artifact-client-PEFD5VA2.js.map
