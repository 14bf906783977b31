// Storefront: lists the catalog from the API (GET {apiBase}/catalog) with a
// category filter and "load more" pagination, and shows one product
// (GET {apiBase}/catalog/{product_id}). Routes live in the URL hash:
//   #c=<category>   catalog filtered by category ("" or no hash: everything)
//   #p=<product_id> product detail
// DOM nodes are built with textContent only: API data is never parsed as HTML.

const DEFAULTS = { apiBase: "/api", pageSize: 12, currency: "EUR", locale: "es-ES", categories: [] };

/** URL of one catalog page. */
export function catalogUrl(apiBase, { category = "", limit = 12, nextToken = "" } = {}) {
  const params = new URLSearchParams();
  if (category) params.set("category", category);
  params.set("limit", String(limit));
  if (nextToken) params.set("next_token", nextToken);
  return `${apiBase.replace(/\/+$/, "")}/catalog?${params}`;
}

/** URL of one product. */
export function productUrl(apiBase, productId) {
  return `${apiBase.replace(/\/+$/, "")}/catalog/${encodeURIComponent(productId)}`;
}

/** Prices are integer cents in the catalog. */
export function formatPrice(cents, locale = "es-ES", currency = "EUR") {
  if (typeof cents !== "number" || !Number.isFinite(cents)) return "";
  return new Intl.NumberFormat(locale, { style: "currency", currency }).format(cents / 100);
}

/** "#c=books" -> {view:"catalog", category:"books"}; "#p=x" -> {view:"product", productId:"x"}. */
export function parseRoute(hash) {
  const params = new URLSearchParams(String(hash || "").replace(/^#/, ""));
  const productId = params.get("p");
  if (productId) return { view: "product", productId };
  return { view: "catalog", category: params.get("c") || "" };
}

/** Message for a failed API call, from the API's {"message": ...} when present. */
export function errorMessage(status, body) {
  if (status === 404) return "Producto no encontrado.";
  if (status === 400 && body && typeof body.message === "string") return `Petición no válida: ${body.message}`;
  return "El catálogo no está disponible ahora mismo. Inténtalo de nuevo en unos minutos.";
}

class ApiError extends Error {
  constructor(status, body) {
    super(errorMessage(status, body));
    this.status = status;
  }
}

async function getJson(url, signal) {
  const response = await fetch(url, { headers: { Accept: "application/json" }, signal });
  let body = null;
  try {
    body = await response.json();
  } catch {
    body = null;
  }
  if (!response.ok) throw new ApiError(response.status, body);
  return body;
}

function el(tag, { text, className, attrs } = {}, children = []) {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  for (const [name, value] of Object.entries(attrs || {})) node.setAttribute(name, value);
  for (const child of children) node.append(child);
  return node;
}

function start() {
  const config = { ...DEFAULTS, ...(window.STOREFRONT_CONFIG || {}) };
  const $ = (id) => document.getElementById(id);
  const ui = {
    status: $("status"),
    categories: $("categories"),
    catalog: $("catalog"),
    products: $("products"),
    more: $("more"),
    detail: $("detail"),
    product: $("product"),
  };
  let state = { category: "", nextToken: null };
  let inflight = null;

  const setStatus = (text, isError = false) => {
    ui.status.textContent = text;
    ui.status.classList.toggle("error", isError);
  };

  const request = (url) => {
    if (inflight) inflight.abort();
    inflight = new AbortController();
    return getJson(url, inflight.signal);
  };

  const productCard = (item) =>
    el("li", { className: "product-card" }, [
      el("a", { text: item.name || item.product_id, attrs: { href: `#p=${encodeURIComponent(item.product_id)}` } }),
      el("span", { className: "category", text: item.category || "" }),
      el("span", { className: "price", text: formatPrice(item.price, config.locale, config.currency) }),
    ]);

  const renderCategories = (current) => {
    ui.categories.replaceChildren(
      ...config.categories.map((c) =>
        el("li", {}, [
          el("a", {
            text: c.label,
            attrs: { href: c.id ? `#c=${encodeURIComponent(c.id)}` : "#", ...(c.id === current ? { "aria-current": "page" } : {}) },
          }),
        ]),
      ),
    );
  };

  async function loadPage(append) {
    ui.more.disabled = true;
    setStatus("Cargando…");
    try {
      const page = await request(
        catalogUrl(config.apiBase, { category: state.category, limit: config.pageSize, nextToken: append ? state.nextToken : "" }),
      );
      const cards = page.items.map(productCard);
      if (append) ui.products.append(...cards);
      else ui.products.replaceChildren(...cards);
      state.nextToken = page.next_token;
      ui.more.hidden = !page.next_token;
      setStatus(ui.products.children.length ? "" : "No hay productos en esta categoría.");
    } catch (err) {
      // A 404 here means the API itself is missing: show "unavailable".
      if (err.name !== "AbortError") setStatus(err instanceof ApiError && err.status === 400 ? err.message : errorMessage(0), true);
    } finally {
      ui.more.disabled = false;
    }
  }

  async function showProduct(productId) {
    ui.catalog.hidden = true;
    ui.detail.hidden = false;
    ui.product.replaceChildren();
    setStatus("Cargando…");
    try {
      const item = await request(productUrl(config.apiBase, productId));
      ui.product.replaceChildren(
        el("h1", { text: item.name || item.product_id }),
        el("p", { className: "category", text: item.category || "" }),
        el("p", { className: "price", text: formatPrice(item.price, config.locale, config.currency) }),
        el("p", { text: item.description || "" }),
      );
      document.title = `${item.name || item.product_id} · Tienda`;
      setStatus("");
    } catch (err) {
      if (err.name !== "AbortError") setStatus(err instanceof ApiError ? err.message : errorMessage(0), true);
    }
  }

  function route() {
    const r = parseRoute(window.location.hash);
    if (r.view === "product") {
      renderCategories(null);
      showProduct(r.productId);
      return;
    }
    document.title = "Tienda";
    ui.detail.hidden = true;
    ui.catalog.hidden = false;
    state = { category: r.category, nextToken: null };
    renderCategories(r.category);
    loadPage(false);
  }

  ui.more.addEventListener("click", () => loadPage(true));
  window.addEventListener("hashchange", route);
  route();
}

if (typeof document !== "undefined") {
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
}
