import {api} from './api.js';

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
  api.get('/login/stores/' + encodeURIComponent(session.storeId)).then(function (store) {
    if (store.ok) {
      document.getElementById('store-name').textContent = store.data.name;
      document.title = 'Your subscriptions at ' + store.data.name;
    }
  });
  document.getElementById('loading').hidden = true;
  document.getElementById('signed-in').hidden = false;
  document.getElementById('sign-out').hidden = false;
  document.getElementById('greeting').textContent =
      'Hello, ' + [customer.firstName, customer.lastName].filter(Boolean).join(' ');
  document.getElementById('contact').textContent =
      [customer.email, customer.phone].filter(Boolean).join(' · ') + ' · customer ' + session.customerId;
  document.getElementById('expires').textContent = new Date(session.expiresAt).toLocaleString();
  const rows = document.getElementById('subscriptions');
  session.subscriptions.forEach(function (subscription) {
    const row = rows.insertRow();
    row.insertCell().textContent = subscription.subscriptionId;
    row.insertCell().textContent = subscription.status;
    const actions = row.insertCell();
    ['Pause', 'Modify', 'Cancel'].forEach(function (label) {
      const button = document.createElement('button');
      button.className = 'secondary small';
      button.textContent = label;
      button.title = 'Handled by the store\'s portal';
      button.disabled = true;
      actions.appendChild(button);
    });
  });
  if (!session.subscriptions.length) {
    rows.insertRow().insertCell().textContent = 'No subscriptions yet.';
  }
  document.getElementById('sign-out').addEventListener('click', async function () {
    await api.post('/logout');
    location.replace('/login?store=' + encodeURIComponent(session.storeId));
  });
}

showAccount();
