// Runtime settings of the storefront. The same files serve every environment:
// the API is reached through the same CloudFront domain under /api, so no
// per-environment value is needed here. For local development against
// another API, change apiBase (e.g. "http://localhost:3000/api").
window.STOREFRONT_CONFIG = {
  apiBase: "/api",
  pageSize: 12,
  currency: "EUR",
  locale: "es-ES",
  categories: [
    { id: "", label: "Todo" },
    { id: "books", label: "Libros" },
    { id: "games", label: "Juegos" },
    { id: "music", label: "Música" },
  ],
};
