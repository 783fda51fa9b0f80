import {api, show} from './api.js';
import {auditSentence} from './audit.js';

const $ = (id) => document.getElementById(id);
let current = null;
let countdown = null;
let searchTicket = 0;
let typing = null;

function customerPath(customerId) {
  return '/admin/stores/' + encodeURIComponent(current ? current.storeId : $('store').value)
      + '/customers/' + encodeURIComponent(customerId || current.customerId);
}

function label() {
  const value = $('agent').value.trim();
  return value ? {agentId: value} : {};
}

async function loadStores() {
  const answer = await api.get('/admin/stores');
  if (!answer.ok) {
    show($('search-error'), answer.data.message || 'The store list could not be loaded.');
    return;
  }
  const caller = answer.data.caller || {};
  $('acting-as').textContent = caller.principal
      ? 'Acting as ' + caller.principal + (caller.session ? ' (session ' + caller.session + ')' : '')
      : 'Acting as the dashboard backend';
  (answer.data.stores || []).forEach(function (store) {
    const option = document.createElement('option');
    option.value = store.storeId;
    option.textContent = store.name + ' (' + store.storeId + ')';
    $('store').appendChild(option);
  });
  if (!answer.data.stores || !answer.data.stores.length) {
    show($('search-error'), 'Your sign-in is not listed for any store. Ask an administrator to add your IAM '
        + 'role to the store\'s agentPrincipals.');
    $('search').disabled = true;
  }
}

function closeCustomer() {
  current = null;
  clearInterval(countdown);
  $('customer').hidden = true;
}

async function search() {
  const ticket = ++searchTicket;
  closeCustomer();
  show($('search-error'), '');
  $('results').textContent = '';
  $('results-caption').textContent = '';
  if ($('query').value.trim().length < 2) { return; }
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
        + new Date(lock.lockedUntil).toLocaleString() + ', or when they sign in with a magic link.'
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
  $('customer').focus();
  loadAudit();
}

async function loadAudit() {
  const answer = await api.get(customerPath() + '/audit');
  const list = $('audit');
  list.textContent = '';
  (answer.data.entries || []).forEach(function (entry) {
    const item = document.createElement('li');
    const when = document.createElement('time');
    when.dateTime = entry.at;
    when.textContent = new Date(entry.at).toLocaleString();
    item.append(when, ' ', auditSentence(entry));
    list.appendChild(item);
  });
  if (!list.children.length) {
    const item = document.createElement('li');
    item.textContent = 'Nothing yet.';
    list.appendChild(item);
  }
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
  $('edit-email').focus();
});
$('email-form').addEventListener('submit', async function (event) {
  event.preventDefault();
  show($('email-error'), '');
  const answer = await api.put(customerPath() + '/email', Object.assign({email: $('new-email').value}, label()));
  if (!answer.ok) { show($('email-error'), answer.data.message); return; }
  const customerId = current.customerId;
  await open(customerId);
  show($('action-done'), 'Email changed. Codes, links and sessions from before the change no longer work.');
});
loadStores();
