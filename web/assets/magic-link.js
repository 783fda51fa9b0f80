// The magic-link page (verify-link serves it at /login/magic). In the browser that asked for the code it signs in at
// once; anywhere else only on the visitor's click, which a mail scanner does not make. Without this script the
// button is still a form post that signs in. URLs are relative to the page, so any portal base path works.

const form = document.getElementById('signin');
const title = document.getElementById('title');
const message = document.getElementById('message');

function refused(body) {
  title.textContent = form.dataset.refused;
  document.title = title.textContent;
  message.textContent = body.message;
  form.hidden = true;
  const retry = document.getElementById('retry');
  if (body.storeId) {
    retry.querySelector('a').href = '../login?store=' + encodeURIComponent(body.storeId);
  }
  retry.hidden = false;
  retry.querySelector('a').focus();
}

async function signIn() {
  const button = form.querySelector('button');
  button.disabled = true;
  let response;
  try {
    response = await fetch('magic', {
      method: 'POST',
      credentials: 'same-origin',
      headers: {'Content-Type': 'application/json'},
      body: JSON.stringify({token: form.elements.token.value})
    });
  } catch (unreachable) {
    button.disabled = false;
    message.textContent = form.dataset.offline;
    return;
  }
  if (response.ok) {
    title.textContent = form.dataset.signedIn;
    location.replace(new URL('../', location.href).href);
    return;
  }
  const body = await response.json().catch(() => null);
  if (response.status >= 500 || !body) {
    button.disabled = false;
    message.textContent = (body && body.message) || form.dataset.failed;
    return;
  }
  refused(body);
}

if (form) {
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    signIn();
  });
  if (form.dataset.auto === 'true') {
    signIn();
  } else {
    form.querySelector('button').focus();
  }
}
