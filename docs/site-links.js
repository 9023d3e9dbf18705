// Points the toolbar's "Playground" link at the playground page from any depth of the typedoc site.
for (const a of document.querySelectorAll('#tsd-toolbar-links a[href="#playground"]'))
  a.setAttribute('href', `${document.documentElement.dataset.base ?? './'}playground/index.html`);
