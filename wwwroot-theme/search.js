// Optional: titles offered while typing in the search box (ARIA 1.2 combobox with a listbox). The form works the same without it.
(function () {
  var input = document.querySelector("input[data-suggest]");
  if (!input || !window.fetch) { return; }
  var endpoint = input.getAttribute("data-suggest");
  var id = input.id + "-goi-y";
  var list = document.createElement("ul");
  var status = document.createElement("div");
  var items = [], active = -1, timer = 0, pending = null, asked = "";
  list.id = id;
  list.className = "suggestions";
  list.setAttribute("role", "listbox");
  list.setAttribute("aria-label", "Gợi ý tìm kiếm");
  list.hidden = true;
  status.className = "visually-hidden";
  status.setAttribute("role", "status");
  input.setAttribute("role", "combobox");
  input.setAttribute("aria-autocomplete", "list");
  input.setAttribute("aria-expanded", "false");
  input.setAttribute("aria-controls", id);
  input.setAttribute("autocomplete", "off");
  input.parentNode.appendChild(list);
  input.parentNode.appendChild(status);

  function choose(index) {
    active = index;
    for (var i = 0; i < list.children.length; i++) {
      list.children[i].setAttribute("aria-selected", String(i === index));
    }
    if (index < 0) {
      input.removeAttribute("aria-activedescendant");
    } else {
      input.setAttribute("aria-activedescendant", id + "-" + index);
      list.children[index].scrollIntoView({ block: "nearest" });
    }
  }

  function open(show) {
    list.hidden = !show;
    input.setAttribute("aria-expanded", String(show));
    choose(-1);
  }

  function go(index) {
    if (items[index] && items[index].url) { window.location.assign(items[index].url); }
  }

  function render(found) {
    items = found;
    list.textContent = "";
    found.forEach(function (item, i) {
      var option = document.createElement("li");
      option.id = id + "-" + i;
      option.setAttribute("role", "option");
      option.textContent = item.title;
      // Keeps the focus in the box, so the click below still finds the list open.
      option.addEventListener("mousedown", function (event) { event.preventDefault(); });
      option.addEventListener("click", function () { go(i); });
      list.appendChild(option);
    });
    status.textContent = found.length
      ? found.length + " gợi ý. Dùng phím mũi tên lên, xuống để chọn và Enter để mở."
      : "";
    open(found.length > 0);
  }

  function ask() {
    var text = input.value.trim();
    if (text === asked) { return; }
    asked = text;
    if (pending) { pending.abort(); pending = null; }
    if (text.length < 2) { render([]); return; }
    pending = window.AbortController ? new AbortController() : null;
    fetch(endpoint + "?q=" + encodeURIComponent(text), {
      headers: { Accept: "application/json" },
      signal: pending ? pending.signal : undefined
    })
      .then(function (response) { return response.ok ? response.json() : []; })
      .then(function (found) {
        if (text === input.value.trim()) { render(Array.isArray(found) ? found.slice(0, 8) : []); }
      })
      .catch(function () { /* No suggestions; the search itself still works. */ });
  }

  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(ask, 200);
  });

  input.addEventListener("keydown", function (event) {
    var count = items.length;
    var shown = !list.hidden;
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      if (!count) { return; }
      event.preventDefault();
      if (!shown) { open(true); }
      var next = event.key === "ArrowDown" ? active + 1 : active - 1;
      choose(next >= count ? 0 : next < -1 ? count - 1 : next);
    } else if (event.key === "Enter" && shown && active >= 0) {
      event.preventDefault();
      go(active);
    } else if (event.key === "Escape" && shown) {
      event.preventDefault();
      open(false);
    }
  });

  input.addEventListener("blur", function () { open(false); });
})();
