package org.workforceiam.cli.floor;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.UUID;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okio.Buffer;
import okio.BufferedSource;
import okio.ByteString;
import org.jspecify.annotations.Nullable;

/**
 * The floor of an Entra group sync: what any client must do on the wire, and nothing more. It signs
 * a client assertion with the certificate's key (PS256, header {@code x5t#S256} and {@code x5t},
 * the claims the adapter's {@code EntraAssertions} writes) and asks for a token of Graph's {@code
 * /.default} scope; then it makes exactly the adapter's list requests, the first page {@code GET
 * /v1.0/groups/{id}/transitiveMembers/microsoft.graph.user?$select=...&$top=P} and then each next
 * link the pages give, with the same {@code Accept} header (the adapter sends no {@code
 * ConsistencyLevel}), and reads every byte of every page and throws it away. It decodes no member,
 * checks nothing, retries nothing and fails on any answer but 200. It uses the SDK's transport
 * (OkHttp, one connection) and the JDK's signatures.
 *
 * <p><b>The next link is found without decoding the page</b>: as the bytes stream past, it looks
 * for the 17 bytes {@code "@odata.nextLink"} (quotes included), then reads {@code :} and the string
 * after it. That sequence cannot occur inside a JSON string (a quote in a string is written {@code
 * \"}), so it is a member's name; in the simulated tenant's pages the only member so named is the
 * page's own, written before {@code value}, and the scan finds it wherever it stands (where Graph
 * itself puts it could not be checked here). The link is taken as it is written: the simulated
 * tenant writes it with Moshi, which escapes no character of a URL; a link holding a backslash (a
 * JSON escape, such as {@code \/}) fails the sync rather than be read wrong. Whether Graph ever
 * escapes a character of a next link could not be checked; the floor runs only against the
 * simulated tenant. The tokenizing floor ({@code tokenize}) walks every token of every page instead
 * ({@link Floor#walk}) and takes the next link from the tokens: the string of the page's top-level
 * {@code @odata.nextLink} member, with its JSON escapes decoded.
 *
 * <p>So what a sync costs beyond this floor is the cost of being a client: decoding, checking,
 * building the employees, and the SDK's own machinery. Not thread-safe; one sync per instance.
 */
final class EntraFloor implements Floor {
  /** The fields of a user the adapter asks for ({@code EntraDirectory.SELECT}). */
  static final String SELECT =
      "id,userPrincipalName,givenName,surname,mail,accountEnabled,department,jobTitle";

  private static final String ASSERTION_TYPE =
      "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
  private static final ByteString NEXT_LINK = ByteString.encodeUtf8("\"@odata.nextLink\"");

  private final OkHttpClient http = Floor.http();
  private final HttpUrl tokenUrl;
  private final HttpUrl graphUrl;
  private final String scope;
  private final String clientId;
  private final PrivateKey key;
  private final String x5tSha256;
  private final String x5tSha1;
  private final boolean tokenize;
  private int tokenRequests;

  /**
   * Makes the floor client.
   *
   * @param authorityUrl the sign-in authority's origin
   * @param graphUrl Graph's origin
   * @param tenantId the tenant id
   * @param clientId the app's client id
   * @param key the certificate's RSA private key
   * @param certificate the app's certificate, whose thumbprints name it in the assertion
   * @param tokenize whether to walk every token of each page ({@link Floor#walk}) rather than only
   *     read its bytes
   */
  EntraFloor(
      HttpUrl authorityUrl,
      HttpUrl graphUrl,
      String tenantId,
      String clientId,
      PrivateKey key,
      X509Certificate certificate,
      boolean tokenize) {
    this.tokenize = tokenize;
    this.tokenUrl =
        authorityUrl
            .newBuilder()
            .encodedPath("/")
            .addPathSegment(tenantId)
            .addPathSegments("oauth2/v2.0/token")
            .build();
    this.graphUrl = graphUrl;
    this.scope = graphUrl.newBuilder().encodedPath("/.default").build().toString();
    this.clientId = clientId;
    this.key = key;
    try {
      byte[] der = certificate.getEncoded();
      this.x5tSha256 = Jws.base64Url(MessageDigest.getInstance("SHA-256").digest(der));
      this.x5tSha1 = Jws.base64Url(MessageDigest.getInstance("SHA-1").digest(der));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot take the certificate's thumbprints", e);
    }
  }

  /** Reads an X.509 certificate as PEM, the form the benchmark writes. */
  static X509Certificate readCertificate(Path pem) throws IOException {
    try {
      return (X509Certificate)
          CertificateFactory.getInstance("X.509")
              .generateCertificate(new ByteArrayInputStream(Files.readAllBytes(pem)));
    } catch (GeneralSecurityException e) {
      throw new IOException(pem + " is not a PEM X.509 certificate", e);
    }
  }

