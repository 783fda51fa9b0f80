const KINDS = {
  login: 'Login email',
  'code-login-paused': 'Pause notice',
  'agent-link': 'Magic link from support',
  'email-changed': 'Email-change notice'
};

/** What a message is, as its first entry named it: "Login email to j***@example.com", "Login code by SMS to •••0123". */
function messageName(message) {
  const kind = message.channel === 'sms'
      ? (message.kind === 'login' ? 'Login code by SMS' : (KINDS[message.kind] || 'Text message') + ' by SMS')
      : KINDS[message.kind] || 'Email';
  return kind + (message.to ? ' to ' + message.to : '');
}

/** A message's state as a person says it. */
function stateText(state, details) {
  switch (state) {
    case 'queued': return 'queued';
    case 'sent': return 'sent';
    case 'delivered': return 'delivered to the receiving mail server';
    case 'delayed': return 'delayed' + (details.delay ? ' (' + details.delay + ')' : '');
    case 'bounced': return 'bounced' + (details.bounceType ? ' (' + details.bounceType
        + (details.diagnostic ? ': ' + details.diagnostic : '') + ')' : '');
    case 'complained': return 'marked as spam by its reader';
    case 'rejected': return 'rejected' + (details.reason ? ' (' + details.reason + ')' : '');
    case 'failed': return 'not sent this time' + (details.reason ? ' (' + details.reason + ')' : '')
        + '; tried again a minute later';
    case 'dead_lettered': return 'given up: ' + (details.reason || 'sending failed on every try')
        + '. Its code or link was never sent';
    case 'dropped': return 'dropped unsent' + (details.reason === 'expired'
        ? ': it waited in the queue past its lifetime' : details.reason ? ' (' + details.reason + ')' : '');
    default: return state.replace(/_/g, ' ');
  }
}

/** Each message's kind, channel and recipient, from the entries that name them, by message id. */
function messagesOf(entries) {
  const messages = {};
  entries.forEach(function (entry) {
    const details = entry.details || {};
    if (entry.action.indexOf('message_') === 0 && details.messageId) {
      const message = messages[details.messageId] || (messages[details.messageId] = {id: details.messageId});
      ['kind', 'channel', 'to'].forEach(function (field) {
        if (details[field] && !message[field]) { message[field] = details[field]; }
      });
    }
  });
  return messages;
}

