import {api} from './api.js';

const LINK = /https?:\/\/[^\s"<>]+/g;

/**
 * The email's HTML as inert markup, for its text and links: nothing in it is loaded or run, and its styles are taken
 * out first, since this page's policy (rightly) refuses inline styles even in markup it only reads.
 */
function parse(html) {
  const inert = document.createElement('template');
  // Each paragraph, heading and line break keeps its line, so the text reads as the email does.
  inert.innerHTML = html.replace(/<style[\s\S]*?<\/style>/gi, '').replace(/\sstyle\s*=\s*("[^"]*"|'[^']*')/gi, '')
      .replace(/<br\s*\/?>/gi, '\n').replace(/<\/(p|h[1-6]|div)>/gi, '\n\n');
  inert.content.querySelectorAll('img[alt]').forEach(function (image) {
    image.replaceWith('[' + image.getAttribute('alt') + ']\n\n');
  });
  return inert.content;
}

/** A sender as people read it: an RFC 2047 encoded name ({@code =?UTF-8?B?…?=}) decoded. */
function senderOf(source) {
  return String(source || '').replace(/=\?UTF-8\?B\?([A-Za-z0-9+\/=]+)\?=/gi, function (all, encoded) {
    return new TextDecoder().decode(Uint8Array.from(atob(encoded), function (c) { return c.charCodeAt(0); }));
  });
}

function card(kind, from, to, subject, body, links) {
  const section = document.createElement('section');
  section.className = 'card message';
  section.dataset.to = to;
  const title = document.createElement('h3');
  title.textContent = subject;
  const meta = document.createElement('p');
  meta.className = 'muted';
  meta.textContent = kind + (from ? ' from ' + senderOf(from) : '') + ' to ' + to;
  const content = document.createElement('pre');
  content.textContent = body.trim().replace(/\n{3,}/g, '\n\n');
  section.append(title, meta, content);
  Array.from(new Set(links)).forEach(function (url) {
    const anchor = document.createElement('a');
    anchor.href = url;
    anchor.textContent = url;
    anchor.className = 'message-link';
    const line = document.createElement('p');
    line.appendChild(anchor);
    section.appendChild(line);
  });
  return section;
}

async function load() {
  const answer = await api.get('/_local/outbox.json');
  const box = document.getElementById('messages');
  box.textContent = '';
  const emails = (answer.data.ses && answer.data.ses.Message) || [];
  const sms = (answer.data.sns && answer.data.sns.SMS) || [];
  emails.slice().reverse().forEach(function (m) {
    const body = parse(m.body);
    const links = Array.from(body.querySelectorAll('a[href]')).map(a => a.getAttribute('href'));
    box.appendChild(card('Email', m.source, m.destinations.ToAddresses.join(', '), m.subject, body.textContent,
        links));
  });
  sms.slice().reverse().forEach(m => box.appendChild(card('SMS', null, m.phone_number, 'SMS', m.message,
      m.message.match(LINK) || [])));
  if (!emails.length && !sms.length) { box.textContent = 'Nothing sent yet.'; }
}

document.getElementById('refresh').addEventListener('click', load);
load();
