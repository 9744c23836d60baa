/* Page settings the theme would write as inline scripts (pagename, search_as_you_type), set
 * from this deferred file instead, so that documentation_options.js can load deferred too and
 * the page needs no inline script for them (widgets/site/theme.py, defer_scripts). */
Object.assign(DOCUMENTATION_OPTIONS, JSON.parse(document.currentScript.dataset.options));
