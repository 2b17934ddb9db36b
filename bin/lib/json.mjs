// JSON.parse's messages differ between Node versions and may quote the whole file, line breaks
// included. When a configuration does not parse, this walks it once to say where and why, as
// `line 4, column 9: expected "," or "}" after a property value`.

/** Line and column (both from 1) of `pos` in `text`. */
export function lineColumn(text, pos) {
  const before = text.slice(0, pos).split('\n');
  return { line: before.length, column: before[before.length - 1].length + 1 };
}

const shown = (c) => (c === undefined ? 'the end of the file' : JSON.stringify(c));

/** The first syntax error in `text` as { pos, reason }, or null when it is valid JSON. */
export function syntaxError(text) {
  let i = 0;
  const fail = (reason) => {
    throw { pos: i, reason };
  };
  const ws = () => {
    while (/[ \t\n\r]/.test(text[i] ?? '')) i++;
  };
  const string = () => {
    const start = i++;
    for (;;) {
      const c = text[i];
      // Pointing at the opening quote says which string it is.
      if (c === undefined || c === '\n') (i = start), fail('unterminated string');
      if (c === '"') return void i++;
      if (c < ' ') fail(`control character ${JSON.stringify(c)} inside a string`);
      if (c === '\\') {
        i++;
        if (text[i] === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 1, i + 5))) fail('bad \\u escape');
          i += 4;
        } else if (!'"\\/bfnrt'.includes(text[i] ?? 'x')) fail(`bad escape \\${text[i] ?? ''}`);
      }
      i++;
    }
  };
  const value = () => {
    ws();
    const c = text[i];
    if (c === '{' || c === '[') {
      const close = c === '{' ? '}' : ']';
      i++;
      ws();
      if (text[i] === close) return void i++;
      for (;;) {
        ws();
        if (c === '{') {
          if (text[i] !== '"') fail(`expected a property name in double quotes, found ${shown(text[i])}`);
          string();
          ws();
          if (text[i] !== ':') fail(`expected ":" after the property name, found ${shown(text[i])}`);
          i++;
        }
        value();
        ws();
        if (text[i] === close) return void i++;
        if (text[i] !== ',') fail(`expected "," or "${close}" after ${c === '{' ? 'a property value' : 'an array item'}, found ${shown(text[i])}`);
        i++;
        ws();
        if (text[i] === close) fail(`trailing comma before "${close}"`);
      }
    }
    if (c === '"') return string();
    const m = /^(-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?|true|false|null)/.exec(text.slice(i, i + 400));
    if (!m) fail(`expected a value, found ${shown(c)}`);
    i += m[0].length;
  };
  try {
    // A byte order mark is not JSON, but editors write one; JSON.parse refuses it too.
    if (text.charCodeAt(0) === 0xfeff) fail('the file starts with a byte order mark');
    value();
    ws();
    if (i < text.length) fail(`unexpected ${shown(text[i])} after the end of the JSON value`);
    return null;
  } catch (e) {
    if (e instanceof Error) throw e;
    return e;
  }
}

/** One line saying where `text` stops being JSON, e.g. `line 3, column 8: trailing comma before "]"`. */
export function describeJsonError(text) {
  const e = syntaxError(text);
  if (!e) return null;
  const { line, column } = lineColumn(text, e.pos);
  return `line ${line}, column ${column}: ${e.reason}`;
}

/**
 * What every command says of a file that is not JSON (`e`: JSON.parse's error), in one line:
 * JSON.parse's own message may quote the whole file, line breaks and all.
 */
export const notJson = (file, text, e) => `${file}: (root): not valid JSON: ${describeJsonError(text) || String(e?.message ?? e).replace(/\s+/g, ' ')}`;
