package org.workforceiam.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jsonwebtoken.Claims;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.io.AbstractDeserializer;
import io.jsonwebtoken.security.Jwks;
import io.jsonwebtoken.security.PublicJwk;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.Base64;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The JWS every adapter signs with the JDK: the signature in JOSE's form for each algorithm,
 * verified by the JDK and by jjwt; the header's members in the order the providers have seen them;
 * and the DPoP key's JWK and RFC 7638 thumbprint exactly as jjwt (which made them before) makes
 * them, leading zero bytes of a coordinate included.
 */
class JwsTest {
  /** A key pair for each algorithm; RSA keys are slow to make, so one for both RSA algorithms. */
  static final Map<Jws.Algorithm, KeyPair> KEYS = keys();

  private static Map<Jws.Algorithm, KeyPair> keys() {
    KeyPair rsa = TestKeys.rsa(2048);
    Map<Jws.Algorithm, KeyPair> keys = new EnumMap<>(Jws.Algorithm.class);
    keys.put(Jws.Algorithm.RS256, rsa);
    keys.put(Jws.Algorithm.PS256, rsa);
    keys.put(Jws.Algorithm.ES256, TestKeys.ec("secp256r1"));
    keys.put(Jws.Algorithm.ES384, TestKeys.ec("secp384r1"));
    keys.put(Jws.Algorithm.ES512, TestKeys.ec("secp521r1"));
    return keys;
  }

