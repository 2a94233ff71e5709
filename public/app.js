// The firm's chat widget: a launcher, a panel with Bot Framework Web Chat, and an English/French toggle.
// No inline script (the page's CSP allows only files from this origin); Web Chat's own runtime style tags
// are allowed by the nonce this script carries.
(() => {
    'use strict';

    var script = document.currentScript;
    var styleNonce = script?.nonce ? script.nonce : undefined;
    var firmName = script?.getAttribute('data-firm-name') || '';
    var chatOnly = document.body.getAttribute('data-view') === 'chat';

    var launcher = document.getElementById('chat-launcher');
    var panel = document.getElementById('chat-panel');
    var status = document.getElementById('chat-status');
    var container = document.getElementById('webchat');
    // What the call-to-action or the embed snippet (?start=) asks the chat to open with.
    var START_DIALOGS = ['eligibility'];

    var language = document.documentElement.lang === 'fr' ? 'fr' : 'en';
    var strings = null;
    var chat = null; // { directLine, store, session } once the conversation started
    var starting = null;
    var refreshTimer = null;

    // Where the conversation is kept between pages of the site: the tab's sessionStorage (a token never outlives
    // the tab). The user id stays in localStorage, so that a later conversation can pick up an unfinished check.
    var CONVERSATION_KEY = 'impplus-assistant:conversation';
    var OPEN_KEY = 'impplus-assistant:open';
    var USER_KEY = 'impplus-assistant:user';
    var TRANSCRIPT_KEY = 'impplus-assistant:transcript';
    // The bot's event after "delete my data" (src/conversation/erasure.ts).
    var ERASED_EVENT = 'impplus/dataErased';
    /** The most recent activities the page keeps to draw the history again after a reload. */
    var MAX_KEPT_ACTIVITIES = 100;

    // The texts both languages need for the toggle and for Web Chat's locale; a click before they arrive waits.
    var stringsLoaded = fetch('/webchat/i18n.json', { headers: { accept: 'application/json' } })
        .then((response) => {
            if (!response.ok) throw new Error(`i18n.json: ${response.status}`);
            return response.json();
        })
        .then((loaded) => {
            strings = loaded;
        });

    function t(key) {
        var text = strings?.[language]?.[key];
        return typeof text === 'string' ? text.split('{firmName}').join(firmName) : '';
    }

    /** Re-labels the page in the current language (the server drew the first language already). */
    function applyLanguage() {
        document.documentElement.lang = language;
        document.title = t('pageTitle');
        Array.prototype.forEach.call(document.querySelectorAll('[data-i18n]'), (element) => {
            element.textContent = t(element.getAttribute('data-i18n'));
        });
        Array.prototype.forEach.call(document.querySelectorAll('[data-i18n-aria-label]'), (element) => {
            element.setAttribute('aria-label', t(element.getAttribute('data-i18n-aria-label')));
        });
        Array.prototype.forEach.call(document.querySelectorAll('[data-i18n-title]'), (element) => {
            element.setAttribute('title', t(element.getAttribute('data-i18n-title')));
        });
        Array.prototype.forEach.call(document.querySelectorAll('[data-i18n-lang]'), (element) => {
            element.setAttribute('lang', t(element.getAttribute('data-i18n-lang')));
        });
    }

    function setStatus(key) {
        status.textContent = key ? t(key) : '';
    }

    /** Storage can be blocked (private modes, third-party frames): the chat then simply lasts one page. */
    function readStored(storage, key) {
        try {
            const text = window[storage].getItem(key);
            return text ? JSON.parse(text) : null;
        } catch {
            return null;
        }
    }
    function writeStored(storage, key, value) {
        try {
            if (value === null) window[storage].removeItem(key);
            else window[storage].setItem(key, JSON.stringify(value));
        } catch {
            // Not kept: the next page starts a new conversation.
        }
    }

    // Web Chat's 4 MB bundle is fetched only when someone opens the chat, not on every page view.
    var webChatLoaded = null;
    function loadWebChat() {
        if (window.WebChat) return Promise.resolve();
        if (webChatLoaded) return webChatLoaded;
        webChatLoaded = new Promise((resolve, reject) => {
            var element = document.createElement('script');
            element.src = '/webchat/webchat.js';
            element.onload = () => resolve();
            element.onerror = () => {
                webChatLoaded = null;
                element.remove();
                reject(new Error('webchat.js could not be loaded'));
            };
            document.head.appendChild(element);
        });
        return webChatLoaded;
    }

    // On touch screens the suggested action that appears under the finger must not look chosen (a sticky :hover).
    var canHover = window.matchMedia('(hover: hover)').matches;

    function styleOptions() {
        return {
            accent: '#0b3d5c',
            primaryFont: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
            bubbleBorderRadius: 10,
            bubbleFromUserBorderRadius: 10,
            bubbleFromUserBackground: '#0b3d5c',
            bubbleFromUserTextColor: '#ffffff',
            bubbleBackground: '#eef2f5',
            botAvatarInitials: t('botAvatarInitials'),
            hideUploadButton: true,
            suggestedActionLayout: 'flow',
            suggestedActionBorderRadius: 999,
            suggestedActionBackgroundColorOnHover: canHover ? '#F3F2F1' : 'White',
            sendBoxButtonColor: '#0b3d5c',
            // A long reply (a verdict, its card and the menu) stops the scrolling at its first line, not its last.
            autoScrollSnapOnPage: true,
            autoScrollSnapOnPageOffset: 0,
            rootHeight: '100%',
        };
    }

    function renderChat() {
        window.WebChat.renderWebChat(
            {
                directLine: chat.directLine,
                store: chat.store,
                locale: t('webChatLocale'),
                // Screen readers hear who spoke by these words, in the page's language.
                overrideLocalizedStrings: { ACTIVITY_BOT_SAID_ALT: t('botSaid') },
                styleOptions: styleOptions(),
                activityStatusMiddleware: showRatingStatus,
                nonce: styleNonce,
            },
            container,
        );
    }

    /**
     * An answer the visitor may rate carries Web Chat's schema.org Like/Dislike actions in channelData (the Bot
     * Framework connector drops an entity's unknown fields); moved into `entities`, Web Chat draws its thumbs.
     */
    function withRatingEntities(action) {
        var activity = action.payload?.activity;
        var extra = activity?.channelData?.webChatEntities;
        if (!Array.isArray(extra)) return action;
        var entities = (activity.entities || []).concat(extra);
        // Moved, not copied: an activity replayed from the tab's history must not get its thumbs twice.
        var channelData = Object.assign({}, activity.channelData);
        delete channelData.webChatEntities;
        var moved = Object.assign({}, activity, { entities: entities, channelData: channelData });
        return Object.assign({}, action, { payload: Object.assign({}, action.payload, { activity: moved }) });
    }

    /**
     * Web Chat shows a message's status line (and so its thumbs) only on the last message of a group; an
     * answer given mid-question is followed by the question at once: keep its thumbs visible.
     */
    function showRatingStatus() {
        return (next) =>
            (...args) => {
                var options = args[0];
                var rated = (options?.activity?.entities || []).some((entity) => Array.isArray(entity?.potentialAction));
                if (rated && options.hideTimestamp) args[0] = Object.assign({}, options, { hideTimestamp: false });
                return next(...args);
            };
    }

    function absoluteDomain(domain) {
        return new URL(domain, window.location.href).href.replace(/\/$/, '');
    }

    /** A kept conversation with a fresh token, or null when it can no longer be refreshed (expired, ended). */
    function resumeStored() {
        var saved = readStored('sessionStorage', CONVERSATION_KEY);
        if (!saved?.token || !saved.conversationId || !(saved.expiresAt > Date.now())) return Promise.resolve(null);
        return refreshToken(saved).catch(() => null);
    }

    /** Direct Line's /tokens/refresh (Azure's, or the local one): same conversation, a new token and lifetime. */
    function refreshToken(session) {
        return fetch(`${absoluteDomain(session.domain)}/tokens/refresh`, {
            method: 'POST',
            headers: { authorization: `Bearer ${session.token}`, accept: 'application/json' },
            cache: 'no-store',
        })
            .then((response) => {
                if (!response.ok) throw new Error(`token refresh failed: ${response.status}`);
                return response.json();
            })
            .then((refreshed) => {
                if (typeof refreshed.token !== 'string' || refreshed.conversationId !== session.conversationId) {
                    throw new Error('token refresh answered for another conversation');
                }
                var kept = Object.assign({}, session, {
                    token: refreshed.token,
                    expiresAt: Date.now() + Number(refreshed.expires_in) * 1000,
                });
                writeStored('sessionStorage', CONVERSATION_KEY, kept);
                return kept;
            });
    }

    /**
     * The conversation's history as this tab received it, and the watermark after it (the sequence number in
     * Direct Line's activity ids, "<conversation>|0000042"). After a reload the history is drawn from here and
     * Direct Line is asked only for what came after the watermark: nothing is sent or delivered twice, and it
     * works the same over Azure's WebSocket (whose reconnect replays only from a watermark) and local polling.
     */
    function keptTranscript(conversationId) {
        var kept = readStored('sessionStorage', TRANSCRIPT_KEY);
        return kept?.conversationId === conversationId && Array.isArray(kept.activities)
            ? kept
            : { conversationId: conversationId, watermark: undefined, activities: [] };
    }

    /**
     * Every activity moves the watermark on; only messages are kept to be drawn again (events draw nothing).
     * "Delete my data" erases the browser's copy too: the bot's erased event drops the messages kept so far and
     * the visitor id (what follows, "everything is erased", is kept as usual).
     */
    function keepActivity(transcript, activity) {
        var sequence = /\|(\d+)$/.exec(activity?.id || '');
        if (!sequence || transcript.activities.some((kept) => kept.id === activity.id)) return;
        var watermark = String(Number(sequence[1]));
        if (transcript.watermark !== undefined && Number(watermark) <= Number(transcript.watermark)) return;
        transcript.watermark = watermark;
        if (activity.type === 'event' && activity.name === ERASED_EVENT) {
            transcript.activities = [];
            writeStored('localStorage', USER_KEY, null);
        }
        if (activity.type === 'message') transcript.activities = transcript.activities.concat([activity]).slice(-MAX_KEPT_ACTIVITIES);
        writeStored('sessionStorage', TRANSCRIPT_KEY, transcript);
    }

    /** A new conversation from our server, for the visitor's kept user id if there is one. */
    function newSession() {
        var query = new URLSearchParams({ locale: t('webChatLocale') });
        var userId = readStored('localStorage', USER_KEY);
        if (typeof userId === 'string') query.set('user', userId);
        return fetch(`/api/directline/token?${query}`, {
            headers: { accept: 'application/json' },
            cache: 'no-store',
            credentials: 'same-origin',
        })
            .then((response) => {
                if (!response.ok) throw new Error(`token request failed: ${response.status}`);
                return response.json();
            })
            .then((session) => {
                var kept = {
                    token: session.token,
                    conversationId: session.conversationId,
                    userId: session.userId,
                    domain: session.domain,
                    webSocket: session.webSocket,
                    expiresAt: Date.now() + Number(session.expiresIn) * 1000,
                };
                writeStored('localStorage', USER_KEY, session.userId);
                writeStored('sessionStorage', CONVERSATION_KEY, kept);
                return kept;
            });
    }

    /** Keeps the stored token alive while the page is open (Web Chat refreshes its own copy separately). */
    function scheduleRefresh() {
        window.clearTimeout(refreshTimer);
        var session = chat?.session;
        if (!session) return;
        var wait = Math.max(5000, (session.expiresAt - Date.now()) / 2);
        refreshTimer = window.setTimeout(() => {
            if (chat?.session !== session) return;
            refreshToken(session)
                .then((kept) => {
                    if (chat?.session === session) {
                        chat.session = kept;
                        scheduleRefresh();
                    }
                })
                .catch(() => {
                    // The conversation ended here; the next page will start a new one.
                    writeStored('sessionStorage', CONVERSATION_KEY, null);
                });
        }, wait);
    }

    /**
     * Starts Web Chat in the page's language: on the kept conversation if its token can still be refreshed
     * (its history drawn from the tab's copy; nothing is sent again and the bot does not greet twice), otherwise
     * on a new one. `startWith` ("eligibility") asks the bot to open that dialog straight away.
     */
    function startChat(startWith, onlyIfNew) {
        if (startWith && !onlyIfNew) sendStart(startWith);
        if (starting) return starting;
        status.textContent = '…';
        starting = stringsLoaded
            .then(() => {
                setStatus('loading');
                // The bundle and the conversation's token are fetched side by side.
                var conversation = resumeStored().then((resumed) => {
                    // The snippet's data-start says where a chat begins: a kept conversation goes on where it was.
                    if (startWith && onlyIfNew && !resumed) sendStart(startWith);
                    return resumed ? { session: resumed, resumed: true } : newSession().then((session) => ({ session, resumed: false }));
                });
                return Promise.all([loadWebChat(), conversation]);
            })
            .then((loaded) => loaded[1])
            .then((opened) => {
                var session = opened.session;
                var transcript = keptTranscript(session.conversationId);
                var directLine = window.WebChat.createDirectLine({
                    token: session.token,
                    // A kept conversation is reconnected (GET), not started again (POST): no second conversationUpdate.
                    conversationId: opened.resumed ? session.conversationId : undefined,
                    watermark: opened.resumed ? transcript.watermark : undefined,
                    domain: absoluteDomain(session.domain),
                    webSocket: session.webSocket,
                    // Without a WebSocket (the local Direct Line), poll often: the server is the bot itself.
                    pollingInterval: session.webSocket ? undefined : 500,
                    // Sent with the start request: the bot's first conversationUpdate carries the browser's locale,
                    // so the welcome comes in the right language.
                    conversationStartProperties: { locale: t('webChatLocale') },
                });
                var store = window.WebChat.createStore({}, (api) => (next) => (action) => {
                    var incoming = action.type === 'DIRECT_LINE/INCOMING_ACTIVITY' ? withRatingEntities(action) : action;
                    var result = next(incoming);
                    if (incoming.type === 'DIRECT_LINE/INCOMING_ACTIVITY') keepActivity(transcript, incoming.payload?.activity);
                    if (action.type === 'DIRECT_LINE/CONNECT_FULFILLED') {
                        // The history this tab already received, drawn again before Direct Line sends what came after it.
                        if (opened.resumed) {
                            transcript.activities.forEach((activity) => {
                                api.dispatch({ type: 'DIRECT_LINE/QUEUE_INCOMING_ACTIVITY', payload: { activity: activity } });
                            });
                        }
                        // A new conversation: where the channel sends no conversationUpdate with a locale, the bot
                        // learns it here. A resumed one was greeted already.
                        if (!opened.resumed) {
                            api.dispatch({
                                type: 'WEB_CHAT/SEND_EVENT',
                                payload: { name: 'webchat/join', value: { language: t('webChatLocale') } },
                            });
                        }
                        connected = true;
                        if (pendingStart) sendStart(pendingStart);
                    }
                    return result;
                });
                var connected = false;
                chat = { directLine: directLine, store: store, session: session, connected: () => connected };
                if (!opened.resumed) writeStored('sessionStorage', TRANSCRIPT_KEY, null);
                setStatus(null);
                renderChat();
                scheduleRefresh();
            })
            .catch((error) => {
                starting = null;
                setStatus('connectionError');
                if (window.console) window.console.error('Chat unavailable:', error);
            });
        return starting;
    }

    /** Asks the bot to open a dialog (the call-to-action's "eligibility"); kept until the chat is connected. */
    var pendingStart = null;
    function sendStart(dialog) {
        if (START_DIALOGS.indexOf(dialog) < 0) return;
        if (!chat?.connected()) {
            pendingStart = dialog;
            return;
        }
        pendingStart = null;
        chat.store.dispatch({ type: 'WEB_CHAT/SEND_EVENT', payload: { name: 'start', value: dialog } });
    }

    /** The header's "new conversation": the kept one is dropped and a new one begins (same visitor). */
    function newConversation() {
        if (!chat) return;
        window.clearTimeout(refreshTimer);
        chat.directLine.end();
        chat = null;
        starting = null;
        writeStored('sessionStorage', CONVERSATION_KEY, null);
        writeStored('sessionStorage', TRANSCRIPT_KEY, null);
        // Web Chat's old transcript goes with its element; the new conversation draws in a fresh one.
        var fresh = container.cloneNode(false);
        container.replaceWith(fresh);
        container = fresh;
        startChat().then(() => focusSendBoxSoon());
    }

    function focusSendBox() {
        var input = container.querySelector('input[type="text"], textarea');
        if (input) {
            input.focus();
            return true;
        }
        return false;
    }

    /** Web Chat draws its send box a moment after rendering: wait for it, then put the cursor there. */
    function focusSendBoxSoon() {
        var tries = 0;
        (function waitForSendBox() {
            if (!focusSendBox() && tries++ < 40) window.setTimeout(waitForSendBox, 50);
        })();
    }

    /** Opens the panel; reopened by a page load (`restoring`), it leaves the keyboard focus where it is. */
    function openChat(startWith, onlyIfNew, restoring) {
        panel.hidden = false;
        if (launcher) launcher.setAttribute('aria-expanded', 'true');
        writeStored('sessionStorage', OPEN_KEY, true);
        var started = startChat(startWith, onlyIfNew);
        if (restoring) return;
        started.then(focusSendBoxSoon);
        focusSendBox();
    }

    function closeChat() {
        panel.hidden = true;
        writeStored('sessionStorage', OPEN_KEY, null);
        if (launcher) {
            launcher.setAttribute('aria-expanded', 'false');
            launcher.focus();
        }
    }

    /** Switches the page, Web Chat's own texts, and the bot (the bot reads "English"/"Français" as a switch). */
    function toggleLanguage() {
        if (!strings) return;
        language = language === 'en' ? 'fr' : 'en';
        applyLanguage();
        var url = new URL(window.location.href);
        url.searchParams.set('lang', language);
        window.history.replaceState(null, '', url.href);
        if (chat) {
            renderChat();
            chat.store.dispatch({ type: 'WEB_CHAT/SEND_MESSAGE', payload: { text: t('languageMessage') } });
        }
    }

    document.addEventListener('click', (event) => {
        var target = event.target instanceof Element ? event.target.closest('[data-action], #chat-launcher') : null;
        if (!target) return;
        var action = target.id === 'chat-launcher' ? 'open-chat' : target.getAttribute('data-action');
        if (action === 'open-chat') openChat(target.getAttribute('data-start'));
        else if (action === 'close-chat') closeChat();
        else if (action === 'new-conversation') newConversation();
        else if (action === 'toggle-language') toggleLanguage();
    });

    // The bundle starts loading as soon as a visitor shows the intent (pointer over, finger down, keyboard focus
    // on a button that opens the chat): a head start on the click, still nothing for visitors who never open it.
    Array.prototype.forEach.call(document.querySelectorAll('#chat-launcher, [data-action="open-chat"]'), (opener) => {
        ['pointerenter', 'pointerdown', 'focus'].forEach((type) => {
            opener.addEventListener(type, () => loadWebChat().catch(() => undefined), { once: true });
        });
    });

    document.addEventListener('keydown', (event) => {
        if (event.key !== 'Escape') return;
        if (!chatOnly && !panel.hidden) closeChat();
        // Framed by embed.js, the keyboard focus is in here: ask the host page to close its panel.
        else if (chatOnly && window.parent !== window) window.parent.postMessage({ type: 'impplus-assistant:close' }, '*');
    });

    stringsLoaded.then(() => {
        document.body.setAttribute('data-ready', 'true');
        // Framed by embed.js the chat opens at once (with the snippet's data-start); on the firm's page it reopens
        // after a reload or on the next page if the visitor left it open.
        if (chatOnly) openChat(new URL(window.location.href).searchParams.get('start'), true);
        else if (readStored('sessionStorage', OPEN_KEY)) openChat(null, false, true);
        // A visitor who has used the chat before (a kept user id) is likely to again: the bundle loads once the
        // page is idle. First-time visitors still load nothing heavy until they open it.
        else if (typeof readStored('localStorage', USER_KEY) === 'string') {
            (window.requestIdleCallback || window.setTimeout)(() => loadWebChat().catch(() => undefined));
        }
    });
})();
