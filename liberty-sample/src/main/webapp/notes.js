// The Notes part of the sample page: lists the notes, adds, edits and deletes them through api/notes, and follows
// api/notes/events (server-sent events) so that changes made in any page show at once. Uses api() and notify() of
// sample.js; every value from the server is written with textContent.
'use strict';

const notes = {
    source: null,
    /** The id of the logged-in user the page showed last, null when nobody; undefined until the page knows. */
    userId: undefined,

    async load() {
        const list = $('notes');
        let all;
        try {
            all = await api('GET', 'notes');
        } catch (e) {
            list.replaceChildren(notes.item(e.message));
            notes.stopFollowing('Log in to follow the notes.');
            return;
        }
        list.replaceChildren(...all.map(notes.entry));
        notes.follow();
    },

    entry(note) {
        const li = notes.item(note.text);
        li.dataset.id = note.id;
        li.classList.toggle('mine', note.mine);
        const owner = document.createElement('span');
        owner.className = 'tag';
        owner.textContent = note.mine ? 'mine' : 'by ' + note.ownerId;
        li.append(' ', owner, ' ',
            notes.button('Edit', () => notes.edit(note)), ' ',
            notes.button('Delete', () => notes.change(() => api('DELETE', 'notes/' + note.id), 'Note deleted.')));
        return li;
    },

    item(text) {
        const li = document.createElement('li');
        const span = document.createElement('span');
        span.className = 'note-text';
        span.textContent = text;
        li.append(span);
        return li;
    },

    button(label, action) {
        const button = document.createElement('button');
        button.type = 'button';
        button.textContent = label;
        button.addEventListener('click', action);
        return button;
    },

    edit(note) {
        const text = window.prompt('New text', note.text);
        if (text !== null) {
            notes.change(() => api('PUT', 'notes/' + note.id, { text }), 'Note changed.');
        }
    },

    async change(action, successText) {
        try {
            await action();
            notify(successText, false);
        } catch (e) {
            notify(e.message, true);
        }
        await notes.load();
    },

    /** Opens the stream of changes once; each change reloads the list. */
    follow() {
        if (notes.source) {
            return;
        }
        const source = new EventSource('api/notes/events');
        notes.source = source;
        $('notes-live').textContent = 'connecting…';
        source.addEventListener('open', () => { $('notes-live').textContent = 'live'; });
        source.addEventListener('note', () => notes.load());
        source.addEventListener('end', (event) => {
            notes.stopFollowing(event.data);
            window.setTimeout(() => notes.load(), 1000);
        });
        source.onerror = () => {
            notes.stopFollowing('Not live: the stream of changes closed.');
            window.setTimeout(() => notes.load(), 3000);
        };
    },

    stopFollowing(text) {
        if (notes.source) {
            notes.source.close();
            notes.source = null;
        }
        $('notes-live').textContent = text;
    },
};

$('note-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const form = event.target;
    notes.change(() => api('POST', 'notes', formValues(form)), 'Note added.').then(() => form.reset());
});
// a login or logout elsewhere on the page changes whose notes these are: follow as the new user, once the page
// knows it (the 'sample:user' event of sample.js, sent after every action of the page)
document.addEventListener('sample:user', (event) => {
    const user = event.detail;
    const userId = user && user.loggedIn ? user.id : null;
    if (notes.userId !== undefined && userId !== notes.userId) {
        notes.stopFollowing('');
        notes.load();
    }
    notes.userId = userId;
});
notes.load();
