// History charts with uPlot: stars and forks of each repository, downloads and likes from the Hub, dates on the x axis (UTC).
(function () {
  'use strict';
  // The page's language: sentences come from the footer's data-text-* attributes, {0} filled in.
  const text = (key, ...args) => {
    const footer = document.querySelector('.site-footer');
    const template = (footer && footer.dataset['text' + key]) || key;
    return template.replace(/\{(\d)\}/g, (_, i) => String(args[Number(i)]));
  };
  const figures = document.querySelectorAll('figure.chart[data-history-url]');
  if (!figures.length) {
    return;
  }
  const css = getComputedStyle(document.documentElement);
  const COLOURS = [css.getPropertyValue('--rel-finetune').trim(), css.getPropertyValue('--rel-quantized').trim()];
  const HEIGHT = 240;
  const DAY = 86400;
  // Snapshots are daily at most, so the date axis ticks whole days (UTC), weeks, months or years.
  const DAYS = [DAY, 2 * DAY, 7 * DAY, 14 * DAY, 30 * DAY, 91 * DAY, 182 * DAY, 365 * DAY];
  const compact = new Intl.NumberFormat('en', { notation: 'compact', maximumFractionDigits: 1 });

  function note(figure, text) {
    const p = document.createElement('p');
    p.className = 'empty';
    p.textContent = text;
    figure.append(p);
  }

  function width(figure) {
    return Math.max(260, figure.clientWidth);
  }

  async function chart(figure) {
    const names = figure.dataset.series.split(',');
    const response = await fetch(figure.dataset.historyUrl, { headers: { Accept: 'application/json' } });
    if (!response.ok) {
      note(figure, text('HistoryFailed', response.status));
      return;
    }
    const points = (await response.json()).points;
    figure.dataset.points = String(points.length);
    if (!points.length) {
      note(figure, text('HistoryNone'));
      return;
    }
    const data = [points.map((p) => Date.parse(p.at) / 1000)].concat(names.map((n) => points.map((p) => p[n])));
    const axis = (scale, side) => ({ scale: scale, side: side, size: 56, values: (u, vals) => vals.map((v) => compact.format(v)),
      grid: { show: side === 3 } });
    const plot = new uPlot({
      width: width(figure), height: HEIGHT,
      tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), 'Etc/UTC'),
      scales: { x: { time: true } },
      series: [{ label: 'date (UTC)' }].concat(names.map((n, i) => ({
        label: n, scale: i === 0 ? 'left' : 'right', stroke: COLOURS[i], width: 2,
        value: (u, v) => (v == null ? '–' : v.toLocaleString('en')), points: { show: true, size: 6 } }))),
      axes: [{ space: 90, incrs: DAYS, values: (u, ticks) => ticks.map((t) => new Date(t * 1000).toISOString().slice(0, 10)) },
        axis('left', 3), axis('right', 1)],
    }, data, figure);
    figure.plot = plot; // for the browser tests: they read what was plotted
    let drawnWidth = width(figure);
    new ResizeObserver(() => requestAnimationFrame(() => {
      if (width(figure) !== drawnWidth) {
        drawnWidth = width(figure);
        plot.setSize({ width: drawnWidth, height: HEIGHT });
      }
    })).observe(figure);
  }

  figures.forEach((figure) => chart(figure));
})();
