package org.workforceiam.okta.spec;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Assumptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Okta's published OpenAPI specs ({@code management-minimal.yaml}, and {@code oauth-minimal.yaml}
 * for the token endpoint), read from the {@code shared/okta} folder beside the repository checkout,
 * reduced to what a request is checked against: path templates, their methods and query parameter
 * names.
 *
 * <p>Where the spec is looked for: in {@code okta} under {@code
 * -Dworkforceiam.shared=/path/to/shared} when that is set, otherwise in a {@code shared/okta}
 * folder in the working directory or any parent of it. Without it, the spec checks are skipped,
 * visibly, unless strict mode ({@code -Dworkforceiam.strictSpec=true}, which this project's CI sets
 * through {@code .ci/run}) makes a missing spec fail.
 */
public final class OktaSpec {
  /** The system property naming the {@code shared} folder. */
  static final String SHARED_PROPERTY = "workforceiam.shared";

  /** The system property that makes a missing spec fail instead of skip. */
  static final String STRICT_PROPERTY = "workforceiam.strictSpec";

  private static final String TOKEN_PATH = "/oauth2/v1/token";

  /**
   * Query parameters the live API takes that the spec does not list, each with its evidence. Only
   * parameters the adapter never writes itself belong here: they come back in Okta's own {@code
   * next} links.
   *
   * <ul>
   *   <li>{@code GET /api/v1/users/{id}/groups}: Okta returns a user's groups 200 a page and links
   *       the rest with {@code after} (and {@code limit}) in {@code Link: rel="next"}
   *       (okta/okta-sdk-java#1286, #1291; PR #1711 adds both parameters to the SDK).
   * </ul>
   */
  static final Map<String, Set<String>> UNDOCUMENTED_PARAMETERS =
      Map.of("GET /api/v1/users/{id}/groups", Set.of("after", "limit"));

  private final Document management;
  private final Document oauth;

  private OktaSpec(Document management, Document oauth) {
    this.management = management;
    this.oauth = oauth;
  }

  /**
   * One request as the spec sees it: method, percent-encoded path and the names of its query
   * parameters.
   *
   * @param method the HTTP method
   * @param path the percent-encoded path
   * @param queryParameters the query parameter names
   */
  public record Request(String method, String path, Set<String> queryParameters) {
    /** Copies the query parameter names, sorted. */
    public Request {
      queryParameters = Set.copyOf(new TreeSet<>(queryParameters));
    }

    /**
     * Returns the request as the spec sees it.
     *
     * @param method the HTTP method
     * @param url the URL
     * @return the request
     */
    public static Request of(String method, HttpUrl url) {
      return new Request(method, url.encodedPath(), url.queryParameterNames());
    }
  }

  /** The spec, read once per JVM; or why it is missing. */
  private static final class Holder {
    static final Loaded LOADED = load();
  }

  private record Loaded(Optional<OktaSpec> spec, String missing) {}

  private static Loaded load() {
    List<Path> candidates = candidates();
    for (Path folder : candidates) {
      if (Files.isRegularFile(folder.resolve("management-minimal.yaml"))) {
        try {
          return new Loaded(
              Optional.of(
                  new OktaSpec(
                      Document.load(folder.resolve("management-minimal.yaml")),
                      Document.load(folder.resolve("oauth-minimal.yaml")))),
              "");
        } catch (IOException e) {
          throw new UncheckedIOException("cannot read Okta's spec in " + folder, e);
        }
      }
    }
    String configured = System.getProperty(SHARED_PROPERTY, "");
    String message =
        "Okta's OpenAPI spec (okta/management-minimal.yaml and okta/oauth-minimal.yaml) was not"
            + " found; looked in "
            + candidates
            + (configured.isBlank() ? " (-D" + SHARED_PROPERTY + " is not set)" : "")
            + ". To run the spec checks, check out the shared folder beside the repository"
            + " (../shared/okta) or pass -D"
            + SHARED_PROPERTY
            + "=/path/to/shared to Maven. With -D"
            + STRICT_PROPERTY
            + "=true (set by .ci/run) a missing spec fails the build.";
    return new Loaded(Optional.empty(), message);
  }

  private static List<Path> candidates() {
    List<Path> candidates = new ArrayList<>();
    String configured = System.getProperty(SHARED_PROPERTY, "");
    if (!configured.isBlank()) {
      // An explicit location is the only one: a wrong setting is reported, not silently replaced.
      return List.of(Path.of(configured, "okta").toAbsolutePath());
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      candidates.add(dir.resolve("shared").resolve("okta"));
    }
    return candidates;
  }

  /**
   * Returns the spec when it was found.
   *
   * @return the spec, or empty without it
   */
  public static Optional<OktaSpec> find() {
    return Holder.LOADED.spec();
  }

