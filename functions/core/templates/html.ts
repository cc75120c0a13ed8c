/**
 * A tiny, safe way to build accessible HTML e-mails: every interpolated value
 * is escaped; structure uses real headings, lists and descriptive link text,
 * and no information is carried by colour or images alone.
 */
export const escapeHtml = (value: string): string =>
  value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);

export type Block =
  | { readonly kind: 'paragraph'; readonly text: string }
  | { readonly kind: 'heading'; readonly text: string }
  | { readonly kind: 'facts'; readonly items: readonly (readonly [label: string, value: string])[] }
  | { readonly kind: 'steps'; readonly items: readonly string[] }
  | { readonly kind: 'link'; readonly text: string; readonly href: string };

export interface Email {
  readonly subject: string;
  readonly text: string;
  readonly html: string;
}

/** Renders one document as plain text and as HTML, so both always say the same. */
export const renderEmail = (language: string, subject: string, blocks: readonly Block[]): Email => {
  const text = blocks
    .map((block) => {
      switch (block.kind) {
        case 'paragraph':
          return block.text;
        case 'heading':
          return `${block.text}\n${'-'.repeat(block.text.length)}`;
        case 'facts':
          return block.items.map(([label, value]) => `${label}: ${value}`).join('\n');
        case 'steps':
          return block.items.map((item, index) => `${index + 1}. ${item}`).join('\n');
        case 'link':
          return `${block.text}: ${block.href}`;
      }
    })
    .join('\n\n');

  const body = blocks
    .map((block) => {
      switch (block.kind) {
        case 'paragraph':
          return `<p>${escapeHtml(block.text)}</p>`;
        case 'heading':
          return `<h2>${escapeHtml(block.text)}</h2>`;
        case 'facts':
          return `<dl>${block.items.map(([label, value]) => `<dt>${escapeHtml(label)}</dt><dd>${escapeHtml(value)}</dd>`).join('')}</dl>`;
        case 'steps':
          return `<ol>${block.items.map((item) => `<li>${escapeHtml(item)}</li>`).join('')}</ol>`;
        case 'link':
          return `<p><a href="${escapeHtml(block.href)}">${escapeHtml(block.text)}</a></p>`;
      }
    })
    .join('\n');

  const html = `<!DOCTYPE html>
<html lang="${escapeHtml(language)}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(subject)}</title></head>
<body style="font-family: Arial, sans-serif; font-size: 16px; line-height: 1.5; color: #1a1a1a; background: #ffffff; max-width: 40em; margin: 0 auto; padding: 1em;">
<h1 style="font-size: 1.4em;">${escapeHtml(subject)}</h1>
${body}
</body>
</html>`;
  return { subject, text: `${subject}\n\n${text}\n`, html };
};
