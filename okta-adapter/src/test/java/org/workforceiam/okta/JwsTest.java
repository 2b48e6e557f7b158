package org.workforceiam.okta;

import static org.assertj.core.api.Assertions.assertThat;

import io.jsonwebtoken.security.Jwks;
import io.jsonwebtoken.security.PublicJwk;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.workforceiam.http.Json;

/**
 * The JWS the adapter signs with the JDK: the signature in JOSE's fixed-length form for each
 * algorithm, and the DPoP key's JWK and RFC 7638 thumbprint exactly as jjwt (which made them
 * before) makes them, leading zero bytes of a coordinate included.
 */
class JwsTest {

  @ParameterizedTest
  @CsvSource({
    "RS256, , 256, SHA256withRSA",
    "ES256, secp256r1, 64, SHA256withECDSAinP1363Format",
    "ES384, secp384r1, 96, SHA384withECDSAinP1363Format",
    "ES512, secp521r1, 132, SHA512withECDSAinP1363Format"
  })
  void signsWithTheAlgorithmItNamesInTheJoseSignatureFormat(
      String algorithm, String curve, int signatureBytes, String jdkAlgorithm) throws Exception {
    KeyPair keys = curve == null ? SimFixture.KEYS : TestKeys.ec(curve);
    Map<String, Object> header = new LinkedHashMap<>();
    header.put("kid", "k1");
    Map<String, Object> claims = new LinkedHashMap<>();
    claims.put("iss", "0oa1 \"quoted\" é");
    claims.put("iat", 1_767_225_600L);

    String jws = Jws.sign(header, claims, keys.getPrivate(), algorithm);

    String[] parts = jws.split("\\.", -1);
    assertThat(parts).hasSize(3);
    assertThat(Json.OBJECT.fromJson(decode(parts[0])))
        .containsExactly(Map.entry("alg", algorithm), Map.entry("kid", "k1"));
    assertThat(Json.OBJECT.fromJson(decode(parts[1])))
        .containsEntry("iss", "0oa1 \"quoted\" é")
        .containsEntry("iat", 1_767_225_600.0);
    byte[] signature = Base64.getUrlDecoder().decode(parts[2]);
    assertThat(signature).hasSize(signatureBytes);
    Signature verifier = Signature.getInstance(jdkAlgorithm);
    verifier.initVerify(keys.getPublic());
    verifier.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
    assertThat(verifier.verify(signature)).isTrue();
    assertThat(jws).doesNotContain("=").doesNotContain("+").doesNotContain("/");
  }

  @Test
  void theDpopKeysJwkAndThumbprintAreThoseJjwtMakes() {
    // 200 keys: a coordinate starts with a zero byte once in 128 keys or so.
    for (int i = 0; i < 200; i++) {
      ECPublicKey key = (ECPublicKey) TestKeys.ec("secp256r1").getPublic();
      PublicJwk<ECPublicKey> jjwt = Jwks.builder().key(key).build();

      Map<String, Object> jwk = Jws.p256Jwk(key);

      assertThat(jwk)
          .containsExactly(
              Map.entry("kty", "EC"),
              Map.entry("crv", "P-256"),
              Map.entry("x", String.valueOf(jjwt.get("x"))),
              Map.entry("y", String.valueOf(jjwt.get("y"))));
      assertThat(Jws.thumbprint(jwk)).isEqualTo(jjwt.thumbprint().toString());
    }
  }

  private static String decode(String part) {
    return new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8);
  }
}
