import { Controller, Get, Header, Inject, Param, ParseUUIDPipe, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiExcludeController } from '@nestjs/swagger';
import { diagramWithPath, pathOf, type PathStep } from '@app/audit';
import { toMermaid } from '@app/case-domain';
import type { EventStore } from '@app/event-store';
import { EVENT_STORE, streamOf } from '@app/case-runtime';
import { Roles } from '../auth/auth.guard';
import { Problems } from '../http/problem';
import { AuditorReadsInterceptor } from './auditor-reads.interceptor';

/** Where the page loads Mermaid from: this server, out of node_modules (see bootstrap), never a CDN. */
export const MERMAID_PREFIX = '/audit/assets/mermaid/';

/**
 * The pictures an auditor looks at: the lifecycle drawn from the machine, and one case's path
 * through it beside its timeline (event, actor, time). Only event types, states, actors and
 * times are shown: never the debtor's data.
 */
@ApiExcludeController()
@ApiBearerAuth()
@Roles('auditor', 'caseworker')
@Controller('audit')
export class AuditPagesController {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  @Get('lifecycle')
  @Header('Content-Type', 'text/html; charset=utf-8')
  lifecycle(): string {
    return page('The case lifecycle', `<pre class="mermaid" id="diagram">${escape(toMermaid())}</pre>`);
  }

  @Get('cases/:caseId')
  @UseInterceptors(AuditorReadsInterceptor)
  @Header('Content-Type', 'text/html; charset=utf-8')
  async case(@Param('caseId', ParseUUIDPipe) caseId: string): Promise<string> {
    const stored = await this.store.readStream(streamOf(caseId));
    if (stored.length === 0) throw Problems.notFound();
    const path = pathOf(stored);
    const current = path[path.length - 1].states;
    return page(
      `Case ${caseId}`,
      `<p>Now: <strong id="current">${current.map(escape).join(', ')}</strong> after ${path.length} events.
       Highlighted: the states it went through (the ones it is in now darker).</p>
       <div class="side"><pre class="mermaid" id="diagram">${escape(diagramWithPath(path))}</pre>
       ${timeline(path)}</div>`,
    );
  }
}

function timeline(path: readonly PathStep[]): string {
  const rows = path
    .map(
      (s) =>
        `<tr data-revision="${s.revision}"><td>${s.revision}</td><td>${escape(s.type)}</td>` +
        `<td>${escape(actorText(s.actor))}</td><td>${escape(s.at)}</td><td>${s.states.map(escape).join('<br>')}</td></tr>`,
    )
    .join('\n');
  return `<table id="timeline"><thead><tr><th>#</th><th>Event</th><th>Actor</th><th>Recorded</th><th>States after</th></tr></thead>
<tbody>${rows}</tbody></table>`;
}

function actorText(actor: unknown): string {
  if (!actor || typeof actor !== 'object') return 'unknown';
  const a = actor as { kind?: string; id?: string };
  return [a.kind, a.id].filter(Boolean).join(' ');
}

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escape(title)}</title>
<style>
body { font-family: system-ui, sans-serif; margin: 1.5rem; }
.side { display: flex; gap: 2rem; align-items: flex-start; }
.side #diagram { flex: 3 1 0; min-width: 900px; margin: 0; }
.side #timeline { flex: 2 1 0; }
#diagram svg { max-width: 100% !important; height: auto; }
table { border-collapse: collapse; font-size: 0.85rem; }
td, th { border: 1px solid #ccc; padding: 0.2rem 0.5rem; text-align: left; vertical-align: top; }
</style></head>
<body><h1>${escape(title)}</h1>
${body}
<script src="${MERMAID_PREFIX}mermaid.min.js"></script>
<script>
mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' });
mermaid.run({ querySelector: '.mermaid' }).then(
  () => { document.body.dataset.rendered = 'true'; },
  (error) => { document.body.dataset.rendered = 'failed'; console.error(error); },
);
</script></body></html>
`;
}

const escape = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
