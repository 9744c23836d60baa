/* Loaded on every page: marks that JavaScript runs, so the no-JS fallbacks can step aside. */
document.documentElement.classList.add("bmh-js");
