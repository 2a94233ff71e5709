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

    var language = document.documentElement.lang === 'fr' ? 'fr' : 'en';
    var strings = null;
    var chat = null; // { directLine, store } once the conversation started
    var starting = null;

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
        Array.prototype.forEach.call(document.querySelectorAll('[data-i18n-lang]'), (element) => {
            element.setAttribute('lang', t(element.getAttribute('data-i18n-lang')));
        });
    }

    function setStatus(key) {
        status.textContent = key ? t(key) : '';
    }

    var styleOptions = {
        accent: '#0b3d5c',
        primaryFont: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
        bubbleBorderRadius: 10,
        bubbleFromUserBorderRadius: 10,
        bubbleFromUserBackground: '#0b3d5c',
        bubbleFromUserTextColor: '#ffffff',
        bubbleBackground: '#eef2f5',
        botAvatarInitials: 'IMP',
        hideUploadButton: true,
        suggestedActionLayout: 'flow',
        suggestedActionBorderRadius: 999,
        sendBoxButtonColor: '#0b3d5c',
        rootHeight: '100%',
    };

    function renderChat() {
        window.WebChat.renderWebChat(
            {
                directLine: chat.directLine,
                store: chat.store,
                locale: t('webChatLocale'),
                styleOptions: styleOptions,
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
        return Object.assign({}, action, {
            payload: Object.assign({}, action.payload, { activity: Object.assign({}, activity, { entities: entities }) }),
        });
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

    /** Fetches a token (local or exchanged at Azure by our server) and starts Web Chat in the page's language. */
    function startChat() {
        if (starting) return starting;
        status.textContent = '…';
        starting = stringsLoaded
            .then(() => {
                setStatus('loading');
                return fetch('/api/directline/token', {
                    headers: { accept: 'application/json' },
                    cache: 'no-store',
                    credentials: 'same-origin',
                });
            })
            .then((response) => {
                if (!response.ok) throw new Error(`token request failed: ${response.status}`);
                return response.json();
            })
            .then((session) => {
                var locale = t('webChatLocale');
                var directLine = window.WebChat.createDirectLine({
                    token: session.token,
                    domain: new URL(session.domain, window.location.href).href.replace(/\/$/, ''),
                    webSocket: session.webSocket,
                    // Without a WebSocket (the local Direct Line), poll often: the server is the bot itself.
                    pollingInterval: session.webSocket ? undefined : 500,
                    // Sent with the start request: the bot's first conversationUpdate carries the browser's locale,
                    // so the welcome comes in the right language.
                    conversationStartProperties: { locale: locale },
                });
                var store = window.WebChat.createStore({}, (api) => (next) => (action) => {
                    if (action.type === 'DIRECT_LINE/INCOMING_ACTIVITY') return next(withRatingEntities(action));
                    if (action.type === 'DIRECT_LINE/CONNECT_FULFILLED') {
                        // Where the channel sends no conversationUpdate with a locale, the bot learns it here.
                        api.dispatch({
                            type: 'WEB_CHAT/SEND_EVENT',
                            payload: { name: 'webchat/join', value: { language: t('webChatLocale') } },
                        });
                    }
                    return next(action);
                });
                chat = { directLine: directLine, store: store };
                setStatus(null);
                renderChat();
            })
            .catch((error) => {
                starting = null;
                setStatus('connectionError');
                if (window.console) window.console.error('Chat unavailable:', error);
            });
        return starting;
    }

    function focusSendBox() {
        var input = container.querySelector('input[type="text"], textarea');
        if (input) {
            input.focus();
            return true;
        }
        return false;
    }

    function openChat() {
        panel.hidden = false;
        if (launcher) launcher.setAttribute('aria-expanded', 'true');
        startChat().then(() => {
            // Web Chat draws its send box a moment after rendering: wait for it, then put the cursor there.
            var tries = 0;
            (function waitForSendBox() {
                if (!focusSendBox() && tries++ < 40) window.setTimeout(waitForSendBox, 50);
            })();
        });
        focusSendBox();
    }

    function closeChat() {
        panel.hidden = true;
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
        if (action === 'open-chat') openChat();
        else if (action === 'close-chat') closeChat();
        else if (action === 'toggle-language') toggleLanguage();
    });

    document.addEventListener('keydown', (event) => {
        if (event.key !== 'Escape') return;
        if (!chatOnly && !panel.hidden) closeChat();
        // Framed by embed.js, the keyboard focus is in here: ask the host page to close its panel.
        else if (chatOnly && window.parent !== window) window.parent.postMessage({ type: 'impplus-assistant:close' }, '*');
    });

    stringsLoaded.then(() => {
        document.body.setAttribute('data-ready', 'true');
        if (chatOnly) openChat();
    });
})();
