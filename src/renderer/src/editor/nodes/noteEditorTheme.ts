import type { EditorThemeClasses } from 'lexical';

/** Class names for what the editor renders; editor/noteEditor.css gives them their look. */
export const noteEditorTheme: EditorThemeClasses = {
  paragraph: 'note-paragraph',
  heading: { h1: 'note-h1', h2: 'note-h2', h3: 'note-h3' },
  quote: 'note-quote',
  list: {
    ul: 'note-ul',
    ol: 'note-ol',
    listitem: 'note-li',
    nested: { listitem: 'note-li-nested' },
  },
  link: 'note-link',
  citation: 'note-citation',
  text: {
    bold: 'note-bold',
    italic: 'note-italic',
    underline: 'note-underline',
    strikethrough: 'note-strikethrough',
    underlineStrikethrough: 'note-underline-strikethrough',
    code: 'note-code',
  },
};
