package org.workforceiam.entra.simulator;

/** Thrown while handling a Graph request to answer with Graph's error body. */
final class GraphError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  final int status;
  final String code;
  final boolean methodsService;

  GraphError(int status, String code, String message) {
    this(status, code, message, false);
  }

  GraphError(int status, String code, String message, boolean methodsService) {
    super(message, null, false, false);
    this.status = status;
    this.code = code;
    this.methodsService = methodsService;
  }

  static GraphError badRequest(String message) {
    return new GraphError(400, "Request_BadRequest", message);
  }

  static GraphError denied() {
    return new GraphError(
        403, "Authorization_RequestDenied", "Insufficient privileges to complete the operation.");
  }

  static GraphError notFound(String id) {
    return new GraphError(
        404,
        "Request_ResourceNotFound",
        "Resource '"
            + id
            + "' does not exist or one of its queried reference-property objects are not present.");
  }

  static GraphError noSegment(String segment) {
    return new GraphError(
        400, "BadRequest", "Resource not found for the segment '" + segment + "'.");
  }

  static GraphError methodNotAllowed() {
    return new GraphError(
        405, "Request_BadRequest", "Specified HTTP method is not allowed for the request target.");
  }
}
