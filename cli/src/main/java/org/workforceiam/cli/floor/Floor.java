package org.workforceiam.cli.floor;

import com.squareup.moshi.JsonReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import okhttp3.OkHttpClient;
import okhttp3.Response;
import okio.Buffer;
import okio.BufferedSource;
import okio.ForwardingSource;
import okio.Okio;
import org.jspecify.annotations.Nullable;

/**
 * The floor of a group sync against one provider ({@link OktaFloor}, {@link EntraFloor}): it gets a
 * token as the adapter's app does, downloads every page of exactly the adapter's list requests,
 * reads every byte and throws it away. Not thread-safe; one sync per instance.
 *
 * <p><b>The tokenizing floor</b> ({@code --tokenize}) reads each page through Moshi's {@link
 * JsonReader} instead and walks every token of it ({@link #walk}): every name and string is read as
 * a {@code String}, every number as a {@code double}, every boolean and null, as any decoder reads
 * them, but no object is built and nothing is kept. It stands between the bytes-only floor and the
 * SDK: what the SDK costs beyond it is its own machinery, not parsing JSON at all.
 */
interface Floor {

  /**
   * What one sync read.
   *
   * @param pages the pages downloaded
   * @param bytes the bytes of their bodies
   * @param tokenRequests the requests made to the token endpoint
   * @param members the members walked by the tokenizing floor, 0 for the bytes-only floor
   */
  record Result(int pages, long bytes, int tokenRequests, long members) {}

  /**
   * Gets a token, then downloads every page of the group's members and throws the bytes away.
   *
   * @param group the group id
   * @param pageSize the page size the adapter asks for
   * @param firstBytes run once, when the first bytes of the first page have arrived
   * @return what was read
   * @throws IOException when a request fails or is answered with anything but 200
   */
  Result sync(String group, int pageSize, Runnable firstBytes) throws IOException;

  /**
   * What walking a page's tokens found.
   *
   * @param bytes the bytes of the page's body
   * @param members the objects that are elements of the page's top-level array (an Okta page) or of
   *     its top-level {@code value} array (a Graph page)
   * @param nextLink the string of the page's top-level {@code @odata.nextLink} member, if any
   */
  record Tokens(long bytes, long members, @Nullable String nextLink) {}

  /**
   * Walks every token of one JSON page to its end, reading every name and value as a decoder would
   * ({@code skipValue()} is not used: it skips strings without decoding them), and keeps nothing
   * but what {@link Tokens} counts.
   *
   * @param body the page's body
   * @param firstBytes run once, when the page's first bytes have arrived
   * @throws IOException when the body is not JSON, or ends early
   */
  static Tokens walk(BufferedSource body, Runnable firstBytes) throws IOException {
    if (body.request(1)) {
      firstBytes.run();
    }
    long[] bytes = {0};
    JsonReader reader =
        JsonReader.of(
            Okio.buffer(
                new ForwardingSource(body) {
                  @Override
                  public long read(Buffer sink, long byteCount) throws IOException {
                    long read = super.read(sink, byteCount);
                    bytes[0] += Math.max(read, 0);
                    return read;
                  }
                }));
    long members = 0;
    @Nullable String nextLink = null;
    @Nullable String topName = null; // the last name read in the top-level object
    int depth = 0; // the containers open
    int membersDepth = -1; // the depth of the array whose objects are the members
    while (true) {
      switch (reader.peek()) {
        case BEGIN_ARRAY -> {
          reader.beginArray();
          depth++;
          if (depth == 1 || (depth == 2 && "value".equals(topName))) {
            membersDepth = depth;
          }
        }
        case END_ARRAY -> {
          reader.endArray();
          depth--;
        }
        case BEGIN_OBJECT -> {
          if (depth == membersDepth) {
            members++;
          }
          reader.beginObject();
          depth++;
        }
        case END_OBJECT -> {
          reader.endObject();
          depth--;
        }
        case NAME -> {
          String name = reader.nextName();
          if (depth == 1) {
            topName = name;
          }
        }
        case STRING -> {
          String value = reader.nextString();
          if (depth == 1 && "@odata.nextLink".equals(topName)) {
            nextLink = value;
          }
        }
        case NUMBER -> reader.nextDouble();
        case BOOLEAN -> reader.nextBoolean();
        case NULL -> reader.nextNull();
        case END_DOCUMENT -> {
          return new Tokens(bytes[0], members, nextLink);
        }
      }
    }
  }

  /** One connection, no redirects, no retries: OkHttp as the adapters configure it. */
  static OkHttpClient http() {
    return new OkHttpClient.Builder()
        .followRedirects(false)
        .retryOnConnectionFailure(false)
        .build();
  }

  /** Reads an unencrypted PKCS#8 PEM RSA private key, the form the benchmark writes. */
  static PrivateKey readKey(Path pem) throws IOException {
    String text = Files.readString(pem, StandardCharsets.US_ASCII);
    String base64 =
        text.replace("-----BEGIN PRIVATE KEY-----", "")
            .replace("-----END PRIVATE KEY-----", "")
            .replaceAll("\\s", "");
    try {
      return KeyFactory.getInstance("RSA")
          .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IOException(pem + " is not a PKCS#8 PEM RSA private key", e);
    }
  }

  /** The {@code access_token} of a token endpoint's answer, read and nothing else checked. */
  static String accessToken(Response response) throws IOException {
    JsonReader reader = JsonReader.of(response.body().source());
    reader.beginObject();
    while (reader.hasNext()) {
      if (reader.nextName().equals("access_token")) {
        return reader.nextString();
      }
      reader.skipValue();
    }
    throw new IOException("the token endpoint answered without an access_token");
  }

  /** Fails on any answer but 200: the floor retries nothing. */
  static void require(Response response, String what) throws IOException {
    if (response.code() != 200) {
      throw new IOException(what + " answered HTTP " + response.code());
    }
  }
}
