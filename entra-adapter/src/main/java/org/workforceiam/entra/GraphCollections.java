package org.workforceiam.entra;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import okhttp3.HttpUrl;
import okhttp3.Response;
import org.workforceiam.core.ErrorDetails;
import org.workforceiam.core.IamException;
import org.workforceiam.http.Origins;
import org.workforceiam.http.PathTemplate;

/**
 * Reads every page of a small Graph collection (a user's directory roles, groups, role assignments
 * and eligibilities) by following {@code @odata.nextLink}, with the guards every listing has: a
 * next link is followed only on the Graph origin and only to the same endpoint ({@link
 * PathTemplate#matches}); a link already read is a cycle; an empty page with a next link is
 * followed (Graph may send one), but at most {@value #MAX_EMPTY_RUN} in a row and {@value
 * #MAX_PAGES} pages in all. Each breach is a {@link IamException.ProtocolViolation}, so a check
 * that reads these lists fails closed. Pages are GETs, repeatable in the retry loop.
 */
final class GraphCollections {
  /** The most pages of one listing read. */
  static final int MAX_PAGES = 200;

  /** The most empty pages in a row, each naming a next page, read before giving up. */
  static final int MAX_EMPTY_RUN = 10;

  private final HttpUrl graphUrl;
  private final GraphApi graph;

  GraphCollections(HttpUrl graphUrl, GraphApi graph) {
    this.graphUrl = graphUrl;
    this.graph = graph;
  }

  /**
   * Reads all items of a listing.
   *
   * @param first the first page's URL
   * @param template the listing's endpoint, which every next link must match
   * @param values the template's values, such as the user id
   * @param listing what is listed, for messages, such as {@code "the directory roles of user …"}
   * @param item reads one item
   * @return the items of every page, in order
   * @throws IamException Graph's refusal of a page (mapped by {@link GraphErrors}), or a {@link
   *     IamException.ProtocolViolation} for a breach of the guards
   */
  <T> List<T> readAll(
      HttpUrl first,
      PathTemplate template,
      String[] values,
      String listing,
      GraphJson.Item<T> item) {
    List<T> items = new ArrayList<>();
    Set<HttpUrl> seen = new HashSet<>();
    HttpUrl url = first;
    int emptyRun = 0;
    while (true) {
      if (!seen.add(url)) {
        throw violation(
            "Microsoft Graph's next link for "
                + listing
                + " names a page already read; stopping instead of reading it forever");
      }
      if (seen.size() > MAX_PAGES) {
        throw violation(
            "Microsoft Graph's pages of "
                + listing
                + " did not end within "
                + MAX_PAGES
                + " pages");
      }
      HttpUrl pageUrl = url;
      GraphJson.Page<T> page;
      try (Response response = graph.send(EntraDirectory.get(pageUrl))) {
        if (!response.isSuccessful()) {
          throw GraphErrors.fromResponse(response, "reading " + listing);
        }
        page =
            EntraDirectory.decode(
                pageUrl, response, reader -> GraphJson.page(reader, Integer.MAX_VALUE, item));
      }
      items.addAll(page.items());
      if (page.nextLink() == null) {
        return items;
      }
      emptyRun = page.items().isEmpty() && page.skipped() == 0 ? emptyRun + 1 : 0;
      if (emptyRun > MAX_EMPTY_RUN) {
        throw violation(
            "Microsoft Graph sent more than "
                + MAX_EMPTY_RUN
                + " empty pages of "
                + listing
                + " in a row, each naming a next page; stopping");
      }
      url = next(page.nextLink(), listing);
      if (!template.matches(url, values)) {
        throw violation(
            "Microsoft Graph's next link for "
                + listing
                + " leaves the listing: "
                + PathTemplate.quoted(url.encodedPath()));
      }
    }
  }

  private HttpUrl next(String value, String listing) {
    HttpUrl link = HttpUrl.parse(value);
    if (link == null) {
      throw violation(
          "Microsoft Graph's next link for " + listing + " is not an absolute http(s) URL");
    }
    return Origins.requireSameOrigin(
        link,
        graphUrl,
        "Microsoft Graph's next link for " + listing,
        "Microsoft Graph at " + graphUrl);
  }

  private static IamException.ProtocolViolation violation(String message) {
    return new IamException.ProtocolViolation(message, ErrorDetails.none());
  }

  @Override
  public String toString() {
    return "GraphCollections{graphUrl=" + graphUrl + "}";
  }
}
