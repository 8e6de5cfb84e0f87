/*
 * Notices that are true only on some days (a new version takes over on its first day) carry
 * data-visa-fran / data-visa-till (generators/outputs/site/documents.py). The page is built showing
 * the notices true on the build date; this script shows those true on the reader's own date, so a
 * page nobody has rebuilt still says which version applies. No text of its own.
 */
(function () {
  "use strict";

  function today() {
    var now = new Date();
    var pad = function (n) { return (n < 10 ? "0" : "") + n; };
    return now.getFullYear() + "-" + pad(now.getMonth() + 1) + "-" + pad(now.getDate());
  }

  var day = today();
  document.querySelectorAll("[data-visa-fran], [data-visa-till]").forEach(function (element) {
    var from = element.getAttribute("data-visa-fran");
    var until = element.getAttribute("data-visa-till");
    element.hidden = !((!from || from <= day) && (!until || day <= until));
  });
})();
