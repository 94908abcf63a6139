import type { Connection } from 'vscode-languageserver';
import type { Logger } from '../core/types';

/** A core logger over the connection's console. */
export function toLogger(connection: Connection): Logger {
  return {
    log(level, message, data) {
      const text = data === undefined ? message : `${message}: ${typeof data === 'string' ? data : JSON.stringify(data)}`;
      if (level === 'error') connection.console.error(text);
      else if (level === 'warn') connection.console.warn(text);
      else if (level === 'info') connection.console.info(text);
      else connection.console.log(text);
    },
  };
}
