// finalist: the little the pages need beyond HTML. Everything works without it.
(function () {
  "use strict";

  // Copy buttons: <button data-copy="#id">; the text of the target goes to the clipboard.
  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-copy]");
    if (!button) return;
    var target = document.querySelector(button.getAttribute("data-copy"));
    if (!target) return;
    var text = target.innerText;
    var done = function () {
      var status = button.parentElement.querySelector(".copied");
      if (status) status.textContent = "Copied";
    };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(done, function () { fallback(text); done(); });
    } else {
      fallback(text);
      done();
    }
  });

  function fallback(text) {
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.className = "offscreen";
    document.body.appendChild(area);
    area.select();
    try { document.execCommand("copy"); } catch (e) { /* the text stays selectable */ }
    document.body.removeChild(area);
  }

  // A refused htmx request (expired form, a bug) shows its error page whole, as it would
  // without JavaScript, instead of leaving the page as it was.
  document.addEventListener("htmx:responseError", function (event) {
    var xhr = event.detail.xhr;
    if (!xhr || !xhr.responseText) return;
    document.open();
    document.write(xhr.responseText);
    document.close();
  });

  // Practice timer: <span class="timer" data-started="epoch ms">; counts up while visible.
  function tick() {
    document.querySelectorAll(".timer[data-started]").forEach(function (el) {
      var seconds = Math.max(0, Math.floor((Date.now() - Number(el.dataset.started)) / 1000));
      var m = Math.floor(seconds / 60), s = seconds % 60;
      el.textContent = m + ":" + (s < 10 ? "0" : "") + s;
      var field = document.getElementById(el.dataset.field || "");
      if (field) field.value = String(seconds);
    });
  }
  function startTimers(root) {
    (root || document).querySelectorAll(".timer[data-autostart]").forEach(function (el) {
      if (!el.dataset.started) el.dataset.started = String(Date.now());
    });
  }
  document.addEventListener("DOMContentLoaded", function () { startTimers(); tick(); });
  document.addEventListener("htmx:afterSwap", function (e) { startTimers(e.target); tick(); });
  setInterval(tick, 1000);
})();
