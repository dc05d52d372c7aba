import type { ServerResponse } from 'node:http';

/** Small writers shared by the fast path and the express routes, so both answer byte for byte alike. */
export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

/** The original middleware answered auth failures as plain text. */
export function sendUnauthorized(res: ServerResponse, message: string): void {
  res.writeHead(401, { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': Buffer.byteLength(message) });
  res.end(message);
}

export function sendRedirectHome(res: ServerResponse): void {
  res.writeHead(302, { Location: '/home', 'Content-Length': 0 });
  res.end();
}

export const tagAdded = (tag: string) => ({ message: `tag ${JSON.stringify(tag)} added` });
export const tagExists = (tag: string) => ({ message: `tag ${JSON.stringify(tag)} already exists` });
