// The code editor of runnable cells: CodeMirror 6 with TypeScript highlighting, bundled by esbuild into
// assets/editor.js (loaded after the page, so the article paints first) and exposed as `TeamingLabEditor`.
// Colours come from the page's CSS custom properties, so the editor follows the light/dark theme.
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { javascript } from '@codemirror/lang-javascript';
import { HighlightStyle, bracketMatching, indentOnInput, syntaxHighlighting } from '@codemirror/language';
import { type Diagnostic, lintGutter, setDiagnostics } from '@codemirror/lint';
import { EditorState } from '@codemirror/state';
import { EditorView, drawSelection, highlightActiveLine, keymap, lineNumbers } from '@codemirror/view';
import { tags as t } from '@lezer/highlight';

/** What the page needs from an editor. */
export interface CellEditor {
  /** The code as typed. */
  value(): string;
  /** Replaces the code (Reset). */
  set(code: string): void;
  /** Shows type-check diagnostics (1-based lines and columns) as underlines. */
  diagnose(items: Array<{ line: number; column: number; length: number; message: string; severity: 'error' | 'warning' }>): void;
  focus(): void;
  /** The editable element (for tests and labels). */
  dom: HTMLElement;
}

export interface EditorOptions {
  /** The initial code. */
  code: string;
  /** Accessible name of the editing area. */
  label: string;
  /** Called on Shift+Enter, Ctrl+Enter and Cmd+Enter. */
  onRun(): void;
  /** Called after each change of the code. */
  onChange(code: string): void;
}

/** Token colours as CSS variables (defined in site.css for both themes). */
const highlight = HighlightStyle.define([
  { tag: [t.keyword, t.controlKeyword, t.moduleKeyword, t.definitionKeyword, t.operatorKeyword], color: 'var(--tok-keyword)' },
  { tag: [t.string, t.special(t.string), t.regexp], color: 'var(--tok-string)' },
  { tag: [t.number, t.bool, t.null], color: 'var(--tok-number)' },
  { tag: [t.comment, t.lineComment, t.blockComment], color: 'var(--tok-comment)', fontStyle: 'italic' },
  { tag: [t.typeName, t.className, t.namespace], color: 'var(--tok-type)' },
  { tag: [t.function(t.variableName), t.function(t.propertyName)], color: 'var(--tok-function)' },
  { tag: [t.propertyName], color: 'var(--tok-property)' },
]);

const theme = EditorView.theme({
  '&': { backgroundColor: 'var(--code-bg)', color: 'var(--text)', fontSize: '0.92em' },
  '.cm-content': { fontFamily: 'ui-monospace, "SF Mono", Menlo, Consolas, "Liberation Mono", monospace', padding: '0.6rem 0', caretColor: 'var(--text)' },
  '.cm-gutters': { backgroundColor: 'var(--surface)', color: 'var(--muted)', borderRight: '1px solid var(--border)' },
  '.cm-activeLine': { backgroundColor: 'color-mix(in srgb, var(--accent) 7%, transparent)' },
  '&.cm-focused': { outline: '3px solid var(--accent)', outlineOffset: '-3px' },
  '.cm-selectionBackground, &.cm-focused .cm-selectionBackground': { backgroundColor: 'color-mix(in srgb, var(--accent) 30%, transparent) !important' },
  '.cm-tooltip': { backgroundColor: 'var(--bg)', color: 'var(--text)', border: '1px solid var(--border)' },
});

export function createEditor(parent: HTMLElement, options: EditorOptions): CellEditor {
  const run = () => { options.onRun(); return true; };
  const view = new EditorView({
    parent,
    state: EditorState.create({
      doc: options.code,
      extensions: [
        lineNumbers(), history(), drawSelection(), highlightActiveLine(), indentOnInput(), bracketMatching(),
        javascript({ typescript: true }), syntaxHighlighting(highlight), theme, lintGutter(),
        EditorView.lineWrapping,
        EditorState.tabSize.of(2),
        keymap.of([{ key: 'Shift-Enter', run }, { key: 'Mod-Enter', run }, indentWithTab, ...defaultKeymap, ...historyKeymap]),
        EditorView.contentAttributes.of({ tabindex: '0', 'aria-label': options.label, 'aria-describedby': 'tl-editor-help', spellcheck: 'false', autocapitalize: 'off' }),
        EditorView.updateListener.of((u) => { if (u.docChanged) options.onChange(u.state.doc.toString()); }),
      ],
    }),
  });
  return {
    value: () => view.state.doc.toString(),
    set: (code) => view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: code } }),
    focus: () => view.focus(),
    dom: view.contentDOM,
    diagnose(items) {
      const doc = view.state.doc;
      const diagnostics: Diagnostic[] = items.filter((d) => d.line >= 1 && d.line <= doc.lines).map((d) => {
        const line = doc.line(d.line);
        const from = Math.min(line.from + Math.max(0, d.column - 1), line.to);
        return { from, to: Math.min(doc.length, from + Math.max(1, d.length)), severity: d.severity, message: d.message };
      });
      view.dispatch(setDiagnostics(view.state, diagnostics));
    },
  };
}
