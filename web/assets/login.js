import {api, show} from './api.js';
import {LANGUAGES, duration, pickLanguage, speak, t} from './i18n.js';

const $ = (id) => document.getElementById(id);
const params = new URLSearchParams(location.search);
const store = $('store');
const identifier = $('identifier');
store.value = params.get('store') || localStorage.getItem('portal.store') || '';
$('store-field').hidden = Boolean(store.value);
identifier.value = params.get('identifier') || '';
let triesLeft = null;
let codeLifetime = 0;
let waitTimer = null;
let storeShown = null;
let otpAbort = null;

/** The store's name, logo and colour in the header, and the page in the language the customer reads. */
async function nameTheStore() {
  const typed = store.value.trim();
  if (!typed) {
    storeShown = null;
    await speak(pickLanguage(LANGUAGES, 'en'));
    return;
  }
  const answer = await api.get('/login/stores/' + encodeURIComponent(typed));
  if (answer.ok) {
    storeShown = answer.data;
    await speak(pickLanguage(answer.data.languages, answer.data.defaultLanguage));
    $('store-name').textContent = answer.data.name;
    document.title = t('page.signInTo', {store: answer.data.name});
    document.documentElement.style.setProperty('--accent', answer.data.accentColour);
    const logo = $('store-logo');
    logo.addEventListener('error', function () { logo.hidden = true; }, {once: true});
    logo.hidden = !answer.data.logoUrl;
    if (answer.data.logoUrl) {
      logo.alt = '';
      logo.src = answer.data.logoUrl;
    }
    show($('store-error'), '');
  } else {
    storeShown = null;
    await speak(pickLanguage(LANGUAGES, 'en'));
    $('store-name').textContent = t('header.portal');
    $('store-logo').hidden = true;
    $('store-field').hidden = false;
    if (answer.status === 404 || answer.status === 400) {
      show($('store-error'), t('error.unknown_store'));
    }
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
    show($('resend-wait'), t('wait.resend', {duration: duration(left)}));
    left -= 1;
  };
  tick();
  waitTimer = setInterval(tick, 1000);
}

/**
 * The code screen. {@code how} is 'first', 'fresh' (a new code replaced the last) or 'again' (asked too soon: the
 * code she has still works). It names the channel she typed, and the other only as "on file, if any", so the page
 * never tells anyone what else the store knows.
 */
function showCodeScreen(how, sent) {
  const where = destination(identifier.value);
  const channel = where.email ? 'email' : 'phone';
  if (sent && sent.codeLifetimeSeconds) {
    codeLifetime = sent.codeLifetimeSeconds;
    triesLeft = sent.triesPerCode;
  } else if (triesLeft === null) {
    // Reopened for a code asked for before this page was loaded: how many tries it has left is not known here.
    triesLeft = -1;
  }
  $('sent-notice').textContent = how === 'again' ? t('sent.again')
    : t(how === 'fresh' ? 'sent.fresh.' + channel : 'sent.' + channel, {where: where.masked}) + ' '
      + t('sent.lifetime', {duration: duration(codeLifetime)}) + (how === 'fresh' ? ' ' + t('sent.replaced') : '');
  if (how !== 'again') { $('code').value = ''; }
  show($('verify-error'), '');
  $('ask').hidden = true;
  $('verify').hidden = false;
  $('code').focus();
  listenForSmsCode();
}

/** Chrome on Android fills the code in from the SMS's origin-bound line ({@code @host #1234}), with consent. */
function listenForSmsCode() {
  if (!('OTPCredential' in window) || !navigator.credentials) { return; }
  if (otpAbort) { otpAbort.abort(); }
  otpAbort = new AbortController();
  navigator.credentials.get({otp: {transport: ['sms']}, signal: otpAbort.signal}).then(function (otp) {
    if (otp && otp.code && !$('verify').hidden) {
      $('code').value = otp.code;
      $('verify-form').requestSubmit();
    }
  }).catch(function () { /* the customer types it instead */ });
}

