import {api, show} from './api.js';
import {lastLoginEmail, messageLines, trailLines} from './audit.js';

const $ = (id) => document.getElementById(id);
let current = null;
let countdown = null;
let searchTicket = 0;
let typing = null;

function customerPath(customerId) {
  return '/admin/stores/' + encodeURIComponent(current ? current.storeId : $('store').value)
      + '/customers/' + encodeURIComponent(customerId || current.customerId);
}

/** The agent's name and the reason or ticket they gave, sent with every action and shown in the trail. */
function label() {
  const value = $('agent').value.trim();
  const reason = $('reason').value.trim();
  return Object.assign(value ? {agentId: value} : {}, reason ? {reason: reason} : {});
}

async function loadStores() {
  const answer = await api.get('/admin/stores');
  if (!answer.ok) {
    show($('search-error'), answer.data.message || 'The store list could not be loaded.');
    return;
  }
  const caller = answer.data.caller || {};
  showCaller(caller);
  (answer.data.stores || []).forEach(function (store) {
    const option = document.createElement('option');
    option.value = store.storeId;
    option.textContent = store.name + ' (' + store.storeId + ')';
    $('store').appendChild(option);
  });
  if (!answer.data.stores || !answer.data.stores.length) {
    const kind = /:user\//.test(caller.principal || '') ? 'IAM user' : 'IAM role';
    show($('refused'), 'Your sign-in is not listed for any store. Ask an administrator to add your ' + kind
        + ' (' + shortName(caller.principal || '') + ') to the agentPrincipals of the stores you support.');
    $('search').disabled = true;
    $('query').disabled = true;
    $('store').disabled = true;
  }
}

/** An ARN as a person reads it: "PortalSupport / alice" for a role's session, "alice" for a user. */
function shortName(arn) {
  const match = /:(?:assumed-role|role|user)\/(.+)$/.exec(arn);
  return match ? match[1].split('/').slice(-2).join(' / ') : arn;
}

/** Who the dashboard acts as: shortened, the full ARN on demand. */
function showCaller(caller) {
  const box = $('acting-as');
  box.textContent = '';
  if (!caller.principal) {
    box.textContent = 'Acting as the dashboard backend';
    return;
  }
  const details = document.createElement('details');
  const summary = document.createElement('summary');
  summary.id = 'caller-summary';
  summary.textContent = 'Acting as ' + shortName(caller.principal)
      + (caller.session && !caller.principal.endsWith('/' + caller.session) ? ' / ' + caller.session : '');
  const full = document.createElement('code');
  full.textContent = caller.principal + (caller.session ? ' (session ' + caller.session + ')' : '');
  details.append(summary, full);
  box.appendChild(details);
}

function closeCustomer() {
  current = null;
  document.title = 'Support dashboard';
  clearInterval(countdown);
  $('customer').hidden = true;
}

async function search() {
  if (!$('store').value) { return; }
  const ticket = ++searchTicket;
  closeCustomer();
  show($('search-error'), '');
  $('results').textContent = '';
  $('results-caption').textContent = '';
  if ($('query').value.trim().length < 2) {
    $('results-caption').textContent = $('query').value.trim()
        ? 'Type at least 2 characters: a name, an email address, a phone number or a customer id.' : '';
    return;
  }
  const answer = await api.get('/admin/stores/' + encodeURIComponent($('store').value) + '/customers?q='
      + encodeURIComponent($('query').value.trim()));
  if (ticket !== searchTicket) { return; }
  if (!answer.ok) { show($('search-error'), answer.data.message); return; }
  const customers = answer.data.customers;
  $('results-caption').textContent = customers.length
      ? customers.length + (customers.length === 1 ? ' customer found' : ' customers found')
      : 'No customer matches. Search by the whole email address or phone number, an id, or the start of a name.';
  customers.forEach(function (customer) {
    const item = document.createElement('li');
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'result';
    button.dataset.customerId = customer.customerId;
    const name = document.createElement('strong');
    name.textContent = [customer.firstName, customer.lastName].filter(Boolean).join(' ') || customer.customerId;
    const contact = document.createElement('span');
    contact.textContent = (customer.email || 'no email') + (customer.phone ? ' · ' + customer.phone : '');
    button.append(name, contact);
    button.addEventListener('click', () => open(customer.customerId));
    item.appendChild(button);
    $('results').appendChild(item);
  });
}

function emailState(view) {
  if (view.deliverableEmail) { return ['reachable', '']; }
  if (view.emailBouncing) { return ['bouncing: mail to it comes back', ' bad']; }
  if (view.emailComplained) { return ['marked our mail as spam', ' bad']; }
  return [view.email ? 'not a valid address' : 'missing', ' bad'];
}

