// Plain JavaScript on purpose: it must run on an old Node to say which one is needed.
// Shared by bin/observatory.js and bin/start.js; call it before importing any .ts file.

/** Exits with a message unless this Node runs the TypeScript sources as they are (22.18+). */
export function requireSupportedNode() {
  const [major, minor] = process.versions.node.split('.').map(Number);
  if (major < 22 || (major === 22 && minor < 18)) {
    console.error(
      `observatory needs Node.js 22.18 or newer (24 recommended); this is ${process.version}. ` +
        'Install it with: npm install -g --prefix /opt/node24 node@24 && export PATH=/opt/node24/bin:$PATH',
    );
    process.exit(1);
  }
}
