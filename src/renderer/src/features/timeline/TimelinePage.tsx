import { useState } from 'react';
import type { PassageFilter, Timeline } from '../../../../shared/domain/compare';
import { api } from '../../api/client';
import { errorMessage } from '../../api/errorMessage';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useQuery } from '../../hooks/useQuery';
import './timeline.css';
import { CODES_READ, TIMELINE_READS } from '../compare/compareDependencies';

interface TimelinePageProps {
  onOpenSource: (sourceId: number) => void;
  onShowPassages: (filter: PassageFilter) => void;
}

const DAY = 86_400_000;
const dayNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / DAY;

/** A code's colour on the timeline: from the codebook, else a stable hue from its name. */
function codeHue(code: string): string {
  let hash = 0;
  for (const character of code) hash = (hash * 31 + character.codePointAt(0)!) | 0;
  return `hsl(${Math.abs(hash) % 360} 60% 45%)`;
}

function Lanes({ data, onOpenSource, colors }: { data: Timeline; onOpenSource: (id: number) => void; colors: Map<string, string | null> }) {
  if (!data.from || !data.to) return <p className="library-no-match">No source has a date yet. Set dates in the reader's details.</p>;
  const start = dayNumber(data.from);
  const span = Math.max(1, dayNumber(data.to) - start);
  const at = (date: string) => `${((dayNumber(date) - start) / span) * 100}%`;
  return (
    <div className="timeline" role="list" aria-label="Timeline lanes">
      <div className="timeline-axis" aria-hidden="true">
        <span>{data.from}</span>
        <span>{data.to}</span>
      </div>
      {data.lanes.map((lane) => (
        <div key={lane.name} role="listitem" className="timeline-lane">
          <div className="timeline-lane-name">{lane.name}</div>
          <ul className="timeline-track" aria-label={`Sources from ${lane.name}`}>
            {lane.sources.map((source) => {
              const codes = [...new Set(source.passages.flatMap((passage) => passage.codes))];
              const label = `${source.title}, ${source.publishedAt}${codes.length > 0 ? `, coded ${codes.join(', ')}` : ''}`;
              return (
                <li key={source.id} className="timeline-mark" style={{ left: at(source.publishedAt) }}>
                  <button type="button" className="timeline-dot" title={label} aria-label={label} onClick={() => onOpenSource(source.id)}>
                    {source.passages.slice(0, 6).map((passage) => (
                      <span key={passage.id} className="timeline-passage" style={{ background: passage.codes[0] ? (colors.get(passage.codes[0]) ?? codeHue(passage.codes[0])) : '#999' }} />
                    ))}
                  </button>
                </li>
              );
            })}
          </ul>
        </div>
      ))}
    </div>
  );
}

/** Sources on a date axis, one lane per outlet or country, their passages coloured by code (issue 11). */
export function TimelinePage({ onOpenSource, onShowPassages }: TimelinePageProps) {
  const [by, setBy] = useState<'outlet' | 'country'>('outlet');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [codedOnly, setCodedOnly] = useState(false);
  const data = useQuery(`timeline:${by}:${from}:${to}:${codedOnly}`, () => api.timeline({ by, after: from || undefined, before: to || undefined, codedOnly }), { dependencies: TIMELINE_READS });
  const codes = useQuery('codes', () => api.listCodes({}), { dependencies: CODES_READ });
  const colors = new Map((codes.data ?? []).map((code) => [code.name, code.color]));
  const range: PassageFilter = { ...(from ? { after: from } : {}), ...(to ? { before: to } : {}) };
  return (
    <div className="page timeline-page" aria-busy={data.loading}>
      <div className="library-toolbar">
        <div className="library-heading">
          <h1>Timeline</h1>
          {data.data && data.data.undatedCount > 0 ? <p className="library-count">{data.data.undatedCount} undated sources not shown</p> : null}
        </div>
        <div className="library-controls">
          <label className="field-inline">
            <span>Lanes by</span>
            <select className="select" value={by} onChange={(event) => setBy(event.currentTarget.value === 'country' ? 'country' : 'outlet')}>
              <option value="outlet">Outlet</option>
              <option value="country">Country</option>
            </select>
          </label>
          <label className="field-inline">
            <span>From</span>
            <input type="date" className="input" value={from} onChange={(event) => setFrom(event.currentTarget.value)} />
          </label>
          <label className="field-inline">
            <span>To</span>
            <input type="date" className="input" value={to} onChange={(event) => setTo(event.currentTarget.value)} />
          </label>
          <label className="field-inline">
            <input type="checkbox" checked={codedOnly} onChange={(event) => setCodedOnly(event.currentTarget.checked)} />
            <span>Only sources with passages</span>
          </label>
          <button type="button" className="button" disabled={!from && !to} onClick={() => onShowPassages(range)}>
            Show passages in this range
          </button>
        </div>
      </div>
      {data.error ? <ErrorBanner title="The timeline could not be loaded." message={errorMessage(data.error, 'load the timeline')} onRetry={data.retry} /> : null}
      {data.data ? <Lanes data={data.data} onOpenSource={onOpenSource} colors={colors} /> : null}
    </div>
  );
}