// An audit entry as a sentence an agent reads at a glance: who did what, with the masked details.
export function auditSentence(entry, messages) {
  if (entry.action.indexOf('message_') === 0) {
    const details = entry.details || {};
    const message = (messages || {})[details.messageId] || details;
    return messageName(message) + ': ' + stateText(entry.action.substring('message_'.length), details) + '.';
  }
  const actor = entry.actor || {};
  const details = entry.details || {};
  const role = actor.principal ? actor.principal.replace(/^arn:[^:]+:iam::\d+:(role|user)\//, '') : '';

  function who() {
    switch (actor.type) {
      case 'agent':
        return (actor.label || actor.session || 'An agent') + ' (signed in as ' + role
            + (actor.session && actor.label ? ', session ' + actor.session : '') + ')';
      case 'trusted-backend':
        return (actor.label || 'An agent') + ' (through the dashboard backend)';
      case 'customer':
        return 'The customer';
      case 'mail-system':
        return 'The mail system';
      default:
        return 'Someone';
    }
  }

  function from(value) {
    return value === 'none' ? 'no address' : value;
  }

  const refused = {
    wrong_code: 'typed a wrong code',
    no_live_code: 'typed a code that had expired, been used or been replaced by a newer one',
    code_login_locked: 'tried a code while code sign-in was paused',
    code_already_spent: 'typed a code that had just been used'
  };
  const methods = {
    code: 'with a code',
    link: 'with the link from their login email',
    'agent-link': 'with a link from support'
  };

  let what;
  switch (entry.action) {
    case 'magic_link_generated':
      what = 'made a magic link'
          + (details.subscriptionId ? ' for subscription ' + details.subscriptionId : '')
          + (details.emailSent === 'true' ? ' and emailed it to ' + details.sentTo : ' to hand over');
      break;
    case 'portal_link_generated':
      what = 'gave a portal link' + (details.subscriptionId ? ' for subscription ' + details.subscriptionId : '');
      break;
    case 'profile_viewed':
      what = 'opened this profile';
      break;
    case 'customers_searched':
      what = 'searched for ' + details.term;
      break;
    case 'email_changed':
      what = 'changed the email from ' + from(details.from) + ' to ' + details.to
          + (details.cleared ? ' (clearing the ' + details.cleared + ' mark)' : '')
          + '; older codes, links and sessions stopped working';
      break;
    case 'credentials_revoked':
      what = 'revoked every code, link and session';
      break;
    case 'code_login_unlocked':
      what = 'let the customer use codes again';
      break;
    case 'signed_in':
      what = 'signed in ' + (methods[details.method] || '')
          + (details.identifier ? ' (' + details.identifier + ')' : '');
      break;
    case 'code_refused':
      what = (refused[details.reason] || 'had a code refused')
          + (details.identifier ? ' for ' + details.identifier : '');
      break;
    case 'email_bounced':
      what = 'reported that mail to ' + details.address + ' bounces; no more login mail goes there';
      break;
    case 'email_complained':
      what = 'reported that the customer marked our mail to ' + details.address + ' as spam; no more login mail '
          + 'goes there';
      break;
    default:
      what = entry.action.replace(/_/g, ' ');
  }
  return who() + ' ' + what + (actor.reason ? ' (reason: ' + actor.reason + ')' : '') + '.';
}

function sameActor(a, b) {
  const x = a.actor || {};
  const y = b.actor || {};
  return x.type === y.type && x.principal === y.principal && x.session === y.session && x.label === y.label;
}

/**
 * The trail as an agent reads it at a glance, newest first: the same event in a row becomes one line with how
 * often and over what time ("typed a wrong code 25 times"), and an agent's opening of the profile is folded under
 * the action they took next. Each line: {sentence, count, newest, oldest}, the times as the entries give them.
 */
export function trailLines(entries) {
  const lines = [];
  const messages = messagesOf(entries);
  entries.forEach(function (entry) {
    const sentence = auditSentence(entry, messages);
    const last = lines[lines.length - 1];
    if (last && last.sentence === sentence) {
      last.count += 1;
      last.oldest = entry.at;
      return;
    }
    if (entry.action === 'profile_viewed' && last && last.action !== 'profile_viewed'
        && sameActor(last.entry, entry)) {
      return;
    }
    lines.push({entry: entry, action: entry.action, sentence: sentence, count: 1, newest: entry.at, oldest: entry.at});
  });
  return lines.map(function (line) {
    return {
      sentence: line.count > 1 ? line.sentence.replace(/\.$/, ' ' + line.count + ' times.') : line.sentence,
      count: line.count,
      newest: line.newest,
      oldest: line.oldest
    };
  });
}

/**
 * One line per message, newest first: what it was and each state with its time,
 * e.g. {name: 'Login email to j***@example.com', states: [{state: 'sent', text: 'sent', at}, …]} (oldest state first).
 */
export function messageLines(entries) {
  const messages = messagesOf(entries);
  const order = [];
  const states = {};
  entries.forEach(function (entry) {
    const details = entry.details || {};
    if (entry.action.indexOf('message_') !== 0 || !details.messageId) { return; }
    if (!states[details.messageId]) {
      states[details.messageId] = [];
      order.push(details.messageId);
    }
    const state = entry.action.substring('message_'.length);
    states[details.messageId].unshift({state: state, text: stateText(state, details), at: entry.at});
  });
  return order.map(function (id) {
    return {id: id, kind: messages[id].kind, channel: messages[id].channel, name: messageName(messages[id]),
      states: states[id]};
  });
}

/** The newest login email and where it got to ({state, text, at} of its latest state), or null. */
export function lastLoginEmail(entries) {
  const email = messageLines(entries).find(function (message) {
    return message.channel === 'email' && message.kind === 'login';
  });
  return email ? email.states[email.states.length - 1] : null;
}
