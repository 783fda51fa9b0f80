import {api} from './api.js';
import {currentLanguage, pickLanguage, speak, t} from './i18n.js';

const $ = (id) => document.getElementById(id);

/** The store's brand in the header and the page in the customer's language; the store's data, for its zone. */
async function dressAs(storeId, customer) {
  const store = await api.get('/login/stores/' + encodeURIComponent(storeId));
  if (!store.ok) {
    await speak(pickLanguage(['en'], 'en'));
    return null;
  }
  // Hers when the store speaks it (kept from the browser she signed in with), else this browser's.
  await speak(store.data.languages.indexOf(customer.language) >= 0 ? customer.language
    : pickLanguage(store.data.languages, store.data.defaultLanguage));
  $('store-name').textContent = store.data.name;
  document.documentElement.style.setProperty('--accent', store.data.accentColour);
  if (store.data.logoUrl) {
    $('store-logo').addEventListener('error', function () { $('store-logo').hidden = true; }, {once: true});
    $('store-logo').src = store.data.logoUrl;
    $('store-logo').hidden = false;
  }
  document.title = t('home.title', {store: store.data.name});
  return store.data;
}

/** A status as a person says it: "Active", "Paused"; a store's own status as it wrote it. */
function statusText(status) {
  const key = 'status.' + String(status).toLowerCase();
  const said = t(key);
  return said === key ? t('status.other', {status: status}) : said;
}

/** The signed-in customer's account, or the login page when there is no session. */
async function showAccount() {
  const answer = await api.get('/session');
  if (answer.status === 401) {
    location.replace('/login' + (localStorage.getItem('portal.store')
        ? '?store=' + encodeURIComponent(localStorage.getItem('portal.store')) : ''));
    return;
  }
  const session = answer.data;
  const customer = session.customer;
  const store = await dressAs(session.storeId, customer);
  $('loading').hidden = true;
  $('signed-in').hidden = false;
  $('sign-out').hidden = false;
  const name = [customer.firstName, customer.lastName].filter(Boolean).join(' ');
  $('greeting').textContent = name ? t('home.hello', {name: name}) : t('home.helloNameless');
  $('contact').textContent = [customer.email, customer.phoneDisplay || customer.phone].filter(Boolean).join(' · ');
  const until = new Intl.DateTimeFormat(currentLanguage(), {dateStyle: 'medium', timeStyle: 'short',
    timeZone: store ? store.timeZone : undefined}).format(new Date(session.expiresAt));
  $('expires').textContent = t('home.sessionUntil', {time: until});
  const rows = $('subscriptions');
  session.subscriptions.forEach(function (subscription) {
    const row = rows.insertRow();
    row.insertCell().textContent = subscription.plan || subscription.subscriptionId;
    row.insertCell().textContent = statusText(subscription.status);
    const actions = row.insertCell();
    const paused = String(subscription.status).toLowerCase() === 'paused';
    const cancelled = String(subscription.status).toLowerCase() === 'cancelled';
    (cancelled ? [] : [paused ? 'action.resume' : 'action.pause', 'action.modify', 'action.cancel'])
      .forEach(function (key) {
        const button = document.createElement('button');
        button.className = 'secondary small';
        button.textContent = t(key);
        button.title = t('action.inStorePortal');
        button.disabled = true;
        actions.appendChild(button);
      });
  });
  if (!session.subscriptions.length) {
    const cell = rows.insertRow().insertCell();
    cell.colSpan = 3;
    cell.textContent = t('home.none');
  }
  $('sign-out').addEventListener('click', async function () {
    await api.post('/logout');
    location.replace('/login?signedOut=1&store=' + encodeURIComponent(session.storeId));
  });
}

showAccount();
