import { useEffect } from 'react';
import { useNotes } from './NotesContext';

const FLASH_MS = 2000;

const squeeze = (text: string) => text.replace(/\s+/gu, ' ').trim();

/** Each request is shown once, not again each time the same source is reopened. */
let shownNonce = 0;

/**
 * After a citation chip opened this source: scrolls to the paragraph holding the quoted words and
 * flashes it. A stand-in where the highlight cannot do it (a quote with no highlight, or one
 * deleted since); the reader's own highlight reveal shows passages that still have a highlight.
 */
export function PassageReveal({ sourceId }: { sourceId: number }) {
  const { passageRequest } = useNotes();
  useEffect(() => {
    if (!passageRequest || passageRequest.sourceId !== sourceId || !passageRequest.quote || passageRequest.nonce === shownNonce) return;
    shownNonce = passageRequest.nonce;
    const start = squeeze(passageRequest.quote).slice(0, 80);
    const paragraphs = [...document.querySelectorAll<HTMLElement>('article.reader-body p')];
    const paragraph = paragraphs.find((element) => squeeze(element.textContent ?? '').includes(start));
    if (!paragraph) return;
    paragraph.scrollIntoView({ block: 'center' });
    paragraph.classList.add('passage-flash');
    const timer = setTimeout(() => paragraph.classList.remove('passage-flash'), FLASH_MS);
    return () => {
      clearTimeout(timer);
      paragraph.classList.remove('passage-flash');
    };
  }, [sourceId, passageRequest]);
  return null;
}
