/* "Copy text" buttons: copy the text of the element named by data-copy. The text stays visible
   without JavaScript; the button only appears when it can work. */
(function () {
  "use strict";
  function init() {
    [].forEach.call(document.querySelectorAll("button[data-copy]"), function (button) {
      if (button.getAttribute("data-ready")) return;
      button.setAttribute("data-ready", "1");
      var source = document.getElementById(button.getAttribute("data-copy"));
      if (!source) return;
      button.hidden = false;
      button.addEventListener("click", function () {
        var label = button.textContent;
        var done = function () { button.textContent = "Copied"; setTimeout(function () { button.textContent = label; }, 2000); };
        if (navigator.clipboard && window.isSecureContext) navigator.clipboard.writeText(source.textContent.trim()).then(done, select);
        else select();
        function select() {
          var range = document.createRange();
          range.selectNodeContents(source);
          var selection = window.getSelection();
          selection.removeAllRanges();
          selection.addRange(range);
        }
      });
    });
  }
  if (window.document$ && window.document$.subscribe) window.document$.subscribe(init);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
