/**
 * The shared UI parts (src/lib/ui) render the markup their callers count on, checked with
 * `svelte/server`: the one button keeps its class whatever the caller adds, a section title is
 * the heading level asked for, and a dialog is named by its title with a named close button.
 */
import { describe, expect, it } from 'vitest';
import { createRawSnippet } from 'svelte';
import { render } from 'svelte/server';
import { Window } from 'happy-dom';
import Button from '../../src/lib/ui/Button.svelte';
import SectionTitle from '../../src/lib/ui/SectionTitle.svelte';
import DialogShell from '../../src/lib/ui/DialogShell.svelte';

const text = (words: string) => createRawSnippet(() => ({ render: () => `<span>${words}</span>` }));
const parse = (html: string) => {
  const document = new Window().document as unknown as Document;
  document.body.innerHTML = html;
  return document.body;
};

describe('Button', () => {
  it('is a plain button with the shared class, a class of the caller beside it', () => {
    const { body } = render(Button, {
      props: { class: 'extra', 'aria-pressed': true, children: text('Full screen') },
    });
    const button = parse(body).querySelector('button')!;
    expect(button.getAttribute('type')).toBe('button');
    expect(button.classList.contains('button')).toBe(true);
    expect(button.classList.contains('extra')).toBe(true);
    expect(button.getAttribute('aria-pressed')).toBe('true');
    expect(button.textContent).toBe('Full screen');
  });

  it.each([
    ['aria-label', 'Next step', 'Next step'],
    ['aria-expanded', false, 'false'],
    ['aria-controls', 'menu', 'menu'],
    ['aria-haspopup', 'dialog', 'dialog'],
    ['aria-busy', true, 'true'],
    ['disabled', true, ''],
    ['data-download', 'png', 'png'],
    ['data-embed', true, 'true'],
    ['data-present', true, 'true'],
    ['data-more', true, 'true'],
    ['data-deck', true, 'true'],
  ] as const)('passes on %s', (name, value, shown) => {
    const { body } = render(Button, { props: { [name]: value, children: text('Go') } });
    expect(parse(body).querySelector('button')!.getAttribute(name)).toBe(shown);
  });

  it('leaves out what it is not given', () => {
    const { body } = render(Button, { props: { children: text('Go') } });
    const button = parse(body).querySelector('button')!;
    expect(button.getAttributeNames().sort()).toEqual(['class', 'type']);
  });

  it('marks the main action strong', () => {
    const { body } = render(Button, { props: { strong: true, children: text('Present') } });
    expect(parse(body).querySelector('button')!.classList.contains('strong')).toBe(true);
  });
});

describe('SectionTitle', () => {
  it.each([
    { level: 2 as const, tag: 'H2' },
    { level: 3 as const, tag: 'H3' },
  ])('is an h$level when asked for level $level', ({ level, tag }) => {
    const { body } = render(SectionTitle, {
      props: { level, id: 't', children: text('Timeline') },
    });
    const heading = parse(body).querySelector('.section-title')!;
    expect(heading.tagName).toBe(tag);
    expect(heading.id).toBe('t');
  });
});

describe('DialogShell', () => {
  it('is a dialog named by its title, with a named close button and the body given', () => {
    const { body } = render(DialogShell, {
      props: {
        title: 'Embed this map',
        titleId: 'embed-title',
        closeLabel: 'Close the embed code',
        onClose: () => {},
        'data-embed-code': true,
        class: 'article',
        children: text('The code'),
      },
    });
    const dialog = parse(body).querySelector('dialog')!;
    expect(dialog.getAttribute('aria-labelledby')).toBe('embed-title');
    expect(dialog.querySelector('#embed-title')!.textContent).toBe('Embed this map');
    expect(dialog.querySelector('button')!.getAttribute('aria-label')).toBe('Close the embed code');
    expect(dialog.hasAttribute('data-embed-code')).toBe(true);
    expect(dialog.classList.contains('article')).toBe(true);
    expect(dialog.textContent).toContain('The code');
  });
});
