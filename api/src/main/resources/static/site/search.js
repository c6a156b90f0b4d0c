// Search as you type over the JSON API. Without this script the form still works: the server renders the results.
(function () {
  'use strict';
  // The page's language: sentences come from the footer's data-text-* attributes, {0} filled in.
  const text = (key, ...args) => {
    const footer = document.querySelector('.site-footer');
    const template = (footer && footer.dataset['text' + key]) || key;
    return template.replace(/\{(\d)\}/g, (_, i) => String(args[Number(i)]));
  };
  const input = document.getElementById('q');
  const list = document.getElementById('search-results');
  const status = document.getElementById('search-status');
  if (!input || !list) {
    return;
  }
  const base = input.dataset.searchUrl;
  let timer = null;
  let latest = 0;

  function modelHref(id) {
    return '/models/' + id.split('/').map(encodeURIComponent).join('/');
  }

  function item(model) {
    const li = document.createElement('li');
    const link = document.createElement('a');
    link.href = modelHref(model.id);
    // textContent, never innerHTML: names come from upstream.
    link.textContent = model.name || model.id;
    const meta = document.createElement('span');
    meta.className = 'meta';
    meta.textContent = [model.id, model.organisation, model.catalogued ? 'catalogued' : 'discovered',
      model.downloads == null ? null : model.downloads.toLocaleString('en') + ' downloads'].filter(Boolean).join(' · ');
    li.append(link, ' ', meta);
    return li;
  }

  async function search() {
    const q = input.value.trim();
    const mine = ++latest;
    if (!q) {
      list.replaceChildren();
      status.textContent = '';
      return;
    }
    const response = await fetch(base + '&q=' + encodeURIComponent(q), { headers: { Accept: 'application/json' } });
    if (mine !== latest) {
      return; // a later keystroke has its own answer coming
    }
    if (!response.ok) {
      status.textContent = text('SearchFailed', response.status);
      return;
    }
    const page = await response.json();
    list.replaceChildren(...page.items.map(item));
    // Past a few thousand matches the server gives a lower bound, not a count.
    status.textContent = text(page.totalCapped ? 'MatchesMore' : page.total === 1 ? 'MatchesOne' : 'MatchesOther',
        page.total.toLocaleString('en'));
    history.replaceState(null, '', '/?q=' + encodeURIComponent(q));
  }

  // Text typed before this script ran has had no search yet.
  if (input.value.trim() && !list.children.length) {
    search();
  }

  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(search, 150);
  });

  // Arrow keys move between the box and the results; Enter follows the focused result like any link.
  input.addEventListener('keydown', (event) => {
    const first = list.querySelector('a');
    if (event.key === 'ArrowDown' && first) {
      event.preventDefault();
      first.focus();
    }
  });
  list.addEventListener('keydown', (event) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') {
      return;
    }
    const links = Array.from(list.querySelectorAll('a'));
    const at = links.indexOf(document.activeElement);
    event.preventDefault();
    if (event.key === 'ArrowDown' && at < links.length - 1) {
      links[at + 1].focus();
    } else if (event.key === 'ArrowUp') {
      (at > 0 ? links[at - 1] : input).focus();
    }
  });
})();
