// Backoffice enhancements; every screen works without them. Rich text, autosave, presence, drag sorting.
(function () {
  "use strict";
  var token = function (form) { var t = form.querySelector("input[name=__RequestVerificationToken]"); return t ? t.value : ""; };
  var pickMedia = function (images, done) {
    var w = window.open("/umbraco/media/chon" + (images ? "?anh=1" : ""), "chon-media", "width=900,height=700");
    var listen = function (e) {
      if (e.origin !== location.origin || e.source !== w || !e.data || !e.data.mediaKey) return;
      window.removeEventListener("message", listen); w.close(); done(e.data);
    };
    window.addEventListener("message", listen);
  };

  document.querySelectorAll("textarea[data-rich]").forEach(function (source, n) {
    var label = document.querySelector("label[for='" + source.id + "']");
    if (label && !label.id) label.id = source.id + "-nhan";
    var box = document.createElement("div"); box.className = "rich-editor";
    var bar = document.createElement("div"); bar.className = "rich-toolbar"; bar.setAttribute("role", "toolbar");
    bar.setAttribute("aria-label", "Định dạng " + (label ? label.textContent : ""));
    var area = document.createElement("div"); area.className = "rich-area"; area.contentEditable = "true";
    area.setAttribute("role", "textbox"); area.setAttribute("aria-multiline", "true");
    if (label) area.setAttribute("aria-labelledby", label.id);
    if (source.getAttribute("aria-describedby")) area.setAttribute("aria-describedby", source.getAttribute("aria-describedby"));
    area.innerHTML = source.value;
    var sync = function () { source.value = area.innerHTML; source.dispatchEvent(new Event("input", { bubbles: true })); };
    var run = function (cmd, arg) { area.focus(); document.execCommand(cmd, false, arg); sync(); };
    [["Tiêu đề lớn", function () { run("formatBlock", "h2"); }], ["Tiêu đề nhỏ", function () { run("formatBlock", "h3"); }],
     ["Đoạn văn", function () { run("formatBlock", "p"); }], ["Đậm", function () { run("bold"); }], ["Nghiêng", function () { run("italic"); }],
     ["Danh sách", function () { run("insertUnorderedList"); }], ["Danh sách số", function () { run("insertOrderedList"); }],
     ["Liên kết", function () { var u = prompt("Địa chỉ liên kết (https://…)"); if (u && /^(https?:|\/|mailto:)/.test(u)) run("createLink", u); }],
     ["Bảng", function () { run("insertHTML", "<table><thead><tr><th>Cột 1</th><th>Cột 2</th></tr></thead><tbody><tr><td>&nbsp;</td><td>&nbsp;</td></tr></tbody></table><p></p>"); }],
     ["Ảnh từ thư viện", function () {
        var range = window.getSelection().rangeCount ? window.getSelection().getRangeAt(0) : null;
        pickMedia(true, function (m) {
          area.focus(); if (range) { var s = window.getSelection(); s.removeAllRanges(); s.addRange(range); }
          var img = document.createElement("img"); img.src = m.url; img.alt = m.alt || m.name || "";
          document.execCommand("insertHTML", false, img.outerHTML); sync();
        });
     }],
     ["Mã HTML", function () { var on = source.hidden; source.hidden = !on; area.hidden = on; if (!on) area.innerHTML = source.value; }]
    ].forEach(function (b) {
      var btn = document.createElement("button"); btn.type = "button"; btn.textContent = b[0]; btn.addEventListener("click", b[1]); bar.appendChild(btn);
    });
    area.addEventListener("input", sync);
    source.addEventListener("input", function (e) { if (e.isTrusted && !source.hidden) area.innerHTML = source.value; });
    source.hidden = true;
    source.parentNode.insertBefore(box, source); box.appendChild(bar); box.appendChild(area); box.appendChild(source);
  });

  document.querySelectorAll("select[data-media-picker]").forEach(function (select) {
    var btn = document.createElement("button"); btn.type = "button"; btn.className = "secondary small"; btn.textContent = "Chọn từ thư viện Media";
    btn.addEventListener("click", function () {
      pickMedia(false, function (m) {
        if (!select.querySelector("option[value='" + m.mediaKey + "']")) select.add(new Option(m.name, m.mediaKey));
        select.value = m.mediaKey; select.dispatchEvent(new Event("change", { bubbles: true }));
      });
    });
    select.insertAdjacentElement("afterend", btn);
  });

  var form = document.querySelector("form[data-autosave]");
  if (form) {
    var dirty = false, status = document.getElementById("trang-thai-luu"), version = form.querySelector("input[name=phien-ban]");
    form.addEventListener("input", function () { dirty = true; });
    form.addEventListener("change", function () { dirty = true; });
    form.addEventListener("submit", function () { dirty = false; });
    setInterval(function () {
      if (!dirty) return;
      dirty = false;
      var data = new FormData(form); data.delete("thao-tac");
      // A chosen file is stored by the editor's own save; autosave keeps the text and leaves the file input as it is.
      form.querySelectorAll("input[type=file]").forEach(function (f) { data.delete(f.name); });
      fetch(form.dataset.autosave, { method: "POST", body: data, credentials: "same-origin" }).then(function (r) { return r.json(); }).then(function (a) {
        if (a.saved && a.version) { version.value = a.version; status.textContent = "Đã tự động lưu bản nháp lúc " + new Date().toLocaleTimeString("vi-VN"); }
        else { status.textContent = a.message || "Chưa tự động lưu được."; }
      }).catch(function () { dirty = true; status.textContent = "Mất kết nối, chưa tự động lưu được."; });
    }, 30000);
  }

  var editing = document.querySelector("form[data-presence]");
  if (editing) {
    var banner = document.getElementById("dang-sua");
    setInterval(function () {
      var data = new FormData(); data.append("__RequestVerificationToken", token(editing));
      fetch(editing.dataset.presence, { method: "POST", body: data, credentials: "same-origin" }).then(function (r) { return r.json(); }).then(function (a) {
        if (!banner) return;
        banner.hidden = !a.otherEditor;
        if (a.otherEditor) banner.textContent = "Người dùng " + a.otherEditor + " cũng đang mở trang này để sửa. Hãy phối hợp để không ghi đè nội dung của nhau.";
      }).catch(function () { });
    }, 60000);
  }

  document.querySelectorAll("[data-sortable]").forEach(function (list) {
    var dragged = null;
    list.addEventListener("dragstart", function (e) { dragged = e.target.closest("li"); if (dragged) dragged.classList.add("dragging"); });
    list.addEventListener("dragend", function () { if (dragged) dragged.classList.remove("dragging"); dragged = null; });
    list.addEventListener("dragover", function (e) {
      e.preventDefault();
      var over = e.target.closest("li");
      if (!dragged || !over || over === dragged) return;
      var box = over.getBoundingClientRect();
      list.insertBefore(dragged, e.clientY > box.top + box.height / 2 ? over.nextSibling : over);
    });
  });
})();
