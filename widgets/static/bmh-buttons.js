/* The theme's two script buttons (print, full screen) without inline onclick handlers, so the
 * pages need no 'unsafe-inline' scripts (widgets/site/theme.py rewrites the button macro). */
document.querySelectorAll("button[data-bmh-action]").forEach(function (button) {
  button.addEventListener("click", function () {
    if (button.dataset.bmhAction === "print") window.print();
    if (button.dataset.bmhAction === "fullscreen" && window.toggleFullScreen) window.toggleFullScreen();
  });
});
