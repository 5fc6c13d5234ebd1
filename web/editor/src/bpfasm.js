// Syntax highlighting for veristep's program text format (shared/spec/ASM.md):
// BPF assembly in the LLVM / kernel-log pseudo-C syntax plus a few directives.
//
// The tokenizer follows core/src/asm (strip_line + lex + parse_insn) so that
// what looks like a comment, a label or a kernel-log prefix here is exactly
// what the parser treats as such. It only colours text; the parser's own
// diagnostics (setDiagnostics) are the authority on what is valid.

import { StreamLanguage } from "@codemirror/language";

// Token names are @lezer/highlight tag names (modifiers after a dot); with
// classHighlighter they become `tok-*` classes.
const T = {
  comment: "comment",
  meta: "meta", // directives, kernel-log / objdump prefixes
  keyword: "keyword",
  type: "typeName", // u8 u16 ... and whole casts like `(u64 *)`
  reg: "variableName", // r0..r10, w0..w10
  callee: "variableName.function", // helper / kfunc / subprogram after `call`
  labelDef: "labelName.definition",
  labelRef: "labelName",
  symbol: "variableName.special", // map names
  number: "number",
  string: "string",
  operator: "operator",
  punct: "punctuation",
  atom: "atom", // program and map type names in directives
  property: "propertyName", // key= value= entries= timer= lock=
  invalid: "invalid",
};

const KEYWORDS = new Set([
  "goto", "gotol", "if", "call", "exit", "lock", "ll", "skb", "pc",
  "be16", "be32", "be64", "le16", "le32", "le64",
  "atomic_fetch_add", "atomic_fetch_and", "atomic_fetch_or", "atomic_fetch_xor",
  "xchg_64", "xchg_32", "xchg32_32", "cmpxchg_64", "cmpxchg_32", "cmpxchg32_32",
]);

const SIZES = new Set(["u8", "u16", "u32", "u64", "s8", "s16", "s32", "s64"]);

// A word as the parser's lexer sees it: it may not start with a digit or a dot
// but may contain dots and dollars.
const WORD = /^\.?[A-Za-z_$][A-Za-z0-9_.$]*/; // `.Lcb`: LLVM's local labels
// C's integer suffixes (U, L, LL, UL, ULL), which LLVM's assembler ignores
const NUMBER = /^(?:0[xX][0-9a-fA-F]*|[0-9]+)(?:[uU]?[lL]{0,2}(?![A-Za-z0-9_.$]))?/;
const REGISTER = /^[rw](?:10|[0-9])$/;
// Longest first, as in core/src/asm/lex.rs.
const OPERATORS = [
  "<<=", ">>=", "==", "!=", ">=", "<=", "+=", "-=", "*=", "/=", "%=", "&=",
  "|=", "^=", "<<", ">>", "<", ">", "=", "&", "+", "-", "*", "/", "%", "|", "^", "!",
];
// `(u64 *)` in loads, stores and atomics; `(s8)` in sign-extending moves.
const CAST = /^\(\s*[us](?:8|16|32|64)\s*\*\s*\)/;
const SX_CAST = /^\(\s*s(?:8|16|32)\s*\)/;

function isWordChar(ch) {
  return ch !== undefined && /[A-Za-z_.$0-9]/.test(ch);
}

// Length of a kernel-log `N: (xx)` or llvm-objdump `N: xx xx xx ...` prefix at
// the start of `s` (already past leading blanks), or 0. Mirrors strip_line.
function prefixLength(s) {
  const m = /^[0-9]+:/.exec(s);
  if (!m) return 0;
  let i = m[0].length;
  while (i < s.length && /\s/.test(s[i])) i++;
  if (/^\([0-9a-fA-F]{2}\)/.test(s.slice(i))) {
    i += 4;
    while (i < s.length && /\s/.test(s[i])) i++;
    return i;
  }
  // 8 to 16 byte pairs, then something more (the instruction)
  let pairs = 0;
  while (
    pairs < 16 &&
    /^[0-9a-fA-F]{2}(?:[ \t]|$)/.test(s.slice(i, i + 3))
  ) {
    pairs++;
    i += 2;
    while (i < s.length && (s[i] === " " || s[i] === "\t")) i++;
  }
  const rest = s.slice(i);
  if (pairs >= 8 && rest.length > 0 && !startsComment(rest)) return i;
  return 0;
}

function startsComment(s) {
  return s[0] === ";" || s[0] === "#" || s.startsWith("//");
}

function startState() {
  return {
    stmt: true, // nothing but labels (and a log prefix) seen on this line yet
    lineStart: true, // nothing at all seen on this line yet
    dir: null, // directive name on this line
    dirArg: 0, // words seen after the directive name
    after: null, // "call" or "goto": what the next word is
    sign: true, // a '-'/'+' here starts a signed number
    maps: [], // map names declared so far (shared, copied on write)
  };
}

function copyState(s) {
  return {
    stmt: s.stmt,
    lineStart: s.lineStart,
    dir: s.dir,
    dirArg: s.dirArg,
    after: s.after,
    sign: s.sign,
    maps: s.maps,
  };
}

function resetLine(state) {
  state.stmt = true;
  state.lineStart = true;
  state.dir = null;
  state.dirArg = 0;
  state.after = null;
  state.sign = true;
}

