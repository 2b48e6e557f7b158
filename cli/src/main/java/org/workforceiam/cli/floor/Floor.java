package org.workforceiam.cli.floor;

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

/**
 * The floor of a group sync against one provider ({@link OktaFloor}, {@link EntraFloor}): it gets a
 * token as the adapter's app does, downloads every page of exactly the adapter's list requests,
 * reads every byte and throws it away. Not thread-safe; one sync per instance.
 */
interface Floor {

  /**
   * What one sync read.
   *
   * @param pages the pages downloaded
   * @param bytes the bytes of their bodies
   * @param tokenRequests the requests made to the token endpoint
   */
  record Result(int pages, long bytes, int tokenRequests) {}

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

  /** Fails on any answer but 200: the floor retries nothing. */
  static void require(Response response, String what) throws IOException {
    if (response.code() != 200) {
      throw new IOException(what + " answered HTTP " + response.code());
    }
  }
}
