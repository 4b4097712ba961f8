/* The site's own parts of the browser editor (Decap CMS): Finnish UI, the Finnish-time date widget,
   the "online" widget, the rules the build checks across fields, and a preview in the site's CSS.
   Decap exposes window.CMS, window.h (React.createElement) and window.createClass. */
(function () {
  'use strict';
  var settings = window.MUUTOSTUKI_CMS || {};
  var CMS = window.CMS;
  if (!CMS) return;
  CMS.registerLocale('fi', window.MUUTOSTUKI_FI || {});

  /* "2026-03-05" or "2026-03-05 13:00" (Finnish wall-clock time, as the build reads it) */
  var DATE_TIME = /^(\d{4}-\d{2}-\d{2})(?:[ T](\d{1,2})[:.](\d{2}))?/;

  function parts(value) {
    var m = DATE_TIME.exec(value == null ? '' : String(value));
    if (!m) return null;
    return { date: m[1], time: m[2] ? ('0' + m[2]).slice(-2) + ':' + m[3] : '' };
  }

  function joined(date, time) {
    if (!date) return '';
    return time ? date + ' ' + time : date;
  }

  /* The build's rule: the same form in both, and the end not before the start. */
  function endProblem(start, end) {
    var s = parts(start), e = parts(end);
    if (!s || !e) return '';
    if (!!s.time !== !!e.time) {
      return 'Käytä samaa muotoa kuin alkamisajassa: joko molemmissa kellonaika tai ei kummassakaan.';
    }
    if (e.date + ' ' + e.time < s.date + ' ' + s.time) {
      return 'Tapahtuma päättyy ennen kuin se alkaa: korjaa päättymisaika alkamisajan jälkeen.';
    }
    return '';
  }

  var h = window.h;
  var FinnishTime = window.createClass({
    isValid: function () {
      var field = this.props.field;
      if (field.get('name') !== 'end') return true;
      var entry = this.props.entry;
      var start = entry && entry.getIn(['data', 'start']);
      var problem = endProblem(start, this.props.value);
      return problem ? { error: { message: problem } } : true;
    },
    change: function (date, time) {
      this.props.onChange(joined(date, time));
    },
    render: function () {
      var self = this;
      var value = this.props.value;
      var p = parts(value) || { date: '', time: '' };
      var odd = value && !parts(value);
      var dateOnly = this.props.field.get('date_only');
      return h('div', { className: this.props.classNameWrapper + ' mt-cms-time' },
        h('input', {
          id: this.props.forID, type: 'date', value: p.date,
          onChange: function (e) { self.change(e.target.value, e.target.value ? p.time : ''); },
          onFocus: this.props.setActiveStyle, onBlur: this.props.setInactiveStyle,
        }),
        dateOnly ? null : h('label', { className: 'mt-cms-time__label' }, 'klo ',
          h('input', {
            type: 'time', value: p.time, 'aria-label': 'Kellonaika, Suomen aikaa',
            disabled: !p.date,
            onChange: function (e) { self.change(p.date, e.target.value); },
            onFocus: this.props.setActiveStyle, onBlur: this.props.setInactiveStyle,
          })),
        dateOnly ? null : h('span', { className: 'mt-cms-time__zone' }, 'Suomen aikaa'),
        odd ? h('p', { className: 'mt-cms-time__odd' }, 'Tiedostossa on arvo ”' + value + '”, jota lomake ei tunne; valitse päivä uudelleen.') : null);
    },
  });
  var TextPreview = window.createClass({
    render: function () { return h('span', null, this.props.value ? String(this.props.value) : ''); },
  });
  CMS.registerWidget('suomenaika', FinnishTime, TextPreview);

  /* online: true, false or a link to take part (https://...) */
  var Online = window.createClass({
    isValid: function () {
      var v = this.props.value;
      if (typeof v === 'string' && v && !/^https?:\/\/[^\s<>"']+$/.test(v)) {
        return { error: { message: 'Osallistumislinkin pitää olla verkko-osoite muodossa https://esimerkki.fi/sivu.' } };
      }
      return true;
    },
    render: function () {
      var self = this;
      var v = this.props.value;
      var on = v === true || (typeof v === 'string' && v !== '');
      var link = typeof v === 'string' ? v : '';
      return h('div', { className: this.props.classNameWrapper + ' mt-cms-online' },
        h('label', null,
          h('input', { id: this.props.forID, type: 'checkbox', checked: on,
            onChange: function (e) { self.props.onChange(e.target.checked ? (link || true) : false); } }),
          ' Tapahtumaan voi osallistua verkossa'),
        h('label', { className: 'mt-cms-online__link' }, 'Osallistumislinkki (vapaaehtoinen) ',
          h('input', { type: 'url', value: link, disabled: !on, placeholder: 'https://',
            onChange: function (e) { self.props.onChange(e.target.value || true); } })));
    },
  });
  CMS.registerWidget('verkossa', Online, TextPreview);

  /* organizer: ids of events/jarjestajat/ files (checkboxes) and names written into the event itself;
     an inline organiser from a file ({name, url, ...}) is kept as it is. */
  function organizerItems(value) {
    if (value == null || value === '') return [];
    var items = value.toJS ? value.toJS() : value;
    return Array.isArray(items) ? items : [items];
  }
  var Organizers = window.createClass({
    set: function (items) {
      this.props.onChange(items.length ? items : '');
    },
    render: function () {
      var self = this;
      var known = settings.organizers || {};
      var items = organizerItems(this.props.value);
      var ids = Object.keys(known);
      var others = items.filter(function (item) { return typeof item !== 'string' || !(item in known); });
      var names = others.filter(function (item) { return typeof item === 'string'; });
      var objects = others.filter(function (item) { return typeof item !== 'string'; });
      return h('div', { className: this.props.classNameWrapper + ' mt-cms-organizers', id: this.props.forID },
        ids.length ? h('fieldset', null, h('legend', null, 'Järjestäjät, joilla on oma tiedosto'),
          ids.map(function (id) {
            return h('label', { key: id }, h('input', { type: 'checkbox', checked: items.indexOf(id) >= 0,
              onChange: function (e) {
                var rest = items.filter(function (item) { return item !== id; });
                self.set(e.target.checked ? rest.concat([id]) : rest);
              } }), ' ' + known[id]);
          })) : null,
        objects.map(function (item, i) {
          return h('p', { key: 'o' + i }, 'Tiedostossa kirjoitettu järjestäjä: ' + (item.name || '') +
            (item.url ? ' (' + item.url + ')' : ''));
        }),
        h('label', { className: 'mt-cms-organizers__other' }, 'Muu järjestäjä (nimi) ',
          h('input', { type: 'text', value: names.join(', '),
            onChange: function (e) {
              var kept = items.filter(function (item) { return typeof item !== 'string' || item in known; });
              self.set(kept.concat(e.target.value ? [e.target.value] : []));
            } })));
    },
  });
  CMS.registerWidget('jarjestajat', Organizers, TextPreview);

  /* Cross-field rules of the build that one widget cannot see; a thrown error stops the save. */
  CMS.registerEventListener({
    name: 'preSave',
    handler: function (args) {
      var data = args.entry.get('data');
      if (data.get('image') && !String(data.get('image_alt') || '').trim()) {
        throw new Error('kuvalta puuttuu vaihtoehtoinen teksti: kirjoita kenttään ”Kuvan vaihtoehtoinen teksti”, mitä kuvassa näkyy.');
      }
      var problem = endProblem(data.get('start'), data.get('end'));
      if (problem) throw new Error(problem);
      return data;
    },
  });

  /* Preview in the site's own CSS (the same files every page loads). */
  (settings.previewStyles || []).forEach(function (href) { CMS.registerPreviewStyle(href); });

  function list(value) {
    if (!value) return [];
    return value.toJS ? value.toJS() : [].concat(value);
  }
  function regionNames(ids) {
    var names = settings.regionNames || {};
    return list(ids).map(function (id) { return names[id] || id; }).join(', ');
  }
  function finnishTime(value) {
    var p = parts(value);
    if (!p) return value ? String(value) : '';
    var d = p.date.split('-');
    return Number(d[2]) + '.' + Number(d[1]) + '.' + d[0] + (p.time ? ' klo ' + p.time.replace(':', '.') : '');
  }
  function page(children) {
    return h('div', { className: 'md-container' }, h('main', { className: 'md-main' },
      h('div', { className: 'md-main__inner md-grid' }, h('div', { className: 'md-content' },
        h('article', { className: 'md-content__inner md-typeset' }, children)))));
  }
  function taxonomy(rows) {
    var items = [];
    rows.forEach(function (row) {
      if (row[1]) { items.push(h('dt', { key: row[0] + 't' }, row[0])); items.push(h('dd', { key: row[0] + 'd' }, row[1])); }
    });
    return items.length ? h('dl', { className: 'mt-taxonomy' }, items) : null;
  }
  var authorNames = settings.authorNames || {};
  CMS.registerPreviewTemplate('kirjoitukset', window.createClass({
    render: function () {
      var data = this.props.entry.get('data');
      var authors = list(data.get('authors')).map(function (id) { return authorNames[id] || id; }).join(', ');
      return page([
        h('h1', { key: 'h' }, data.get('title') || 'Otsikko puuttuu'),
        h('p', { key: 'm', className: 'mt-meta' }, finnishTime(data.get('date')) + (authors ? ' · ' + authors : '')),
        h('div', { key: 't' }, taxonomy([['Alueet', regionNames(data.get('regions')) || 'valtakunnallinen'],
          ['Aiheet', list(data.get('categories')).join(', ')]])),
        h('div', { key: 'b', className: 'mt-post__body' }, this.props.widgetFor('body')),
      ]);
    },
  }));
  CMS.registerPreviewTemplate('tapahtumat', window.createClass({
    render: function () {
      var data = this.props.entry.get('data');
      var when = finnishTime(data.get('start')) + (data.get('end') ? ' – ' + finnishTime(data.get('end')) : '');
      var place = data.get('location');
      return page([
        h('h1', { key: 'h' }, data.get('title') || 'Nimi puuttuu'),
        h('div', { key: 't' }, taxonomy([['Aika', when + ' (Suomen aikaa)'],
          ['Paikka', place && place.toJS ? [place.get('name'), place.get('address'), place.get('city')].filter(Boolean).join(', ') : ''],
          ['Verkossa', data.get('online') ? 'kyllä' : ''],
          ['Alueet', regionNames(data.get('regions')) || 'valtakunnallinen'],
          ['Toistuu', data.get('recurrence') || '']])),
        h('div', { key: 'b' }, this.props.widgetFor('body')),
      ]);
    },
  }));

  /* Decap's own markup misses a few names and roles (axe, WCAG 2.1 A): added as it renders. */
  function patchA11y() {
    var frame = document.getElementById('preview-pane');
    if (frame && !frame.title) frame.title = 'Esikatselu';
    document.querySelectorAll('[data-slate-editor][role=textbox]:not([aria-label])').forEach(function (el) {
      el.setAttribute('aria-label', 'Teksti');
    });
    document.querySelectorAll('button[role=switch][class*="ToolbarToggle"]').forEach(function (el) {
      el.removeAttribute('role');
      el.setAttribute('aria-label', 'Vaihda muotoillun tekstin ja Markdownin välillä');
    });
    /* a menu button wrapped around a button: the inner button is the one control */
    document.querySelectorAll('span[aria-haspopup]').forEach(function (el) {
      var inner = el.querySelector('button');
      if (!inner) return;
      inner.setAttribute('aria-haspopup', 'true');
      inner.setAttribute('aria-expanded', el.getAttribute('aria-expanded') || 'false');
      ['role', 'tabindex', 'aria-haspopup', 'aria-expanded'].forEach(function (a) { el.removeAttribute(a); });
    });
  }
  var pending = false;
  new MutationObserver(function () {
    if (pending) return;
    pending = true;
    requestAnimationFrame(function () { pending = false; patchA11y(); });
  }).observe(document.body, { childList: true, subtree: true, attributes: true,
    attributeFilter: ['role', 'aria-haspopup', 'aria-expanded'] });

  /* Start Decap on the editor's own machine (decap-server) or where sign-in has been set up. */
  var local = location.hostname === '127.0.0.1' || location.hostname === 'localhost';
  if (local || settings.signInReady) {
    CMS.init();
  } else {
    var notice = document.getElementById('mt-admin-notice');
    if (notice) notice.hidden = false;
  }
})();