async function open(customerId) {
  const storeId = $('store').value;
  const answer = await api.get('/admin/stores/' + encodeURIComponent(storeId) + '/customers/'
      + encodeURIComponent(customerId));
  if (!answer.ok) { show($('search-error'), answer.data.message); return; }
  current = answer.data;
  current.storeId = storeId;
  $('customer').hidden = false;
  $('customer-name').textContent = [current.firstName, current.lastName].filter(Boolean).join(' ')
      || 'Customer ' + current.customerId;
  document.title = $('customer-name').textContent + ' · Support dashboard';
  $('customer-id').textContent = 'Customer ' + current.customerId;
  $('customer-email').textContent = current.email || 'none on file';
  const [state, tone] = emailState(current);
  $('email-state').textContent = state;
  $('email-state').className = 'pill' + tone;
  $('customer-phone').textContent = current.phone || 'none on file';
  const lock = current.codeLogin;
  $('code-login').textContent = lock.locked
      ? 'Paused after ' + lock.consecutiveFailures + ' wrong codes in a row, since '
        + new Date(lock.lockedSince).toLocaleString() + '. It resumes by itself at '
        + new Date(lock.lockedUntil).toLocaleString() + (current.deliverableEmail
          ? ', or when they sign in with a magic link, or when you let them use codes again.'
          : ', or when you let them use codes again (with no email on file they cannot get a magic link).')
      : 'Active' + (lock.consecutiveFailures ? ' (' + lock.consecutiveFailures + ' wrong codes since the last '
        + 'sign-in)' : '') + '.';
  $('unlock').hidden = !lock.locked;
  $('send-email').checked = false;
  $('email-form').hidden = true;
  show($('email-error'), '');
  show($('action-error'), '');
  show($('action-done'), '');
  $('link').hidden = true;
  clearInterval(countdown);
  const rows = $('subscriptions');
  rows.textContent = '';
  current.subscriptions.forEach(function (subscription) {
    const row = rows.insertRow();
    row.insertCell().textContent = subscription.subscriptionId;
    row.insertCell().textContent = subscription.status;
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'secondary small';
    button.textContent = 'Magic link for ' + subscription.subscriptionId;
    button.addEventListener('click', () => generate(subscription.subscriptionId, 'magic'));
    row.insertCell().appendChild(button);
  });
  if (!current.subscriptions.length) {
    const cell = rows.insertRow().insertCell();
    cell.colSpan = 3;
    cell.textContent = 'No subscriptions yet.';
  }
  $('customer').focus();
  loadAudit();
}

async function loadAudit() {
  const answer = await api.get(customerPath() + '/audit');
  const list = $('audit');
  list.textContent = '';
  trailLines(answer.data.entries || []).forEach(function (line) {
    const item = document.createElement('li');
    const when = document.createElement('time');
    when.dateTime = line.newest;
    when.textContent = line.count > 1
        ? new Date(line.oldest).toLocaleString() + ' – ' + new Date(line.newest).toLocaleTimeString()
        : new Date(line.newest).toLocaleString();
    item.append(when, ' ', line.sentence);
    list.appendChild(item);
  });
  if (!list.children.length) {
    const item = document.createElement('li');
    item.textContent = 'Nothing yet.';
    list.appendChild(item);
  }
  showMessages(answer.data.entries || []);
}

/** "Last login email: delivered 09:41 (2 min ago)", and one line per message with its states. */
function showMessages(entries) {
  const last = lastLoginEmail(entries);
  $('last-email').textContent = last
      ? 'Last login email: ' + last.text + ' ' + new Date(last.at).toLocaleTimeString([], {hour: '2-digit',
        minute: '2-digit'}) + ' (' + ago(last.at) + ').'
      : 'No login email in the last 90 days.';
  const list = $('messages');
  list.textContent = '';
  messageLines(entries).forEach(function (message) {
    const item = document.createElement('li');
    const name = document.createElement('strong');
    name.textContent = message.name;
    item.append(name, ': ' + message.states.map(function (state) {
      return state.text + ' ' + new Date(state.at).toLocaleString();
    }).join(' · '));
    list.appendChild(item);
  });
  if (!list.children.length) {
    const item = document.createElement('li');
    item.textContent = 'No messages.';
    list.appendChild(item);
  }
}

function ago(at) {
  const minutes = Math.round((Date.now() - new Date(at).getTime()) / 60000);
  if (minutes < 1) { return 'just now'; }
  if (minutes < 90) { return minutes + ' min ago'; }
  const hours = Math.round(minutes / 60);
  return hours < 48 ? hours + ' h ago' : Math.round(hours / 24) + ' days ago';
}

