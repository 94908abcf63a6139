import { ResponseError } from 'vscode-languageserver';
import type { Logger } from '../core/types';

/**
 * Wraps a handler: any error is logged and the fallback returned, so the server never crashes on a request. A
 * `ResponseError` is an answer, not a failure (a diagnostic pull the server cancels), and goes to the client as it is.
 */
export function guard<P extends unknown[], R>(logger: Logger, name: string, fallback: R, fn: (...args: P) => R | Promise<R>): (...args: P) => Promise<R> {
  return async (...args: P): Promise<R> => {
    try {
      return await fn(...args);
    } catch (error) {
      if (error instanceof ResponseError) throw error;
      logger.log('error', `${name} failed`, error instanceof Error ? error.stack : error);
      return fallback;
    }
  };
}
