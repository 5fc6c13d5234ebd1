// veristep's program editor: CodeMirror 6 behind a small, stable API that the
// Rust/Yew app calls through wasm-bindgen (see README.md).

import {
  Annotation,
  Compartment,
  EditorSelection,
  EditorState,
  StateEffect,
  StateField,
} from "@codemirror/state";
import {
  Decoration,
  EditorView,
  highlightActiveLine,
  highlightActiveLineGutter,
  keymap,
  lineNumbers,
} from "@codemirror/view";
import {
  defaultKeymap,
  history,
  historyKeymap,
  indentLess,
  indentMore,
  isolateHistory,
} from "@codemirror/commands";
import { indentUnit, syntaxHighlighting } from "@codemirror/language";
import { lintGutter, setDiagnostics as lintSetDiagnostics } from "@codemirror/lint";
import { classHighlighter, tagHighlighter, tags } from "@lezer/highlight";
import { bpfAsm } from "./bpfasm.js";

const TAB = "    ";

// Marks transactions that come from the app (setText), not from the user.
const external = Annotation.define();

// ---- the stepper's current instruction -------------------------------------

const setCurrentLineEffect = StateEffect.define();
const currentInsnLine = Decoration.line({ class: "cm-current-insn" });

const currentInsnField = StateField.define({
  create: () => Decoration.none,
  update(deco, tr) {
    deco = deco.map(tr.changes);
    for (const e of tr.effects) {
      if (e.is(setCurrentLineEffect)) {
        deco = e.value === null ? Decoration.none : Decoration.set([currentInsnLine.range(e.value)]);
      }
    }
    return deco;
  },
  provide: (f) => EditorView.decorations.from(f),
});

// ---- keys -------------------------------------------------------------------

// Tab inserts four spaces at the cursor (indents the lines of a non-empty
// selection); Shift-Tab unindents. Escape then Tab (within 2 s) or Ctrl-M
// (Shift-Alt-M on macOS) lets Tab move focus out of the editor instead.
function insertTab(view) {
  const { state } = view;
  if (state.readOnly) return false;
  if (state.selection.ranges.some((r) => !r.empty)) return indentMore(view);
  view.dispatch(
    state.update(state.replaceSelection(TAB), { scrollIntoView: true, userEvent: "input" })
  );
  return true;
}

// ---- look ---------------------------------------------------------------------

// Structure only: every colour comes from the page's CSS variables (with the
// app's existing --panel / --cur / --line / --muted as second choice), so the
// app's light and dark themes apply. Token colours are the app's `.tok-*` rules.
const structuralTheme = EditorView.theme({
  "&": {
    height: "100%",
    color: "var(--fg, inherit)",
    backgroundColor: "var(--cm-bg, transparent)",
  },
  "&.cm-focused": { outline: "1px solid var(--cm-focus, var(--line, #888))" },
  ".cm-scroller": {
    overflow: "auto",
    fontFamily: "var(--cm-font, ui-monospace, SFMono-Regular, Menlo, Consolas, monospace)",
    lineHeight: "1.45",
  },
  ".cm-content": { caretColor: "var(--fg, currentColor)" },
  ".cm-cursor, .cm-dropCursor": { borderLeftColor: "var(--fg, currentColor)" },
  ".cm-gutters": {
    backgroundColor: "var(--panel-bg, var(--panel, transparent))",
    color: "var(--muted, inherit)",
    borderRight: "1px solid var(--line, rgba(128,128,128,.3))",
  },
  ".cm-activeLine": { backgroundColor: "var(--active-line-bg, rgba(128,128,128,.08))" },
  ".cm-activeLineGutter": {
    backgroundColor: "var(--active-line-bg, rgba(128,128,128,.12))",
    color: "var(--fg, inherit)",
  },
  ".cm-line.cm-current-insn": {
    backgroundColor: "var(--current-insn-bg, var(--cur, rgba(255,200,0,.25)))",
  },
  ".cm-tooltip": {
    backgroundColor: "var(--panel-bg, var(--panel, Canvas))",
    color: "var(--fg, CanvasText)",
    border: "1px solid var(--line, rgba(128,128,128,.5))",
  },
});

// classHighlighter leaves call targets and label definitions with the plain
// `tok-variableName` / `tok-labelName`; add `tok-function` / `tok-definition`.
const extraClasses = tagHighlighter([
  { tag: tags.function(tags.variableName), class: "tok-function" },
  { tag: tags.definition(tags.labelName), class: "tok-definition" },
]);

// ---- the editor ---------------------------------------------------------------

function clamp(v, lo, hi) {
  v = Number(v);
  if (!Number.isFinite(v)) v = lo;
  return Math.min(Math.max(Math.trunc(v), lo), hi);
}

class Editor {
  constructor(parent, text, onChange) {
    this._onChange = typeof onChange === "function" ? onChange : null;
    this._busy = false; // inside onChange: view updates must wait
    this._readOnly = new Compartment();
    this.view = new EditorView({
      parent,
      state: EditorState.create({
        doc: text == null ? "" : String(text),
        extensions: [
          lineNumbers(),
          highlightActiveLineGutter(),
          highlightActiveLine(),
          history(),
          lintGutter(),
          indentUnit.of(TAB),
          EditorState.tabSize.of(4),
          keymap.of([
            { key: "Tab", run: insertTab, shift: indentLess },
            ...defaultKeymap,
            ...historyKeymap,
          ]),
          bpfAsm,
          syntaxHighlighting(classHighlighter),
          syntaxHighlighting(extraClasses),
          currentInsnField,
          structuralTheme,
          this._readOnly.of(readOnlyExt(false)),
          EditorView.contentAttributes.of({ "aria-label": "program text", spellcheck: "false" }),
          EditorView.editorAttributes.of({ class: "veristep-cm" }),
          EditorView.updateListener.of((u) => this._changed(u)),
        ],
      }),
    });
  }

