import {api, show} from './api.js';

const $ = (id) => document.getElementById(id);
const params = new URLSearchParams(location.search);
const store = $('store');
const identifier = $('identifier');
store.value = params.get('store') || localStorage.getItem('portal.store') || '';
$('store-field').hidden = Boolean(store.value);
identifier.value = params.get('identifier') || '';
let triesLeft = 0;
let codeLifetime = 0;
let waitTimer = null;

async function nameTheStore() {
  if (!store.value.trim()) { return; }
  const answer = await api.get('/login/stores/' + encodeURIComponent(store.value.trim()));
  if (answer.ok) {
    $('store-name').textContent = answer.data.name;
    document.title = 'Sign in to ' + answer.data.name;
  } else if (answer.status === 404) {
    $('store-field').hidden = false;
    show($('ask-error'), 'We do not know this store. Check the link you followed, or type the store\'s id.');
  }
}

/** Where the code went, as the customer typed it and masked: only the channel they gave. */
function destination(typed) {
  const value = typed.trim();
  if (value.indexOf('@') >= 0) {
    const at = value.lastIndexOf('@');
    return {masked: value.charAt(0) + '***' + value.substring(at).toLowerCase(), email: true};
  }
  const digits = value.replace(/\D/g, '');
  return {masked: '•••' + digits.slice(-4), email: false};
}

/** A duration as the API's sentences say it: "45 seconds", "10 minutes", "2 hours". */
function waitText(seconds) {
  if (seconds < 90) { return seconds + (seconds === 1 ? ' second' : ' seconds'); }
  const minutes = Math.ceil(seconds / 60);
  if (minutes < 90) { return minutes + (minutes === 1 ? ' minute' : ' minutes'); }
  const hours = Math.ceil(minutes / 60);
  return hours + (hours === 1 ? ' hour' : ' hours');
}

/** The resend button stays off, with a live countdown, until another code may be asked for. */
function waitBeforeResend(seconds) {
  clearInterval(waitTimer);
  let left = Number(seconds) || 0;
  $('resend').disabled = true;
  const tick = function () {
    if (left <= 0) {
      clearInterval(waitTimer);
      $('resend').disabled = false;
      show($('resend-wait'), '');
      return;
    }
    show($('resend-wait'), 'You can ask for a new code in ' + waitText(left) + '. The code you have still works.');
    left -= 1;
  };
  tick();
  waitTimer = setInterval(tick, 1000);
}

/** The code screen, with the lifetime and tries the API gave for this code ({@code sent}). */
function showCodeScreen(fresh, sent) {
  const where = destination(identifier.value);
  codeLifetime = sent.codeLifetimeSeconds;
  $('sent-notice').textContent = (fresh ? 'We sent a new code to ' : 'We sent a code to ') + where.masked + '. '
      + (where.email ? 'The email also has a sign-in link. ' : '')
      + 'It works for ' + waitText(codeLifetime) + (fresh ? '; earlier codes no longer work.' : '.');
  $('code').value = '';
  show($('verify-error'), '');
  triesLeft = sent.triesPerCode;
  $('ask').hidden = true;
  $('verify').hidden = false;
  $('code').focus();
}

const errors = {
  invalid_identifier: 'Enter a valid email address or phone number.',
  unknown_store: 'We do not know this store. Check the link you followed.',
  forbidden_origin: 'Please sign in from the store\'s own website.'
};

async function sendCode() {
  const answer = await api.post('/login/code', {storeId: store.value.trim(), identifier: identifier.value});
  if (answer.status === 202) {
    localStorage.setItem('portal.store', store.value.trim());
  }
  return answer;
}

$('ask-form').addEventListener('submit', async function (event) {
  event.preventDefault();
  show($('ask-error'), '');
  if (!identifier.value.trim()) {
    show($('ask-error'), 'Enter your email address or phone number.');
    identifier.focus();
    return;
  }
  $('send-code').disabled = true;
  const answer = await sendCode();
  $('send-code').disabled = false;
  if (answer.status === 202) {
    showCodeScreen(false, answer.data);
    waitBeforeResend(answer.data.resendAfterSeconds);
    return;
  }
  show($('ask-error'), answer.data.error === 'rate_limited'
      ? 'You asked for codes too often. Please try again in ' + waitText(Number(answer.retryAfter)) + '.'
      : errors[answer.data.error] || answer.data.message || 'Something went wrong. Please try again.');
  identifier.focus();
});

$('resend').addEventListener('click', async function () {
  $('resend').disabled = true;
  const answer = await sendCode();
  if (answer.status === 202) {
    showCodeScreen(true, answer.data);
    waitBeforeResend(answer.data.resendAfterSeconds);
    return;
  }
  if (answer.data.error === 'rate_limited') {
    waitBeforeResend(answer.retryAfter);
    $('code').focus();
    return;
  }
  $('resend').disabled = false;
  show($('verify-error'), answer.data.message || 'Something went wrong. Please try again.');
});

$('change').addEventListener('click', function () {
  clearInterval(waitTimer);
  $('verify').hidden = true;
  $('ask').hidden = false;
  identifier.focus();
  identifier.select();
});

$('verify-form').addEventListener('submit', async function (event) {
  event.preventDefault();
  show($('verify-error'), '');
  const code = $('code').value.trim();
  if (!/^\d{4,8}$/.test(code)) {
    show($('verify-error'), 'Type the digits of the code from your message.');
    $('code').focus();
    return;
  }
  $('sign-in').disabled = true;
  const answer = await api.post('/login/verify', {storeId: store.value.trim(), identifier: identifier.value,
    code: code});
  $('sign-in').disabled = false;
  if (answer.ok) {
    location.assign('/');
    return;
  }
  if (answer.data.error === 'invalid_code') {
    triesLeft = Math.max(0, triesLeft - 1);
    show($('verify-error'), triesLeft > 0
        ? 'That code did not work. Check it and try again: ' + triesLeft
          + (triesLeft === 1 ? ' try' : ' tries') + ' left for this code. (Codes expire after ' + waitText(codeLifetime) + '.)'
        : 'That code did not work, and this code has no tries left. Send a new code, or use the link in the email.');
  } else if (answer.data.error === 'rate_limited') {
    show($('verify-error'), 'Too many codes were typed. Please try again in '
        + waitText(Number(answer.retryAfter)) + '.');
  } else {
    show($('verify-error'), errors[answer.data.error] || answer.data.message || 'Something went wrong.');
  }
  $('code').select();
});

nameTheStore();
(identifier.value ? $('send-code') : identifier).focus();
