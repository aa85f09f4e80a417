// Media section, on top of forms that work without it: drop a file on an upload form, click an image to set its
// focal point, and hand a picked item back to the content editor that opened the picker.
(function () {
  'use strict';

  // Drag and drop: the dropped file goes into the form's own file input, then the form is sent as if chosen by hand.
  document.querySelectorAll('form[data-media-upload]').forEach(function (form) {
    var zone = form.querySelector('[data-dropzone]');
    var input = form.querySelector('input[type=file]');
    if (!zone || !input || typeof DataTransfer === 'undefined') return;
    var hint = zone.querySelector('[data-drop-hint]');
    if (hint) hint.hidden = false;
    zone.addEventListener('dragover', function (e) {
      e.preventDefault();
      zone.classList.add('over');
    });
    zone.addEventListener('dragleave', function () { zone.classList.remove('over'); });
    zone.addEventListener('drop', function (e) {
      e.preventDefault();
      zone.classList.remove('over');
      var files = e.dataTransfer && e.dataTransfer.files;
      if (!files || !files.length) return;
      var moved = new DataTransfer();
      moved.items.add(files[0]);
      input.files = moved.files;

      // An image needs its alt text first; sending without it would only come back refused, and the file with it.
      var alt = form.querySelector('[name=altText]');
      if (alt && !alt.value.trim() && /^image\//.test(files[0].type)) {
        alt.focus();
        return;
      }
      if (form.requestSubmit) form.requestSubmit(); else form.submit();
    });
  });

  // Focal point: a click on the picture fills the two percentage inputs, which stay the way to set it by keyboard.
  document.querySelectorAll('[data-focal]').forEach(function (box) {
    var img = box.querySelector('img');
    var mark = box.querySelector('.focal-mark');
    var left = document.getElementById('focalLeft');
    var top = document.getElementById('focalTop');
    if (!img || !mark || !left || !top) return;
    var hint = document.querySelector('[data-focal-hint]');
    if (hint) hint.hidden = false;
    function place() {
      var x = parseFloat(String(left.value).replace(',', '.'));
      var y = parseFloat(String(top.value).replace(',', '.'));
      if (x >= 0 && x <= 100 && y >= 0 && y <= 100) {
        mark.style.left = x + '%';
        mark.style.top = y + '%';
      }
    }
    img.addEventListener('click', function (e) {
      var r = img.getBoundingClientRect();
      var clamp = function (v) { return Math.min(100, Math.max(0, Math.round(v * 1000) / 10)); };
      left.value = clamp((e.clientX - r.left) / r.width);
      top.value = clamp((e.clientY - r.top) / r.height);
      place();
    });
    left.addEventListener('input', place);
    top.addEventListener('input', place);
  });

  // Picker: hand the choice to the editor that opened this page (window.open or a frame); see Picker.cshtml.
  var picker = document.querySelector('[data-media-picker]');
  var target = window.opener || (window.parent !== window ? window.parent : null);
  if (picker && target) {
    picker.addEventListener('click', function (e) {
      var link = e.target.closest && e.target.closest('[data-media-pick]');
      if (!link) return;
      e.preventDefault();
      target.postMessage({
        type: 'portal-media-picked',
        field: picker.getAttribute('data-field') || null,
        mediaKey: link.getAttribute('data-media-key'),
        url: link.getAttribute('data-url'),
        name: link.getAttribute('data-name')
      }, window.location.origin);
      if (window.opener) window.close();
    });
  }
})();