function directiveWord(stream, state, word) {
  const n = state.dirArg++;
  if (state.dir === "prog_type") return n === 0 ? T.atom : null;
  if (state.dir === "map") {
    if (n === 0) {
      if (!state.maps.includes(word)) state.maps = state.maps.concat([word]);
      return T.symbol;
    }
    if (n === 1) return T.atom;
    if (stream.match(/^\s*=/, false)) return T.property;
    return null;
  }
  return null;
}

function token(stream, state) {
  if (stream.sol()) resetLine(state);
  if (stream.eatSpace()) return null;

  // Comments: `;`, `#` or `//` anywhere (also inside strings, as in strip_line,
  // so the kernel-log `call bpf_loop#181` keeps only `call bpf_loop`).
  if (stream.match(";") || stream.match("#") || stream.match("//")) {
    stream.skipToEnd();
    return T.comment;
  }

  const lineStart = state.lineStart;
  state.lineStart = false;

  if (lineStart) {
    const n = prefixLength(stream.string.slice(stream.pos));
    if (n > 0) {
      stream.pos += n;
      // drop trailing blanks from the token
      while (stream.pos > stream.start && /\s/.test(stream.string[stream.pos - 1])) stream.pos--;
      return T.meta;
    }
  }

  if (state.stmt) {
    // label definitions: `name:` or `1:`, possibly several on one line
    if (
      stream.match(/^(?:\.?[A-Za-z_$][A-Za-z0-9_.$]*|0[xX][0-9a-fA-F]*|[0-9]+)(?=\s*:)/)
    ) {
      return T.labelDef;
    }
    if (stream.match(":")) return T.punct;
    // directive: `.prog_type`, `.license`, `.map`
    const d = stream.match(/^\.\s*([A-Za-z_$][A-Za-z0-9_.$]*)/);
    if (d) {
      state.stmt = false;
      state.dir = d[1];
      return T.meta;
    }
    state.stmt = false;
  }

  // strings (only `.license "GPL"` uses them)
  if (stream.peek() === '"') {
    stream.next();
    while (!stream.eol()) {
      if (startsComment(stream.string.slice(stream.pos))) break;
      if (stream.next() === '"') return T.string;
    }
    return T.invalid; // unterminated
  }

  // numbers, signed where an operand starts; `1f` / `1b` label references
  {
    const save = stream.pos;
    const signed = state.sign && (stream.peek() === "-" || stream.peek() === "+");
    if (signed) stream.next();
    const m = stream.match(NUMBER);
    if (m) {
      const next = stream.peek();
      if (
        !signed &&
        (next === "f" || next === "b") &&
        !isWordChar(stream.string[stream.pos + 1]) &&
        /^[0-9]+$/.test(m[0])
      ) {
        stream.next();
        state.sign = false;
        return T.labelRef;
      }
      if (isWordChar(next)) {
        // `12ab`: the parser's "bad number"
        while (isWordChar(stream.peek())) stream.next();
        state.sign = false;
        return T.invalid;
      }
      state.sign = false;
      return T.number;
    }
    stream.pos = save;
  }

  const w = stream.match(WORD);
  if (w) {
    const word = w[0];
    const after = state.after;
    state.sign = false;
    if (state.dir) return directiveWord(stream, state, word);
    if (REGISTER.test(word)) return T.reg;
    // `s>`, `s>=`, `s<`, `s<=`, `s>>=`
    if (word === "s" && stream.match(/^\s*(?:>>=|>=|<=|>|<)/)) {
      state.sign = true;
      return T.operator;
    }
    if (SIZES.has(word)) return T.type;
    if (KEYWORDS.has(word)) {
      if (word === "call" || word === "goto" || word === "gotol") {
        state.after = word === "call" ? "call" : "goto";
        state.sign = true;
      } else if (word !== "pc") {
        state.after = null;
      }
      if (word === "exit") state.after = null;
      return T.keyword;
    }
    state.after = null;
    if (after === "call") return T.callee;
    if (after === "goto") return T.labelRef;
    // `rX = NAME ll`: a map pointer or a subprogram address
    if (stream.match(/^\s*ll(?![A-Za-z0-9_.$])/, false)) {
      return state.maps.includes(word) ? T.symbol : T.labelRef;
    }
    return null;
  }

  if (stream.match(CAST) || stream.match(SX_CAST)) {
    state.sign = true;
    return T.type;
  }

  const ch = stream.peek();
  if (ch === "(" || ch === ")" || ch === "[" || ch === "]" || ch === "," || ch === ":") {
    stream.next();
    state.sign = ch !== ")" && ch !== "]";
    return T.punct;
  }
  for (const op of OPERATORS) {
    if (stream.match(op)) {
      state.sign = true;
      return T.operator;
    }
  }
  stream.next();
  state.sign = false;
  // the parser's lexer rejects anything that is not ASCII
  return ch.charCodeAt(0) > 127 ? T.invalid : T.punct;
}

export const bpfAsm = StreamLanguage.define({
  name: "bpfasm",
  startState,
  copyState,
  token,
  blankLine: resetLine,
  languageData: {
    commentTokens: { line: ";" },
  },
});

// Exported for the tokenizer self-test (not part of the editor API).
export const _internal = { token, startState, copyState, prefixLength };
