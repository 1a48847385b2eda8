// The page of the App Services sample: plain DOM and fetch against the sample's REST resources under api/.
// Every value from the server is written with textContent, never as HTML.
'use strict';

const $ = (id) => document.getElementById(id);

/** Calls a resource; answers the parsed JSON (null for 204), or throws an Error with the server's coded message. */
async function api(method, path, body) {
    const options = { method, headers: { Accept: 'application/json' } };
    if (body !== undefined) {
        options.headers['Content-Type'] = 'application/json';
        options.body = typeof body === 'string' ? body : JSON.stringify(body);
    }
    const response = await fetch('api/' + path, options);
    const text = await response.text();
    const json = text ? parseJson(text) : null;
    if (!response.ok) {
        const message = json && json.message ? json.message : `HTTP ${response.status} ${response.statusText}`;
        throw new Error(json && json.errorCode ? `${message} [${json.errorCode}]` : message);
    }
    return json;
}

function parseJson(text) {
    try {
        return JSON.parse(text);
    } catch (e) {
        return null;
    }
}

function notify(text, isError) {
    const notice = $('notice');
    notice.textContent = text;
    notice.classList.toggle('error', Boolean(isError));
    notice.hidden = false;
}

/** Runs an action of the page: shows its success text, or its error, and refreshes what it may have changed. */
async function run(action, successText) {
    try {
        const result = await action();
        if (successText) {
            notify(typeof successText === 'function' ? successText(result) : successText, false);
        }
    } catch (e) {
        notify(e.message, true);
    }
    await refresh();
}

function formValues(form) {
    return Object.fromEntries(new FormData(form).entries());
}

function formatTime(iso) {
    return iso ? new Date(iso).toLocaleString() : '—';
}

function showUser(user) {
    $('no-user').hidden = Boolean(user);
    $('user').hidden = !user;
    if (!user) {
        return;
    }
    $('user-id').textContent = user.id;
    $('user-state').textContent = user.loggedIn ? 'logged in' + (user.anonymous ? ' (anonymous)' : '') : user.state;
    $('user-providers').textContent = user.providers.join(', ');
    $('user-access-expiry').textContent = formatTime(user.accessTokenExpiresAt);
    $('user-refresh-expiry').textContent = formatTime(user.refreshTokenExpiresAt);
    $('user-profile').textContent = JSON.stringify(user.profile, null, 2);
    $('user-custom-data').textContent = JSON.stringify(user.customData, null, 2);
}

function listItem(content, buttonText, onClick) {
    const item = document.createElement('li');
    item.append(...content, ' ');
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = buttonText;
    button.addEventListener('click', onClick);
    item.append(button);
    return item;
}

function code(text) {
    const element = document.createElement('code');
    element.textContent = text;
    return element;
}

function showConfirmations(confirmations) {
    const list = $('confirmations');
    list.replaceChildren();
    for (const pending of confirmations) {
        list.append(listItem([`${pending.email}: token `, code(pending.token), ', token id ', code(pending.tokenId)],
            'Confirm',
            () => run(() => api('POST', 'accounts/confirmation', { token: pending.token, tokenId: pending.tokenId }),
                `Confirmed ${pending.email}; it can log in now.`)));
    }
    if (confirmations.length === 0) {
        list.append(document.createTextNode('No confirmation is pending.'));
    }
}

async function refreshConfirmations(embedded) {
    $('confirmations-hint').hidden = !embedded;
    $('confirmations').hidden = !embedded;
    if (embedded) {
        showConfirmations(await api('GET', 'accounts/confirmations'));
    }
}

function showApiKeys(keys) {
    const list = $('api-keys');
    list.replaceChildren();
    for (const key of keys) {
        const text = `${key.name} (id ${key.id}${key.disabled ? ', disabled' : ''})`;
        if (key.usableForLogin) {
            list.append(listItem([text], 'Log in with this key',
                () => run(() => api('POST', 'login/api-key', { keyId: key.id }),
                    (user) => `Logged in with API key ${key.name} as user ${user.id}.`)));
        } else {
            const item = document.createElement('li');
            item.textContent = text + ' (created elsewhere or before a restart: its secret is not known here)';
            list.append(item);
        }
    }
}

async function refresh() {
    try {
        const backend = await api('GET', 'backend');
        $('backend-url').textContent = backend.baseUrl;
        $('backend-kind').textContent = backend.embedded ? 'embedded emulator' : 'configured backend';
        const user = await api('GET', 'user');
        showUser(user);
        // other parts of the page (the notes) follow the current user
        document.dispatchEvent(new CustomEvent('sample:user', { detail: user }));
        showApiKeys(user && user.loggedIn ? await api('GET', 'api-keys') : []);
        await refreshConfirmations(backend.embedded);
    } catch (e) {
        notify(e.message, true);
    }
}

function onSubmit(id, handler) {
    $(id).addEventListener('submit', (event) => {
        event.preventDefault();
        handler(formValues(event.target), event.target);
    });
}

onSubmit('login-form', (values) => run(() => api('POST', 'login/email-password', values),
    (user) => `Logged in as ${values.email} (user ${user.id}).`));
onSubmit('register-form', (values) => run(() => api('POST', 'accounts', values),
    `Registered ${values.email}; confirm the account before logging in.`));
onSubmit('confirm-form', (values, form) => run(async () => {
    await api('POST', 'accounts/confirmation', values);
    form.reset();
}, 'Confirmed; the user can log in now.'));
onSubmit('function-form', (values) => run(async () => {
    const answer = await api('POST', 'functions/' + encodeURIComponent(values.name), values.arguments);
    $('function-result').textContent = JSON.stringify(answer.result, null, 2);
}, `Called ${values.name}.`));
onSubmit('api-key-form', (values) => run(() => api('POST', 'api-keys', { name: values.name }),
    `Created API key ${values.name}.`));

onSubmit('backend-form', (values) => run(() => api('PUT', 'backend', values),
    (backend) => `App sample now uses ${backend.baseUrl}.`));
$('backend-reset').addEventListener('click', () => run(() => api('DELETE', 'backend'),
    (backend) => `App sample uses ${backend.baseUrl} again.`));
$('login-anonymous').addEventListener('click',
    () => run(() => api('POST', 'login/anonymous'), (user) => `Logged in anonymously (user ${user.id}).`));
$('logout').addEventListener('click', () => run(() => api('POST', 'user/logout'), 'Logged out.'));
$('refresh-custom-data').addEventListener('click',
    () => run(() => api('POST', 'user/custom-data'), 'Custom data refreshed with a new access token.'));

refresh();
