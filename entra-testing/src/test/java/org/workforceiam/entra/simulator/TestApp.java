package org.workforceiam.entra.simulator;

import com.squareup.moshi.JsonWriter;
import com.squareup.moshi.Moshi;
import io.jsonwebtoken.JwtBuilder;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.io.AbstractSerializer;
import io.jsonwebtoken.security.SignatureAlgorithm;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import okio.Okio;

/**
 * The app's side of the tests: its RSA keys, self-signed certificates made with a tiny DER writer
 * (the JDK has no public API to make one; this avoids running keytool in a process), and client
 * assertions signed with jjwt, as an app would sign them.
 */
final class TestApp {
  static final KeyPair KEYS = rsa();
  static final X509Certificate CERTIFICATE = selfSigned(KEYS, "workforce-iam-test");

  /** Another app's key and certificate, made only by the tests that need them. */
  static final class Other {
    static final KeyPair KEYS = rsa();
    static final X509Certificate CERTIFICATE = selfSigned(KEYS, "someone-else");

    private Other() {}
  }

  private TestApp() {}

  private static KeyPair rsa() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** How to sign and which thumbprint headers to send. */
  enum Signing {
    RS256_WITH_S256(false, true, false),
    PS256_WITH_S256(true, true, false),
    PS256_WITH_SHA1_ONLY(true, false, true),
    RS256_WITH_BOTH(false, true, true),
    NO_THUMBPRINT(false, false, false);

    final boolean pss;
    final boolean s256;
    final boolean sha1;

    Signing(boolean pss, boolean s256, boolean sha1) {
      this.pss = pss;
      this.s256 = s256;
      this.sha1 = sha1;
    }
  }

  /** A valid client assertion for the simulator, signed with the test key, then tweaked. */
  static String assertion(
      SimulatedEntra entra, Instant now, Signing signing, UnaryOperator<JwtBuilder> tweak) {
    return assertion(entra, now, signing, KEYS.getPrivate(), CERTIFICATE, tweak);
  }

  // jjwt deprecates single() (it would send aud as an array); Entra's documentation shows aud as
  // one string, as MSAL sends it, and the simulator accepts only that.
  @SuppressWarnings("deprecation")
  static String assertion(
      SimulatedEntra entra,
      Instant now,
      Signing signing,
      PrivateKey key,
      X509Certificate certificate,
      UnaryOperator<JwtBuilder> tweak) {
    JwtBuilder builder =
        Jwts.builder()
            .json(JSON)
            .header()
            .add("typ", "JWT")
            .and()
            .issuer(entra.clientId())
            .subject(entra.clientId())
            .audience()
            .single(entra.tokenUrl())
            .id(UUID.randomUUID().toString())
            .issuedAt(Date.from(now))
            .notBefore(Date.from(now))
            .expiration(Date.from(now.plusSeconds(300)));
    if (signing.s256) {
      builder.header().add("x5t#S256", Jose.x5tS256(certificate)).and();
    }
    if (signing.sha1) {
      builder.header().add("x5t", Jose.x5t(certificate)).and();
    }
    SignatureAlgorithm algorithm = signing.pss ? Jwts.SIG.PS256 : Jwts.SIG.RS256;
    return tweak.apply(builder).signWith(key, algorithm).compact();
  }

  static final MoshiSerializer JSON = new MoshiSerializer();

  /** Lets jjwt write JSON through Moshi (no Jackson on the class path). */
  private static final class MoshiSerializer extends AbstractSerializer<Map<String, ?>> {
    @Override
    protected void doSerialize(Map<String, ?> map, OutputStream out) throws Exception {
      var sink = Okio.buffer(Okio.sink(out));
      JsonWriter writer = JsonWriter.of(sink);
      new Moshi.Builder().build().adapter(Object.class).toJson(writer, map);
      writer.flush();
    }
  }

  // ------------------------------------------------------------------ a tiny X.509 writer

  /**
   * A self-signed X.509 v3 certificate, valid from 2025 to 2035, signed SHA256withRSA (or
   * SHA256withECDSA for an EC key).
   */
  static X509Certificate selfSigned(KeyPair keys, String commonName) {
    try {
      boolean ec = keys.getPublic().getAlgorithm().equals("EC");
      byte[] sha256WithRsa =
          ec
              ? seq(bytes(0x06, 0x08, 0x2A, 0x86, 0x48, 0xCE, 0x3D, 0x04, 0x03, 0x02))
              : seq(
                  bytes(0x06, 0x09, 0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x01, 0x0B),
                  bytes(0x05, 0x00));
      byte[] name =
          seq(
              tlv(
                  0x31,
                  seq(
                      bytes(0x06, 0x03, 0x55, 0x04, 0x03),
                      tlv(0x0C, commonName.getBytes(StandardCharsets.UTF_8)))));
      byte[] validity =
          seq(
              utcTime(Instant.parse("2025-01-01T00:00:00Z")),
              utcTime(Instant.parse("2035-01-01T00:00:00Z")));
      byte[] tbs =
          seq(
              tlv(0xA0, tlv(0x02, new byte[] {2})),
              tlv(0x02, BigInteger.valueOf(commonName.hashCode() & 0x7fffffffL).toByteArray()),
              sha256WithRsa,
              name,
              validity,
              name,
              keys.getPublic().getEncoded());
      Signature signer = Signature.getInstance(ec ? "SHA256withECDSA" : "SHA256withRSA");
      signer.initSign(keys.getPrivate());
      signer.update(tbs);
      byte[] signature = signer.sign();
      byte[] bitString = new byte[signature.length + 1];
      System.arraycopy(signature, 0, bitString, 1, signature.length);
      byte[] der = seq(tbs, sha256WithRsa, tlv(0x03, bitString));
      return (X509Certificate)
          CertificateFactory.getInstance("X.509")
              .generateCertificate(new ByteArrayInputStream(der));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] utcTime(Instant instant) {
    String text =
        DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'").withZone(ZoneOffset.UTC).format(instant);
    return tlv(0x17, text.getBytes(StandardCharsets.US_ASCII));
  }

  private static byte[] seq(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return tlv(0x30, out.toByteArray());
  }

  private static byte[] tlv(int tag, byte[] value) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(tag);
    int length = value.length;
    if (length < 0x80) {
      out.write(length);
    } else if (length < 0x100) {
      out.write(0x81);
      out.write(length);
    } else {
      out.write(0x82);
      out.write(length >> 8);
      out.write(length & 0xff);
    }
    out.writeBytes(value);
    return out.toByteArray();
  }

  private static byte[] bytes(int... values) {
    byte[] out = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = (byte) values[i];
    }
    return out;
  }
}
