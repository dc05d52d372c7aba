import type { ReactNode } from 'react';
import './pane.css';

/** Every pane's frame: a heading, an optional lead line, then the content. */
export function Pane({ title, lead, children }: { title: string; lead?: ReactNode; children?: ReactNode }) {
  return (
    <section className="pane" aria-labelledby="pane-title">
      <header className="pane__header">
        <h1 id="pane-title">{title}</h1>
        {lead ? <p className="pane__lead muted">{lead}</p> : null}
      </header>
      {children}
    </section>
  );
}