/** What the API's refusal means to the customer, in her language. */
function refusal(answer) {
  const error = answer.data.error;
  if (['invalid_identifier', 'forbidden_origin'].indexOf(error) >= 0) { return t('error.' + error); }
  return answer.data.message || t('error.generic');
}

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
  show($('store-error'), '');
  if (!store.value.trim()) {
    $('store-field').hidden = false;
    show($('store-error'), t('error.noStore'));
    store.focus();
    return;
  }
  if (!identifier.value.trim()) {
    show($('ask-error'), t('error.noIdentifier'));
    identifier.focus();
    return;
  }
  $('send-code').disabled = true;
  const answer = await sendCode();
  $('send-code').disabled = false;
  if (answer.status === 202) {
    showCodeScreen('first', answer.data);
    waitBeforeResend(answer.data.resendAfterSeconds);
    return;
  }
  const wait = Number(answer.retryAfter);
  if (answer.data.error === 'rate_limited' && wait > 0 && wait <= (codeLifetime || 600)) {
    // Asked again too soon: the code she already has still works, so the box to type it stays in reach.
    showCodeScreen('again');
    waitBeforeResend(wait);
    return;
  }
  if (answer.data.error === 'unknown_store') {
    $('store-field').hidden = false;
    show($('store-error'), t('error.unknown_store'));
    store.focus();
    return;
  }
  show($('ask-error'), answer.data.error === 'rate_limited'
    ? t('error.tooOften', {duration: duration(wait)}) : refusal(answer));
  identifier.focus();
});

$('resend').addEventListener('click', async function () {
  $('resend').disabled = true;
  const answer = await sendCode();
  if (answer.status === 202) {
    showCodeScreen('fresh', answer.data);
    waitBeforeResend(answer.data.resendAfterSeconds);
    return;
  }
  if (answer.data.error === 'rate_limited') {
    waitBeforeResend(answer.retryAfter);
    $('code').focus();
    return;
  }
  $('resend').disabled = false;
  show($('verify-error'), refusal(answer));
});

$('change').addEventListener('click', function () {
  clearInterval(waitTimer);
  if (otpAbort) { otpAbort.abort(); }
  $('verify').hidden = true;
  $('ask').hidden = false;
  identifier.focus();
  identifier.select();
});

let typing = null;
store.addEventListener('input', function () {
  // The header follows the store being typed.
  clearTimeout(typing);
  typing = setTimeout(nameTheStore, 400);
});

/** The digits of a code typed or pasted with spaces, dashes or dots ("12 34", "12-34"); else what was typed. */
function digitsOf(typed) {
  const value = typed.trim();
  return /^[\d\s.\-\u2010-\u2015]+$/.test(value) ? value.replace(/\D/g, '') : value;
}

$('verify-form').addEventListener('submit', async function (event) {
  event.preventDefault();
  show($('verify-error'), '');
  const code = digitsOf($('code').value);
  if (!/^\d{4,8}$/.test(code)) {
    show($('verify-error'), t('error.codeShape'));
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
    if (triesLeft < 0) {
      show($('verify-error'), t('error.wrongCodeAgain'));
    } else {
      triesLeft = Math.max(0, triesLeft - 1);
      show($('verify-error'), triesLeft > 0 ? t('error.wrongCode', {count: triesLeft}) : t('error.noTriesLeft'));
    }
  } else if (answer.data.error === 'rate_limited') {
    show($('verify-error'), t('error.tooManyCodes', {duration: duration(answer.retryAfter)}));
  } else {
    show($('verify-error'), refusal(answer));
  }
  $('code').select();
});

/** A customer who is signed in already goes to her portal; one who just signed out is told so. */
async function start() {
  const session = await api.get('/session');
  if (session.ok) {
    location.replace('/');
    return;
  }
  await nameTheStore();
  if (params.get('signedOut')) {
    show($('signed-out'), t('ask.signedOut'));
  }
  (store.value ? (identifier.value ? $('send-code') : identifier) : store).focus();
}

start();
