// CloudFront Function (cloudfront-js-2.0), viewer request of the API
// behaviors: the storefront calls <site>/api/orders, the HTTP API's routes
// are /orders, so the prefix is removed before the request reaches the API
// origin. Paths that do not start with the prefix segment pass unchanged
// (/apix stays /apix). The prefix is filled in by templatefile().
var PREFIX = "${prefix}";

function handler(event) {
  var request = event.request;
  var uri = request.uri;
  if (uri === PREFIX) {
    request.uri = "/";
  } else if (uri.indexOf(PREFIX + "/") === 0) {
    request.uri = uri.substring(PREFIX.length);
  }
  return request;
}
