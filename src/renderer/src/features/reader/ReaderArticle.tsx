import { memo, useMemo, useRef } from 'react';
import type { Source } from '../../../../shared/domain/source';
import { splitParagraphs } from '../../../../shared/text/canonical';
import { HighlightLayer } from '../highlights/HighlightLayer';

interface ReaderArticleProps {
  source: Source;
  labelledBy: string;
}

/** Only a well-formed language tag goes into `lang`; free text such as "English" would mislead. */
const languageTag = (language: string | null) => (language && /^[a-z]{2,3}(-[a-z0-9]{1,8})*$/i.test(language) ? language : undefined);

/** Languages written right to left: the article's base direction, for its layout and for a screen reader. */
const RIGHT_TO_LEFT = new Set(['ar', 'fa', 'he', 'ur', 'ps', 'sd', 'ug', 'yi', 'dv', 'ckb']);
const direction = (language: string | null) => (language && RIGHT_TO_LEFT.has(language.split('-')[0]!.toLowerCase()) ? 'rtl' : undefined);

/**
 * The body as text, one <p> per paragraph, each with the direction of its own first strong letter
 * (`dir="auto"`), so an English quotation inside an Urdu article reads left to right (issue 14). `data-start` is the offset of the paragraph's first
 * character in the canonical body, the coordinate system highlights anchor in. Highlights are
 * painted over this text by HighlightLayer (CSS Custom Highlight API): the paragraphs stay plain
 * text, rendered once per body, whatever the highlights do.
 */
export const ReaderArticle = memo(function ReaderArticle({ source, labelledBy }: ReaderArticleProps) {
  const articleRef = useRef<HTMLElement>(null);
  const { body } = source;
  const paragraphs = useMemo(
    () =>
      splitParagraphs(body).map((paragraph) => (
        <p key={paragraph.start} data-start={paragraph.start} dir="auto">
          {paragraph.text}
        </p>
      )),
    [body],
  );
  return (
    <>
      {/* A tab stop with a caret (ArticleCaret): arrows move it, Shift+arrows select, H highlights. */}
      <article ref={articleRef} className="reader-body" aria-labelledby={labelledBy} lang={languageTag(source.language)} dir={direction(source.language)} tabIndex={0}>
        {paragraphs}
      </article>
      <HighlightLayer source={source} articleRef={articleRef} />
    </>
  );
});
