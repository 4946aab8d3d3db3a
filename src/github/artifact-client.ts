import { DefaultArtifactClient } from '@actions/artifact';
import type { ArtifactUploader } from './artifacts.js';

/** The real artifact client; this module is imported only when something is uploaded. */
export function createArtifactClient(): ArtifactUploader {
  return new DefaultArtifactClient();
}
