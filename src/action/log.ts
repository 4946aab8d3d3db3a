import { core } from '../github/safe-core.js';

/** Every line the action prints, and its one failure, go through here. */
export const log = {
  info: (message: string): void => core.info(message),
  warning: (message: string): void => core.warning(message),
  error: (message: string): void => core.error(message),
  group: <T>(name: string, fn: () => Promise<T>): Promise<T> => core.group(name, fn),
  fail: (message: string): void => core.setFailed(message),
};
