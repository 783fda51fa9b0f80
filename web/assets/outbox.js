import {api} from './api.js';

const LINK = /https?:\/\/[^\s"<>]+/g;

/**
 * The email's HTML as inert markup, for its text and links: nothing in it is loaded or run, and its styles are taken
 * out first, since this page's policy (rightly) refuses inline styles even in markup it only reads.
 */
function parse(html) {
  const inert = document.createElement('template');
  inert.innerHTML = html.replace(/<style[\s\S]*?<\/style>/gi, '').replace(/\sstyle\s*=\s*("[^"]*"|'[^']*')/gi, '');
  return inert.content;
}

function card(kind, to, subject, body, links) {
  const section = document.createElement('section');
  section.className = 'card message';
  section.dataset.to = to;
  const title = document.createElement('h3');
  title.textContent = subject;
  const meta = document.createElement('p');
  meta.className = 'muted';
  meta.textContent = kind + ' to ' + to;
  const content = document.createElement('pre');
  content.style.whiteSpace = 'pre-wrap';
  content.textContent = body.trim();
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
    box.appendChild(card('Email', m.destinations.ToAddresses.join(', '), m.subject, body.textContent, links));
  });
  sms.slice().reverse().forEach(m => box.appendChild(card('SMS', m.phone_number, 'SMS', m.message,
      m.message.match(LINK) || [])));
  if (!emails.length && !sms.length) { box.textContent = 'Nothing sent yet.'; }
}

document.getElementById('refresh').addEventListener('click', load);
load();