  /**
   * Returns the spec for a test: without it, aborts the test with a message saying where the spec
   * was looked for and how to provide it (the test shows as skipped), or fails it in strict mode.
   *
   * @return the spec
   */
  public static OktaSpec requireForTest() {
    Loaded loaded = Holder.LOADED;
    if (loaded.spec().isEmpty() && Boolean.getBoolean(STRICT_PROPERTY)) {
      throw new AssertionError("strict spec mode: " + loaded.missing());
    }
    Assumptions.assumeTrue(loaded.spec().isPresent(), loaded::missing);
    return loaded.spec().orElseThrow();
  }

  /**
   * Returns what is wrong with a request, or empty when the spec has it.
   *
   * @param request the request
   * @return the problem
   */
  public Optional<String> check(Request request) {
    return document(request).check(request);
  }

  /**
   * Returns the operation a request matches, as {@code METHOD /path/{template}}.
   *
   * @param request the request
   * @return the operation, or empty when the spec has no such path
   */
  public Optional<String> operation(Request request) {
    return document(request).template(request).map(template -> request.method() + " " + template);
  }

  private Document document(Request request) {
    return request.path().equals(TOKEN_PATH) ? oauth : management;
  }

  /** One OpenAPI document, reduced to its path templates, their methods and query parameters. */
  private static final class Document {
    /** Template, its pattern, and per lower-case method the allowed query parameter names. */
    private record PathItem(String template, Pattern pattern, Map<String, Set<String>> methods) {}

    private final List<PathItem> items;

    private Document(List<PathItem> items) {
      this.items = items;
    }

    @SuppressWarnings("unchecked")
    static Document load(Path file) throws IOException {
      LoaderOptions options = new LoaderOptions();
      options.setCodePointLimit(16 * 1024 * 1024);
      options.setMaxAliasesForCollections(500);
      Map<String, Object> document;
      try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        document = new Yaml(options).load(reader);
      }
      Map<String, Object> paths = (Map<String, Object>) document.get("paths");
      List<PathItem> items = new ArrayList<>();
      for (Map.Entry<String, Object> path : paths.entrySet()) {
        Map<String, Object> pathItem = (Map<String, Object>) path.getValue();
        Set<String> shared = queryParameters(document, pathItem.get("parameters"));
        Map<String, Set<String>> methods = new LinkedHashMap<>();
        for (String method : List.of("get", "put", "post", "delete", "patch", "head", "options")) {
          if (pathItem.get(method) instanceof Map<?, ?> operation) {
            Set<String> allowed = new HashSet<>(shared);
            allowed.addAll(queryParameters(document, operation.get("parameters")));
            methods.put(method, Set.copyOf(allowed));
          }
        }
        String regex = Pattern.quote(path.getKey()).replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q");
        items.add(new PathItem(path.getKey(), Pattern.compile(regex), Map.copyOf(methods)));
      }
      return new Document(List.copyOf(items));
    }

    Optional<String> template(Request request) {
      return matching(request).stream().map(PathItem::template).findFirst();
    }

    private List<PathItem> matching(Request request) {
      return items.stream().filter(i -> i.pattern().matcher(request.path()).matches()).toList();
    }

    Optional<String> check(Request request) {
      List<PathItem> matching = matching(request);
      if (matching.isEmpty()) {
        return Optional.of(request.method() + " " + request.path() + ": no such path in the spec");
      }
      String method = request.method().toLowerCase(Locale.ROOT);
      for (PathItem item : matching) {
        Set<String> allowed = item.methods().get(method);
        if (allowed == null) {
          continue;
        }
        Set<String> extra = new TreeSet<>(request.queryParameters());
        extra.removeAll(allowed);
        extra.removeAll(
            UNDOCUMENTED_PARAMETERS.getOrDefault(
                request.method() + " " + item.template(), Set.of()));
        if (extra.isEmpty()) {
          return Optional.empty();
        }
        return Optional.of(
            request.method()
                + " "
                + item.template()
                + ": query parameters "
                + extra
                + " not in the spec");
      }
      return Optional.of(
          request.method()
              + " "
              + matching.stream().map(PathItem::template).toList()
              + ": no such method in the spec");
    }

    @SuppressWarnings("unchecked")
    private static Set<String> queryParameters(Map<String, Object> document, Object parameters) {
      Set<String> names = new HashSet<>();
      if (!(parameters instanceof List<?> list)) {
        return names;
      }
      for (Object item : list) {
        Map<String, Object> parameter = resolve(document, (Map<String, Object>) item);
        if ("query".equals(parameter.get("in"))) {
          names.add((String) parameter.get("name"));
        }
      }
      return names;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> resolve(
        Map<String, Object> document, Map<String, Object> node) {
      Object ref = node.get("$ref");
      if (!(ref instanceof String pointer) || !pointer.startsWith("#/")) {
        return node;
      }
      Object target = document;
      for (String part : pointer.substring(2).split("/", -1)) {
        target = ((Map<String, Object>) target).get(part);
      }
      return resolve(document, (Map<String, Object>) target);
    }
  }
}
