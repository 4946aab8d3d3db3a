import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  ArtifactNotFoundError,
  DefaultArtifactClient,
  FilesNotFoundError,
  GHESNotSupportedError,
  InvalidResponseError,
  NetworkError,
  UsageError,
  artifact_default
} from "./chunk-6NSQSA5A.js";
import "./chunk-OU4ZEC5T.js";
import "./chunk-JVWCU4CW.js";
import "./chunk-5LN5HCCW.js";
import "./chunk-2FNGD6TF.js";
export {
  ArtifactNotFoundError,
  DefaultArtifactClient,
  FilesNotFoundError,
  GHESNotSupportedError,
  InvalidResponseError,
  NetworkError,
  UsageError,
  artifact_default as default
};
//# sourceMappingURL=artifact-LJH3XXPJ.js.map
