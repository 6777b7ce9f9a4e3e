// Live reload for `minutes serve` only: the dev server adds this file to HTML pages it serves; it is
// never part of the built site. A file (not an inline script) so the page's CSP allows it.
(function () {
  var script = document.currentScript;
  if (!script || typeof EventSource === 'undefined') return;
  var source = new EventSource(new URL('events', script.src).href);
  source.addEventListener('reload', function () {
    window.location.reload();
  });
})();
