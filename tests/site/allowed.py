"""Everything the site tests let pass, in one place, each with its reason.

Keep these lists short. An entry hides a real difference from the tests, so add one
only for something that is not ours to fix, and say why.
"""

# Console errors (substring of the message -> reason). Empty: the site logs none.
# (pydata-sphinx-theme's "Got invalid theme mode" is gone since _config.yml sets
# html_context.default_mode: auto.)
CONSOLE_ERRORS: dict[str, str] = {}

# axe-core rule exclusions for single elements ((rule id, CSS selector) -> reason).
# Never a whole rule. Empty: every page passes WCAG 2.1 A and AA as built.
AXE_EXCLUDE: dict[tuple[str, str], str] = {}

# Files whose HTML may differ between two clean builds of the same sources
# (path relative to _build/html -> reason). Empty: builds are byte for byte the same.
BUILD_DIFFERENCES: dict[str, str] = {}

# How the checks look at pages (not exclusions, but choices that affect what is seen):
# - axe runs once the figures are drawn and CSS transitions have ended: Bootstrap
#   fades the colours of the header buttons in over 0.15 s after the theme script
#   picks light or dark, and axe would otherwise measure a colour half-way.
# - console messages and requests are judged while the page loads, before axe runs:
#   axe itself fetches the theme's @import "../basic.css" relative to the page
#   instead of the stylesheet and gets a 404 that no reader ever sees.