  @ParameterizedTest
  @CsvSource({
    "RS256, 256, SHA256withRSA",
    "PS256, 256, RSASSA-PSS",
    "ES256, 64, SHA256withECDSAinP1363Format",
    "ES384, 96, SHA384withECDSAinP1363Format",
    "ES512, 132, SHA512withECDSAinP1363Format"
  })
  void signsWithTheAlgorithmItNamesInTheJoseSignatureFormat(
      Jws.Algorithm algorithm, int signatureBytes, String jdkAlgorithm) throws Exception {
    KeyPair keys = KEYS.get(algorithm);
    Map<String, Object> header = new LinkedHashMap<>();
    header.put("kid", "k1");

    String jws = Jws.sign(header, claims(), keys.getPrivate(), algorithm);

    String[] parts = jws.split("\\.", -1);
    assertThat(parts).hasSize(3);
    assertThat(Json.OBJECT.fromJson(decode(parts[0])))
        .containsExactly(Map.entry("alg", algorithm.name()), Map.entry("kid", "k1"));
    assertThat(Json.OBJECT.fromJson(decode(parts[1])))
        .containsEntry("iss", "0oa1 \"quoted\" é")
        .containsEntry("iat", 1_767_225_600.0);
    byte[] signature = Base64.getUrlDecoder().decode(parts[2]);
    assertThat(signature).hasSize(signatureBytes);
    Signature verifier = Signature.getInstance(jdkAlgorithm);
    if (algorithm == Jws.Algorithm.PS256) {
      // RFC 7518, 3.5: SHA-256, MGF1 with SHA-256, a salt as long as the hash.
      verifier.setParameter(
          new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1));
    }
    verifier.initVerify(keys.getPublic());
    verifier.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
    assertThat(verifier.verify(signature)).isTrue();
    assertThat(jws).doesNotContain("=").doesNotContain("+").doesNotContain("/");
  }

  @ParameterizedTest
  @EnumSource(Jws.Algorithm.class)
  void jjwtVerifiesTheTokenAndReadsItsHeaderAndClaims(Jws.Algorithm algorithm) {
    KeyPair keys = KEYS.get(algorithm);
    Map<String, Object> header = new LinkedHashMap<>();
    header.put("typ", "JWT");

    String jws = Jws.sign(header, claims(), keys.getPrivate(), algorithm);

    io.jsonwebtoken.Jws<Claims> parsed =
        Jwts.parser()
            .json(new MoshiDeserializer())
            .verifyWith(keys.getPublic())
            .build()
            .parseSignedClaims(jws);
    assertThat(parsed.getHeader().getAlgorithm()).isEqualTo(algorithm.name());
    assertThat(parsed.getHeader().getType()).isEqualTo("JWT");
    assertThat(parsed.getPayload().getIssuer()).isEqualTo("0oa1 \"quoted\" é");
    assertThat(parsed.getPayload().getIssuedAt().toInstant().getEpochSecond())
        .isEqualTo(1_767_225_600L);
  }

  @Test
  void theHeaderIsAlgFirstThenTheGivenMembersInTheirOrder() {
    // Entra's client assertion header, exactly as it was written before Jws was shared.
    Map<String, Object> header = new LinkedHashMap<>();
    header.put("typ", "JWT");
    header.put("x5t#S256", "c2hhMjU2");
    header.put("x5t", "c2hhMQ");

    String jws =
        Jws.sign(header, claims(), KEYS.get(Jws.Algorithm.PS256).getPrivate(), Jws.Algorithm.PS256);

    assertThat(decode(jws.split("\\.", -1)[0]))
        .isEqualTo(
            "{\"alg\":\"PS256\",\"typ\":\"JWT\",\"x5t#S256\":\"c2hhMjU2\",\"x5t\":\"c2hhMQ\"}");
    assertThat(decode(jws.split("\\.", -1)[1]))
        .isEqualTo("{\"iss\":\"0oa1 \\\"quoted\\\" é\",\"iat\":1767225600}");
  }

  @Test
  void refusesAHeaderThatNamesItsOwnAlg() {
    Map<String, Object> header = new LinkedHashMap<>();
    header.put("alg", "none");

    assertThatThrownBy(
            () ->
                Jws.sign(
                    header,
                    claims(),
                    KEYS.get(Jws.Algorithm.ES256).getPrivate(),
                    Jws.Algorithm.ES256))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("header must not hold alg: it is written from the algorithm, ES256");
  }

  @ParameterizedTest
  @CsvSource({
    "RS256, ES256, 'RS256 needs an RSA key, not this EC key on a curve of 256 bits'",
    "PS256, ES384, 'PS256 needs an RSA key, not this EC key on a curve of 384 bits'",
    "ES256, RS256, 'ES256 needs an EC key on P-256, not this RSA key'",
    "ES256, ES384, 'ES256 needs an EC key on P-256, not this EC key on a curve of 384 bits'",
    "ES512, ES256, 'ES512 needs an EC key on P-521, not this EC key on a curve of 256 bits'"
  })
  void refusesAKeyThatDoesNotFitTheAlgorithmInsteadOfSigningABadToken(
      Jws.Algorithm algorithm, Jws.Algorithm keyOf, String message) {
    assertThatThrownBy(
            () ->
                Jws.sign(new LinkedHashMap<>(), claims(), KEYS.get(keyOf).getPrivate(), algorithm))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(message);
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
      assertThat(Jws.thumbprint(key)).isEqualTo(jjwt.thumbprint().toString());
    }
  }

  @Test
  void refusesAP256JwkOrThumbprintOfAKeyOnAnotherCurve() {
    ECPublicKey p384 = (ECPublicKey) KEYS.get(Jws.Algorithm.ES384).getPublic();

    assertThatThrownBy(() -> Jws.p256Jwk(p384))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a P-256 JWK needs a key on P-256, not on a curve of 384 bits");
    assertThatThrownBy(() -> Jws.thumbprint(p384)).isInstanceOf(IllegalArgumentException.class);
  }

  private static Map<String, Object> claims() {
    Map<String, Object> claims = new LinkedHashMap<>();
    claims.put("iss", "0oa1 \"quoted\" é");
    claims.put("iat", 1_767_225_600L);
    return claims;
  }

  static String decode(String part) {
    return new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8);
  }

  /** jjwt reads JSON through Moshi: its own readers need Jackson or Gson. */
  private static final class MoshiDeserializer extends AbstractDeserializer<Map<String, ?>> {
    @Override
    protected Map<String, ?> doDeserialize(Reader reader) throws Exception {
      StringWriter text = new StringWriter();
      reader.transferTo(text);
      Map<String, Object> object = Json.OBJECT.fromJson(text.toString());
      if (object == null) {
        throw new IllegalArgumentException("not a JSON object");
      }
      return object;
    }
  }
}
