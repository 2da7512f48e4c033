import type { SnippetSegment } from '../../../../shared/search/snippet';

/** A result's snippet with its matched words in <mark>: elements made here, never HTML from the library. */
export function Snippet({ segments }: { segments: readonly SnippetSegment[] }) {
  return (
    <>
      {segments.map((segment, index) => (segment.match ? <mark key={index}>{segment.text}</mark> : <span key={index}>{segment.text}</span>))}
    </>
  );
}
