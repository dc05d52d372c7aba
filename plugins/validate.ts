/**
 * Param validators shared by the plugins. Plugins never run a shell, so these are not what stops
 * shell injection; they stop everything else a user could smuggle into a tool: options (anything
 * starting with `-`), path traversal (`..`), NUL/control characters, shell metacharacters (in case
 * a param is ever logged or pasted into a terminal), oversized input, and hosts that are not
 * strictly a hostname or an IP address. Every failure throws PluginParamError with a message meant
 * for the user.
 */
import { isIP } from 'node:net';
import { PluginParamError } from './runner.ts';

export const MAX_PARAM_LENGTH = 255;
export const MAX_URL_LENGTH = 2048;

/** Shell metacharacters and whitespace. */
const SHELL_META = /[\s;&|$`<>(){}[\]*?!~'"\\]/;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;

function show(value: string): string {
  return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
}

/** Checks that params is an array of strings with min..max entries; returns it. */
export function checkParams(params: unknown, min: number, max: number, usage: string): string[] {
  if (!Array.isArray(params) || !params.every((p): p is string => typeof p === 'string')) {
    throw new PluginParamError(`params must be a list of strings; usage: ${usage}`);
  }
  if (params.length < min || params.length > max) {
    const expected = min === max ? `${min}` : `${min} to ${max}`;
    throw new PluginParamError(`expected ${expected} params, got ${params.length}; usage: ${usage}`);
  }
  return params;
}

/** The general rule for any free-text param; returns it unchanged. */
export function safeParam(value: string, label: string, maxLength = MAX_PARAM_LENGTH): string {
  if (value === '') throw new PluginParamError(`${label} is required`);
  if (value.length > maxLength) throw new PluginParamError(`${label} is too long (max ${maxLength} characters)`);
  if (CONTROL.test(value)) throw new PluginParamError(`${label} must not contain control characters`);
  if (value.includes('..')) throw new PluginParamError(`${label} must not contain ".." (got ${show(value)})`);
  if (value.startsWith('-')) throw new PluginParamError(`${label} must not start with "-" (got ${show(value)})`);
  const meta = SHELL_META.exec(value);
  if (meta) throw new PluginParamError(`${label} contains a disallowed character ${JSON.stringify(meta[0])}`);
  return value;
}

const LABEL = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;
const LABEL_UNDERSCORE = /^[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?$/;
const NUMERIC_LABEL = /^(?:[0-9]+|0x[0-9a-f]*)$/i;

/** True for a strict DNS hostname (RFC 1123 labels, optional trailing dot, last label not numeric). */
export function isHostname(value: string, allowUnderscore = false): boolean {
  const name = value.endsWith('.') ? value.slice(0, -1) : value;
  if (name === '' || name.length > 253) return false;
  const labels = name.split('.');
  const pattern = allowUnderscore ? LABEL_UNDERSCORE : LABEL;
  if (!labels.every((label) => pattern.test(label))) return false;
  // "127.1", "1.2.3", "999.1.1.1", "0x7f000001": tools would parse these as (odd) IPv4 forms.
  return !NUMERIC_LABEL.test(labels[labels.length - 1] ?? '');
}

export interface HostOptions {
  /** Allow `_` in labels (DNS names such as `_dmarc.example.com`). */
  allowUnderscore?: boolean;
}

/** A hostname or an IPv4/IPv6 address, strictly; returns it unchanged. */
export function hostParam(value: string, label = 'host', options: HostOptions = {}): string {
  if (value === '') throw new PluginParamError(`${label} is required`);
  safeParam(value, label);
  if (isIP(value) !== 0 || isHostname(value, options.allowUnderscore ?? false)) return value;
  throw new PluginParamError(`${label} must be a hostname or an IP address (got ${show(value)})`);
}

/** A decimal integer in min..max; returns it in canonical form (no leading zeros). */
export function intParam(value: string, label: string, min: number, max: number): string {
  safeParam(value, label, 16);
  if (!/^[0-9]{1,9}$/.test(value)) throw new PluginParamError(`${label} must be a whole number (got ${show(value)})`);
  const n = Number(value);
  if (n < min || n > max) throw new PluginParamError(`${label} must be from ${min} to ${max} (got ${n})`);
  return String(n);
}

export function portParam(value: string, label = 'port'): string {
  return intParam(value, label, 1, 65_535);
}

/** One of `allowed`, case-insensitively; returns the canonical spelling. */
export function enumParam<T extends string>(value: string, label: string, allowed: readonly T[]): T {
  safeParam(value, label, 32);
  const found = allowed.find((a) => a.toLowerCase() === value.toLowerCase());
  if (found === undefined) throw new PluginParamError(`${label} must be one of ${allowed.join(', ')} (got ${show(value)})`);
  return found;
}

// eslint-disable-next-line no-control-regex
const URL_FORBIDDEN = /[\s\u0000-\u001f\u007f"'`<>\\]/;

/**
 * An absolute http: or https: URL without credentials whose host is a strict hostname or IP;
 * returns it normalised. Everything else (file:, data:, ftp:, javascript:, relative URLs…) is rejected.
 */
export function urlParam(value: string, label = 'url'): string {
  if (value === '') throw new PluginParamError(`${label} is required`);
  if (value.length > MAX_URL_LENGTH) throw new PluginParamError(`${label} is too long (max ${MAX_URL_LENGTH} characters)`);
  const bad = URL_FORBIDDEN.exec(value);
  if (bad) throw new PluginParamError(`${label} contains a disallowed character ${JSON.stringify(bad[0])}`);
  if (value.startsWith('-')) throw new PluginParamError(`${label} must not start with "-"`);
  if (value.includes('..')) throw new PluginParamError(`${label} must not contain ".."`);
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new PluginParamError(`${label} is not a valid absolute URL (got ${show(value)})`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new PluginParamError(`${label} must use http: or https: (got ${JSON.stringify(url.protocol)})`);
  }
  if (url.username !== '' || url.password !== '') throw new PluginParamError(`${label} must not contain credentials`);
  const host = url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
  if (isIP(host) === 0 && !isHostname(host)) {
    throw new PluginParamError(`${label} must have a hostname or IP address as its host (got ${show(url.hostname)})`);
  }
  return url.href;
}
