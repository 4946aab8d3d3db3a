import * as actionsCore from '@actions/core';
import { neutralizeLogText } from '../core/logtext.js';

type Core = typeof actionsCore;

/**
 * `@actions/core` with every message that reaches the log neutralised first, so no text from a
 * workspace file, a file name or a pull request can be read by the runner as a workflow command.
 * Commands the action issues itself (group, add-mask, the annotation properties) go through as they are.
 */
export function withSafeLog(core: Core): Core {
  const text = (message: string | Error): string =>
    neutralizeLogText(message instanceof Error ? message.message : message);
  return {
    ...core,
    info: (message: string) => core.info(neutralizeLogText(message)),
    debug: (message: string) => core.debug(neutralizeLogText(message)),
    warning: (message: string | Error, properties?: actionsCore.AnnotationProperties) =>
      core.warning(text(message), properties),
    error: (message: string | Error, properties?: actionsCore.AnnotationProperties) =>
      core.error(text(message), properties),
    notice: (message: string | Error, properties?: actionsCore.AnnotationProperties) =>
      core.notice(text(message), properties),
    setFailed: (message: string | Error) => core.setFailed(text(message)),
  };
}

export const core: Core = withSafeLog(actionsCore);