  _changed(update) {
    if (!this._onChange || !update.docChanged) return;
    const byUser = update.transactions.some((tr) => tr.docChanged && !tr.annotation(external));
    if (!byUser) return;
    this._busy = true;
    try {
      this._onChange(update.state.doc.toString());
    } finally {
      this._busy = false;
    }
  }

  // Runs `f` now, or right after the current update if the app calls back in
  // from onChange (CodeMirror forbids dispatching during an update).
  _run(f) {
    if (!this.view) return;
    if (this._busy) {
      queueMicrotask(() => {
        if (this.view) f();
      });
    } else {
      f();
    }
  }

  setText(text) {
    text = text == null ? "" : String(text);
    this._run(() => {
      const { state } = this.view;
      if (state.doc.toString() === text) return;
      const len = text.length;
      const ranges = state.selection.ranges.map((r) =>
        EditorSelection.range(Math.min(r.anchor, len), Math.min(r.head, len))
      );
      this.view.dispatch({
        changes: { from: 0, to: state.doc.length, insert: text },
        selection: EditorSelection.create(ranges, state.selection.mainIndex),
        annotations: [external.of(true), isolateHistory.of("full")],
      });
    });
  }

  getText() {
    return this.view ? this.view.state.doc.toString() : "";
  }

  setDiagnostics(list) {
    this._run(() => {
      const { doc } = this.view.state;
      const out = [];
      for (const d of Array.isArray(list) ? list : []) {
        if (!d || typeof d !== "object") continue;
        const line = doc.line(clamp(d.line, 1, doc.lines));
        const from = line.from + clamp(d.col, 1, line.length + 1) - 1;
        const to = Math.min(from + clamp(d.len, 1, 1e9), line.to);
        out.push({
          from,
          to,
          severity: d.warning ? "warning" : "error",
          message: d.message == null ? "" : String(d.message),
        });
      }
      out.sort((a, b) => a.from - b.from || a.to - b.to);
      this.view.dispatch(lintSetDiagnostics(this.view.state, out));
    });
  }

  setCurrentLine(line) {
    this._run(() => {
      const { doc } = this.view.state;
      const n = Number(line);
      if (!Number.isInteger(n) || n < 1 || n > doc.lines) {
        this.view.dispatch({ effects: setCurrentLineEffect.of(null) });
        return;
      }
      const pos = doc.line(n).from;
      this.view.dispatch({ effects: setCurrentLineEffect.of(pos) });
      this._scrollLineIntoEditor(pos);
    });
  }

  // The current line is brought into the editor's own scroller only:
  // CodeMirror's scrollIntoView effect also scrolls the page, which on a
  // narrow screen (the editor below the fold) or in a page embedding the
  // playground moved the reader away from where they were, at load and at
  // every step.
  _scrollLineIntoEditor(pos, again = false) {
    const view = this.view;
    view.requestMeasure({
      read: () => {
        const sd = view.scrollDOM;
        const box = sd.getBoundingClientRect();
        // the line's box where it is drawn; the height map's estimate for a
        // line far away, which is not in the DOM
        const { node } = view.domAtPos(pos);
        const el = (node.nodeType === 1 ? node : node.parentElement)?.closest(".cm-line");
        const drawn = !!el && view.contentDOM.contains(el);
        let top, bottom;
        if (drawn) {
          const r = el.getBoundingClientRect();
          top = r.top - box.top + sd.scrollTop;
          bottom = r.bottom - box.top + sd.scrollTop;
        } else {
          const block = view.lineBlockAt(pos);
          const origin = view.documentTop - box.top + sd.scrollTop;
          top = origin + block.top;
          bottom = origin + block.bottom;
        }
        let to = null;
        if (top < sd.scrollTop) to = top;
        else if (bottom > sd.scrollTop + sd.clientHeight) to = bottom - sd.clientHeight;
        return { to, drawn };
      },
      write: ({ to, drawn }) => {
        if (to === null) return;
        view.scrollDOM.scrollTop = Math.max(0, to);
        // once drawn there, the line's real box corrects the estimate
        if (!drawn && !again) this._scrollLineIntoEditor(pos, true);
      },
    });
  }

  setReadOnly(ro) {
    this._run(() => {
      this.view.dispatch({ effects: this._readOnly.reconfigure(readOnlyExt(!!ro)) });
    });
  }

  focus() {
    if (this.view) this.view.focus();
  }

  destroy() {
    if (this.view) {
      this.view.destroy();
      this.view = null;
    }
    this._onChange = null;
  }
}

function readOnlyExt(ro) {
  return [EditorState.readOnly.of(ro), EditorView.editable.of(!ro)];
}

globalThis.VeristepEditor = {
  create(parent, text, onChange) {
    const editor = new Editor(parent, text, onChange);
    // Reachable from the host element: host pages and browser tests read
    // and set the program through it (parent.veristepEditor.getText()).
    parent.veristepEditor = editor;
    return editor;
  },
};
