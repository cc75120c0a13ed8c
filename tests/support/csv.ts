/** RFC 4180 lines (CRLF, quotes doubled inside quoted cells) split on the given separator: what a spreadsheet reads. */
export const parseCsv = (text: string, separator: string): string[][] =>
  text.replace(/\r\n$/, '').split('\r\n').map((line) => {
    const cells: string[] = [];
    let cell = '';
    let quoted = false;
    for (let i = 0; i < line.length; i += 1) {
      const char = line[i]!;
      if (quoted && char === '"' && line[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (char === '"') quoted = !quoted;
      else if (char === separator && !quoted) {
        cells.push(cell);
        cell = '';
      } else cell += char;
    }
    cells.push(cell);
    return cells;
  });
