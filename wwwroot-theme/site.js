// Optional: the font-size control Vietnamese government sites offer, and the mobile menu. Reading needs none of it.
(function () {
  var root = document.documentElement;
  var steps = [0.9, 1, 1.15, 1.3];
  var stored = parseFloat(localStorage.getItem("portal-scale") || "1");
  function apply(scale) {
    root.style.setProperty("--scale", String(scale));
    localStorage.setItem("portal-scale", String(scale));
  }
  if (steps.indexOf(stored) >= 0) { apply(stored); }
  var tools = document.querySelector("[data-font-tools]");
  if (tools) {
    tools.addEventListener("click", function (event) {
      var button = event.target.closest("button[data-scale]");
      if (!button) { return; }
      var current = parseFloat(root.style.getPropertyValue("--scale") || "1");
      var index = steps.indexOf(current);
      if (index < 0) { index = 1; }
      var change = button.getAttribute("data-scale");
      index = change === "up" ? Math.min(index + 1, steps.length - 1) : change === "down" ? Math.max(index - 1, 0) : 1;
      apply(steps[index]);
    });
  }
  var toggle = document.querySelector("[data-menu-toggle]");
  var nav = document.getElementById("site-nav");
  if (toggle && nav) {
    toggle.addEventListener("click", function () {
      var open = nav.getAttribute("data-open") !== "true";
      nav.setAttribute("data-open", String(open));
      toggle.setAttribute("aria-expanded", String(open));
    });
  }
  var copy = document.querySelector("[data-copy-link]");
  if (copy && navigator.clipboard) {
    copy.hidden = false;
    copy.addEventListener("click", function () {
      navigator.clipboard.writeText(copy.getAttribute("data-copy-link")).then(function () {
        copy.textContent = "Đã sao chép liên kết";
      });
    });
  }
  // The phone's own share sheet, where Zalo and the other apps the reader has are offered.
  var share = document.querySelector("[data-share-url]");
  if (share && navigator.share) {
    share.hidden = false;
    share.addEventListener("click", function () {
      navigator.share({ title: share.getAttribute("data-share-title"), url: share.getAttribute("data-share-url") }).catch(function () {});
    });
  }
})();