  @Override
  public Result sync(String group, int pageSize, Runnable firstBytes) throws IOException {
    String authorization = "Bearer " + token();
    HttpUrl url =
        graphUrl
            .newBuilder()
            .encodedPath("/v1.0/groups/")
            .addPathSegment(group)
            .addPathSegments("transitiveMembers/microsoft.graph.user")
            .addEncodedQueryParameter("$select", SELECT)
            .addEncodedQueryParameter("$top", Integer.toString(pageSize))
            .build();
    int pages = 0;
    long bytes = 0;
    long members = 0;
    while (url != null) {
      Request request =
          new Request.Builder()
              .url(url)
              .header("Accept", "application/json")
              .header("Authorization", authorization)
              .build();
      try (Response response = http.newCall(request).execute()) {
        Floor.require(response, "GET " + url.encodedPath());
        BufferedSource body = response.body().source();
        Runnable first = pages == 0 ? firstBytes : () -> {};
        @Nullable String nextLink;
        if (tokenize) {
          Tokens tokens = Floor.walk(body, first);
          bytes += tokens.bytes();
          members += tokens.members();
          nextLink = tokens.nextLink();
        } else {
          Page page = read(body, first);
          bytes += page.bytes();
          nextLink = page.nextLink();
        }
        pages++;
        url = nextLink == null ? null : HttpUrl.get(nextLink);
      }
    }
    return new Result(pages, bytes, tokenRequests, members);
  }

  /** What a page held for the floor: its size, and its next link if it had one. */
  record Page(long bytes, @Nullable String nextLink) {}

  /**
   * Reads a page's body to its end, a buffered segment at a time, and scans for the next link on
   * the way (the class's Javadoc): the last 16 bytes of a segment are kept until the next one has
   * arrived, since the name may straddle the two.
   */
  static Page read(BufferedSource body, Runnable firstBytes) throws IOException {
    Buffer buffer = body.getBuffer();
    long bytes = 0;
    @Nullable String nextLink = null;
    if (!body.request(1)) {
      return new Page(0, null);
    }
    firstBytes.run();
    while (true) {
      if (nextLink == null) {
        long at = buffer.indexOf(NEXT_LINK);
        if (at >= 0) {
          bytes += at;
          buffer.skip(at);
          Link link = linkAfterName(body);
          nextLink = link.url();
          bytes += link.consumed();
          continue;
        }
        long drop = Math.max(0, buffer.size() - (NEXT_LINK.size() - 1));
        bytes += drop;
        buffer.skip(drop);
      } else {
        bytes += buffer.size();
        buffer.clear();
      }
      if (!body.request(buffer.size() + 1)) {
        bytes += buffer.size();
        buffer.clear();
        return new Page(bytes, nextLink);
      }
    }
  }

  /** A next link, and how many bytes of the body its member took. */
  private record Link(String url, long consumed) {}

  /**
   * Reads {@code "@odata.nextLink" : "URL"} from the start of the buffer, pulling more bytes as
   * needed, and returns the URL; whitespace around the colon is allowed, as JSON allows it.
   */
  private static Link linkAfterName(BufferedSource body) throws IOException {
    body.skip(NEXT_LINK.size());
    long consumed = NEXT_LINK.size() + 1L;
    byte b = body.readByte();
    while (b == ' ' || b == '\t' || b == '\n' || b == '\r') {
      b = body.readByte();
      consumed++;
    }
    if (b != ':') {
      throw new IOException("\"@odata.nextLink\" is not followed by a colon");
    }
    b = body.readByte();
    consumed++;
    while (b == ' ' || b == '\t' || b == '\n' || b == '\r') {
      b = body.readByte();
      consumed++;
    }
    if (b != '"') {
      throw new IOException("\"@odata.nextLink\" is not a string");
    }
    long end = body.indexOf((byte) '"');
    if (end < 0) {
      throw new IOException("\"@odata.nextLink\" is not closed");
    }
    String link = body.readUtf8(end);
    body.skip(1);
    if (link.indexOf('\\') >= 0) {
      throw new IOException("the floor does not decode a next link written with JSON escapes");
    }
    return new Link(link, consumed + end + 1);
  }

  /** The token: one request with a new client assertion. */
  private String token() throws IOException {
    FormBody form =
        new FormBody.Builder()
            .add("client_id", clientId)
            .add("scope", scope)
            .add("grant_type", "client_credentials")
            .add("client_assertion_type", ASSERTION_TYPE)
            .add("client_assertion", assertion())
            .build();
    Request request =
        new Request.Builder().url(tokenUrl).header("Accept", "application/json").post(form).build();
    tokenRequests++;
    try (Response response = http.newCall(request).execute()) {
      Floor.require(response, "POST " + tokenUrl.encodedPath());
      return Floor.accessToken(response);
    }
  }

  private String assertion() {
    long now = System.currentTimeMillis() / 1000;
    return Jws.sign(
        Jws.object("alg", "PS256", "typ", "JWT", "x5t#S256", x5tSha256, "x5t", x5tSha1),
        Jws.object(
            "aud",
            tokenUrl.toString(),
            "iss",
            clientId,
            "sub",
            clientId,
            "jti",
            UUID.randomUUID().toString(),
            "iat",
            now,
            "nbf",
            now,
            "exp",
            now + 300),
        key,
        Jws.Algorithm.PS256);
  }
}
