/** The query language (src/shared/search/parseQuery.ts), as the search box's help shows it. */
const SYNTAX: readonly [example: string, meaning: string][] = [
  ['lachin corridor', 'Every word must match, in any order and any field, in any script and any form: Лачин, Laçın, Լաչին; peacekeepers.'],
  ['"lachin corridor"', 'An exact phrase, spelled as written: the words next to each other, in this order.'],
  ['blockad*', 'Words starting with these letters (at least 2): blockade, blockaded, blockading.'],
  ['-azerbaijan', 'Leave out results with this word (or -"a phrase", -outlet:name).'],
  ['peskov OR putin', 'Either word. OR joins only its neighbours: a b OR c means a and (b or c).'],
  ['outlet:azernews', 'The word or "phrase" in the outlet; author: in the byline.'],
  ['tag:ceasefire', 'Highlights with this tag.'],
  ['type:source', 'Only sources, type:highlight or type:note (repeat for two; -type:note leaves notes out).'],
  ['after:2023-01-01 before:2023-02-01', 'Published strictly after / before the day (a highlight by its source’s date, a note by the day it was last edited).'],
];

/** The query language, for the "Search help" popover. */
export function SearchHelp({ id }: { id: string }) {
  return (
    <section id={id} className="search-help" aria-label="Search help" tabIndex={-1}>
      <h2 className="search-help-title">Searching the library</h2>
      <p>
        Search finds sources (title, outlet, author, text), highlights (quote, comment, tags) and notes (title, text). Letters are folded the way readers treat them:{' '}
        <kbd>Lacin</kbd> finds Laçın, <kbd>Xankendi</kbd> Xankəndi, <kbd>елка</kbd> ёлка. A word without quotes also finds its spellings in other scripts
        (<kbd>Stepanakert</kbd> finds Степанакерт and Ստեփանակերտ) and its other forms (<kbd>Лачин</kbd> finds Лачинского); quotes mean exact spelling.
      </p>
      <dl className="search-help-syntax">
        {SYNTAX.map(([example, meaning]) => (
          <div key={example}>
            <dt>
              <code>{example}</code>
            </dt>
            <dd>{meaning}</dd>
          </div>
        ))}
      </dl>
      <p>A query that cannot be read (an unclosed quote, a bad date) is searched as plain words, and the results say so.</p>
    </section>
  );
}
