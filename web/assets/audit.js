// An audit entry as a sentence an agent reads at a glance: who did what, with the masked details.
export function auditSentence(entry) {
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
  entries.forEach(function (entry) {
    const sentence = auditSentence(entry);
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