async function generate(subscriptionId, kind) {
  show($('action-error'), '');
  show($('action-done'), '');
  $('link').hidden = true;
  const path = subscriptionId
      ? '/admin/stores/' + encodeURIComponent(current.storeId) + '/subscriptions/'
        + encodeURIComponent(subscriptionId) + '/magic-link'
      : customerPath() + '/magic-link';
  const answer = await api.post(path, Object.assign({kind: kind,
    send: kind === 'magic' && $('send-email').checked}, label()));
  if (!answer.ok) {
    show($('action-error'), answer.data.message);
    if (answer.data.error === 'no_valid_email') { $('edit-email').click(); }
    return;
  }
  const link = answer.data;
  $('link').hidden = false;
  $('link-url').value = link.url;
  $('copy-link').textContent = 'Copy';
  clearInterval(countdown);
  if (link.kind === 'portal') {
    $('link-caption').textContent = 'Portal link: the store\'s login page. It never expires and carries no '
        + 'credential; the customer signs in with a code from there.';
    $('link-expiry').textContent = '';
  } else {
    $('link-caption').textContent = 'Magic link: signs the customer in once.'
        + (link.emailSent ? ' It was also emailed to the address on file.' : ' Give it to the customer yourself.');
    const expires = new Date(link.expiresAt).getTime();
    const tick = function () {
      const left = Math.max(0, Math.round((expires - Date.now()) / 1000));
      $('link-expiry').textContent = left > 0
          ? 'Expires in ' + Math.floor(left / 60) + ':' + String(left % 60).padStart(2, '0')
          : 'Expired: generate a new one, or give a portal link.';
    };
    tick();
    countdown = setInterval(tick, 1000);
  }
  $('copy-link').focus();
  loadAudit();
}

async function revoke() {
  const answer = await api.post(customerPath() + '/revoke', label());
  if (!answer.ok) { show($('action-error'), answer.data.message); return; }
  $('link').hidden = true;
  clearInterval(countdown);
  show($('action-done'), 'Revoked: every code and link sent before now is refused, and every open session is '
      + 'signed out.');
  loadAudit();
}

$('search-form').addEventListener('submit', function (event) {
  event.preventDefault();
  clearTimeout(typing);
  search();
});
$('query').addEventListener('input', function () {
  clearTimeout(typing);
  typing = setTimeout(search, 300);
});
$('store').addEventListener('change', search);
$('magic-login').addEventListener('click', () => generate(null, 'magic'));
$('portal-link').addEventListener('click', () => generate(null, 'portal'));
$('copy-link').addEventListener('click', async function () {
  $('link-url').select();
  try {
    await navigator.clipboard.writeText($('link-url').value);
  } catch (notAllowed) {
    document.execCommand('copy');
  }
  $('copy-link').textContent = 'Copied';
  setTimeout(function () { $('copy-link').textContent = 'Copy'; }, 3000);
});
$('revoke').addEventListener('click', function () {
  show($('action-done'), '');
  $('confirm-title').textContent = 'Revoke everything ' + $('customer-name').textContent + ' holds?';
  $('confirm-revoke').returnValue = '';
  $('confirm-revoke').showModal();
  $('confirm-no').focus();
});
$('confirm-revoke').addEventListener('close', function () {
  if ($('confirm-revoke').returnValue === 'revoke') { revoke(); } else { $('revoke').focus(); }
});
$('unlock').addEventListener('click', async function () {
  const answer = await api.post(customerPath() + '/unlock', label());
  if (!answer.ok) { show($('action-error'), answer.data.message); return; }
  await open(current.customerId);
  show($('action-done'), 'Code sign-in works again for this customer.');
});
$('edit-email').addEventListener('click', function () {
  $('email-form').hidden = false;
  $('new-email').value = current.email || '';
  $('new-email').focus();
});
$('cancel-email').addEventListener('click', function () {
  $('email-form').hidden = true;
  show($('email-error'), '');
  $('edit-email').focus();
});
$('email-form').addEventListener('submit', async function (event) {
  event.preventDefault();
  show($('email-error'), '');
  const answer = await api.put(customerPath() + '/email', Object.assign({email: $('new-email').value}, label()));
  if (!answer.ok) { show($('email-error'), answer.data.message); return; }
  const customerId = current.customerId;
  if (!answer.data.changed) {
    $('email-form').hidden = true;
    show($('action-done'), 'Nothing changed: this is already the customer\'s email address.');
    $('edit-email').focus();
    return;
  }
  await open(customerId);
  const result = document.querySelector('#results button[data-customer-id="' + CSS.escape(customerId) + '"] span');
  if (result) {
    result.textContent = answer.data.email + (current.phone ? ' · ' + current.phone : '');
  }
  show($('action-done'), 'Email changed. Codes, links and sessions from before the change no longer work.');
});
loadStores();
