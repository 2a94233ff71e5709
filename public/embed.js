// Embeds the IMP+ assistant on a firm's website: a launcher button that opens the chat (this server's /chat)
// in an iframe panel. Usage, once, before </body>:
//   <script src="https://ASSISTANT-HOST/webchat/embed.js" data-lang="fr" defer></script>
// data-lang is optional (default: the host page's <html lang>, then the browser's language). data-start="eligibility"
// (optional) opens a new conversation straight into the eligibility check. The assistant's
// WEBCHAT_FRAME_ANCESTORS must list the website's origin; the website's own CSP, if any, must allow this
// origin in script-src and frame-src. Styles are set through the DOM, so the host page needs no inline CSS.
(() => {
    'use strict';
    var script = document.currentScript;
    if (!script || document.getElementById('impplus-assistant-launcher')) return;
    var origin = new URL(script.src).origin;
    var wanted = script.getAttribute('data-lang') || document.documentElement.lang || navigator.language || 'en';
    var lang = wanted.slice(0, 2).toLowerCase() === 'fr' ? 'fr' : 'en';
    var start = script.getAttribute('data-start') === 'eligibility' ? 'eligibility' : '';
    var labels = {
        en: { open: 'Chat with us', close: 'Close the chat', title: 'IMP+ assistant' },
        fr: { open: 'Clavarder avec nous', close: 'Fermer la conversation', title: 'Assistant PMI+' },
    }[lang];

    function style(element, rules) {
        Object.keys(rules).forEach((name) => {
            element.style.setProperty(name, rules[name]);
        });
    }

    var launcher = document.createElement('button');
    launcher.type = 'button';
    launcher.id = 'impplus-assistant-launcher';
    launcher.textContent = labels.open;
    launcher.setAttribute('aria-expanded', 'false');
    launcher.setAttribute('aria-controls', 'impplus-assistant-panel');
    style(launcher, {
        position: 'fixed',
        right: '20px',
        bottom: '20px',
        'z-index': '2147483000',
        padding: '14px 20px',
        border: '0',
        'border-radius': '999px',
        background: '#0b3d5c',
        color: '#fff',
        font: '600 16px system-ui, sans-serif',
        cursor: 'pointer',
        'box-shadow': '0 6px 18px rgba(7,42,64,.35)',
    });

    var panel = document.createElement('div');
    panel.id = 'impplus-assistant-panel';
    panel.hidden = true;
    style(panel, {
        position: 'fixed',
        right: '20px',
        bottom: '20px',
        'z-index': '2147483001',
        width: 'min(416px, calc(100vw - 40px))',
        height: 'min(640px, calc(100vh - 40px))',
        'border-radius': '12px',
        overflow: 'hidden',
        background: '#fff',
        'box-shadow': '0 12px 40px rgba(0,0,0,.25)',
    });
    var close = document.createElement('button');
    close.type = 'button';
    close.textContent = '×';
    close.setAttribute('aria-label', labels.close);
    style(close, {
        position: 'absolute',
        top: '10px',
        right: '10px',
        width: '36px',
        height: '36px',
        border: '0',
        'border-radius': '50%',
        background: 'rgba(255,255,255,.15)',
        color: '#fff',
        font: '24px/1 system-ui, sans-serif',
        cursor: 'pointer',
    });
    var frame = null;

    // Left open, the chat is open again on the site's next page (this tab only).
    var OPEN_KEY = 'impplus-assistant:open';
    function remember(isOpen) {
        try {
            if (isOpen) window.sessionStorage.setItem(OPEN_KEY, '1');
            else window.sessionStorage.removeItem(OPEN_KEY);
        } catch {
            // Storage blocked: the chat simply stays closed on the next page.
        }
    }
    function wasOpen() {
        try {
            return window.sessionStorage.getItem(OPEN_KEY) === '1';
        } catch {
            return false;
        }
    }

    function open(event) {
        if (!frame) {
            // The conversation starts only when someone opens the chat, not on every page view.
            frame = document.createElement('iframe');
            frame.title = labels.title;
            // The conversation itself is kept by the chat page (per tab), so the next page of the site continues it.
            frame.src = `${origin}/chat?lang=${lang}${start ? `&start=${start}` : ''}`;
            style(frame, { width: '100%', height: '100%', border: '0' });
            panel.insertBefore(frame, close);
        }
        panel.hidden = false;
        launcher.hidden = true;
        launcher.setAttribute('aria-expanded', 'true');
        remember(true);
        // Reopened by a page load, the chat does not take the keyboard focus from the page.
        if (event) frame.focus();
    }
    function hide() {
        panel.hidden = true;
        launcher.hidden = false;
        launcher.setAttribute('aria-expanded', 'false');
        remember(false);
        launcher.focus();
    }
    launcher.addEventListener('click', open);
    close.addEventListener('click', hide);
    document.addEventListener('keydown', (event) => {
        if (event.key === 'Escape' && !panel.hidden) hide();
    });
    // Escape pressed inside the chat (where the focus is) arrives as a message from our own frame only.
    window.addEventListener('message', (event) => {
        var fromChat = frame && event.source === frame.contentWindow && event.origin === origin;
        if (fromChat && event.data && event.data.type === 'impplus-assistant:close' && !panel.hidden) hide();
    });

    panel.appendChild(close);
    document.body.appendChild(panel);
    document.body.appendChild(launcher);
    if (wasOpen()) open();
})();
