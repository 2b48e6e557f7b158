package org.workforceiam.http;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Objects;

/**
 * The little DER (ASN.1, ITU-T X.690) the adapters need: reading the key formats the JDK does not
 * parse (package-private), and writing the few structures a self-signed X.509 certificate is made
 * of ({@code Der.sequence(Der.integer(...), ...)}), so no ASN.1 library is needed. Each writing
 * method returns one complete element, tag, length and contents.
 */
public final class Der {
  static final int BOOLEAN = 0x01;
  static final int INTEGER = 0x02;
  static final int BIT_STRING = 0x03;
  static final int OCTET_STRING = 0x04;
  static final int NULL = 0x05;
  static final int OBJECT_IDENTIFIER = 0x06;
  static final int UTF8_STRING = 0x0c;
  static final int PRINTABLE_STRING = 0x13;
  static final int UTC_TIME = 0x17;
  static final int GENERALIZED_TIME = 0x18;
  static final int SEQUENCE = 0x30;
  static final int SET = 0x31;

  private static final DateTimeFormatter UTC_TIME_FORMAT =
      DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter GENERALIZED_TIME_FORMAT =
      DateTimeFormatter.ofPattern("yyyyMMddHHmmss'Z'").withZone(ZoneOffset.UTC);

  private Der() {}

  // ------------------------------------------------------------------ writing

  /**
   * Writes an element of any tag.
   *
   * @param tag the tag byte, such as {@code 0x30} for a SEQUENCE or {@code 0xa0} for {@code [0]}
   * @param contents the contents, concatenated
   * @return the element
   */
  public static byte[] element(int tag, byte[]... contents) {
    if (tag < 0 || tag > 0xff || (tag & 0x1f) == 0x1f) {
      throw new IllegalArgumentException("not a one-byte DER tag: " + tag);
    }
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    for (byte[] part : contents) {
      body.writeBytes(Objects.requireNonNull(part, "part == null"));
    }
    byte[] value = body.toByteArray();
    ByteArrayOutputStream out = new ByteArrayOutputStream(value.length + 6);
    out.write(tag);
    int length = value.length;
    if (length < 0x80) {
      out.write(length);
    } else {
      int bytes = (32 - Integer.numberOfLeadingZeros(length) + 7) / 8;
      out.write(0x80 | bytes);
      for (int i = bytes - 1; i >= 0; i--) {
        out.write(length >>> (8 * i));
      }
    }
    out.writeBytes(value);
    return out.toByteArray();
  }

  /**
   * Writes a SEQUENCE.
   *
   * @param elements its elements, each complete
   * @return the element
   */
  public static byte[] sequence(byte[]... elements) {
    return element(SEQUENCE, elements);
  }

  /**
   * Writes a SET (of elements already in DER order).
   *
   * @param elements its elements, each complete
   * @return the element
   */
  public static byte[] set(byte[]... elements) {
    return element(SET, elements);
  }

  /**
   * Writes an INTEGER, in the fewest bytes, two's complement.
   *
   * @param value the value
   * @return the element
   */
  public static byte[] integer(BigInteger value) {
    return element(INTEGER, value.toByteArray());
  }

  /**
   * Writes a BOOLEAN.
   *
   * @param value the value
   * @return the element
   */
  public static byte[] bool(boolean value) {
    return element(BOOLEAN, new byte[] {(byte) (value ? 0xff : 0x00)});
  }

  /**
   * Writes a NULL.
   *
   * @return the element
   */
  public static byte[] nullValue() {
    return element(NULL);
  }

  /**
   * Writes an OBJECT IDENTIFIER.
   *
   * @param dotted the identifier, such as {@code 1.2.840.113549.1.1.11}
   * @return the element
   * @throws IllegalArgumentException when it is not a dotted identifier of at least two arcs
   */
  public static byte[] objectIdentifier(String dotted) {
    String[] arcs = dotted.split("\\.", -1);
    if (arcs.length < 2) {
      throw new IllegalArgumentException("not an object identifier: " + dotted);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    long first;
    long second;
    try {
      first = Long.parseLong(arcs[0]);
      second = Long.parseLong(arcs[1]);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not an object identifier: " + dotted, e);
    }
    if (first < 0 || first > 2 || second < 0 || (first < 2 && second > 39)) {
      throw new IllegalArgumentException("not an object identifier: " + dotted);
    }
    base128(out, first * 40 + second);
    for (int i = 2; i < arcs.length; i++) {
      long arc;
      try {
        arc = Long.parseLong(arcs[i]);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("not an object identifier: " + dotted, e);
      }
      if (arc < 0) {
        throw new IllegalArgumentException("not an object identifier: " + dotted);
      }
      base128(out, arc);
    }
    return element(OBJECT_IDENTIFIER, out.toByteArray());
  }

  private static void base128(ByteArrayOutputStream out, long value) {
    int groups = Math.max(1, (64 - Long.numberOfLeadingZeros(value) + 6) / 7);
    for (int i = groups - 1; i >= 0; i--) {
      int group = (int) ((value >>> (7 * i)) & 0x7f);
      out.write(i == 0 ? group : group | 0x80);
    }
  }

  /**
   * Writes a BIT STRING of whole bytes (no unused bits).
   *
   * @param bytes the bits
   * @return the element
   */
  public static byte[] bitString(byte[] bytes) {
    return element(BIT_STRING, new byte[] {0}, bytes);
  }

  /**
   * Writes an OCTET STRING.
   *
   * @param bytes the contents
   * @return the element
   */
  public static byte[] octetString(byte[] bytes) {
    return element(OCTET_STRING, bytes);
  }

  /**
   * Writes a UTF8String.
   *
   * @param text the text
   * @return the element
   */
  public static byte[] utf8String(String text) {
    return element(UTF8_STRING, text.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Writes an X.509 validity time (RFC 5280, 4.1.2.5): UTCTime for the years 1950 to 2049,
   * GeneralizedTime otherwise, to the second, in UTC.
   *
   * @param time the time; its fraction of a second is dropped
   * @return the element
   */
  public static byte[] time(Instant time) {
    Instant seconds = Instant.ofEpochSecond(time.getEpochSecond());
    int year = seconds.atZone(ZoneOffset.UTC).getYear();
    if (year < 1 || year > 9999) {
      throw new IllegalArgumentException("an X.509 time must be in the years 1 to 9999: " + time);
    }
    return year >= 1950 && year < 2050
        ? element(UTC_TIME, UTC_TIME_FORMAT.format(seconds).getBytes(StandardCharsets.US_ASCII))
        : element(
            GENERALIZED_TIME,
            GENERALIZED_TIME_FORMAT.format(seconds).getBytes(StandardCharsets.US_ASCII));
  }

  /**
   * Writes a context-specific constructed element, {@code [number]} EXPLICIT.
   *
   * @param number the tag number, 0 to 30
   * @param contents the contents, each complete
   * @return the element
   */
  public static byte[] explicit(int number, byte[]... contents) {
    if (number < 0 || number > 30) {
      throw new IllegalArgumentException("context tag number must be 0..30: " + number);
    }
    return element(0xa0 | number, contents);
  }

  // ------------------------------------------------------------------ reading

  /** Thrown for input that is not well-formed DER; never carries the input. */
  static final class MalformedException extends Exception {
    private static final long serialVersionUID = 1L;

    MalformedException(String message) {
      super(message);
    }
  }

  /** Reads consecutive DER elements from a byte range. */
  static final class Reader {
    private final byte[] data;
    private int position;
    private final int end;

    Reader(byte[] data) {
      this(data, 0, data.length);
    }

    private Reader(byte[] data, int start, int end) {
      this.data = data;
      this.position = start;
      this.end = end;
    }

    boolean hasMore() {
      return position < end;
    }

    int peekTag() throws MalformedException {
      if (position >= end) {
        throw new MalformedException("unexpected end of data");
      }
      return data[position] & 0xff;
    }

    /** Reads one element of the expected tag and returns a reader over its contents. */
    Reader read(int expectedTag) throws MalformedException {
      int tag = peekTag();
      if (tag != expectedTag) {
        throw new MalformedException(
            "expected tag 0x"
                + Integer.toHexString(expectedTag)
                + ", found 0x"
                + Integer.toHexString(tag));
      }
      position++;
      int length = readLength();
      if (length > end - position) {
        throw new MalformedException("element runs past the end of the data");
      }
      Reader contents = new Reader(data, position, position + length);
      position += length;
      return contents;
    }

    byte[] bytes() {
      byte[] copy = new byte[end - position];
      System.arraycopy(data, position, copy, 0, copy.length);
      return copy;
    }

    BigInteger integer() throws MalformedException {
      byte[] encoded = read(INTEGER).bytes();
      if (encoded.length == 0) {
        throw new MalformedException("empty integer"); // BigInteger would throw its own exception
      }
      return new BigInteger(encoded);
    }

    String objectIdentifier() throws MalformedException {
      byte[] encoded = read(OBJECT_IDENTIFIER).bytes();
      if (encoded.length == 0) {
        throw new MalformedException("empty object identifier");
      }
      StringBuilder oid = new StringBuilder();
      oid.append(Math.min((encoded[0] & 0xff) / 40, 2))
          .append('.')
          .append((encoded[0] & 0xff) - 40 * Math.min((encoded[0] & 0xff) / 40, 2));
      long value = 0;
      for (int i = 1; i < encoded.length; i++) {
        value = (value << 7) | (encoded[i] & 0x7f);
        if ((encoded[i] & 0x80) == 0) {
          oid.append('.').append(value);
          value = 0;
        }
      }
      return oid.toString();
    }

    private int readLength() throws MalformedException {
      if (position >= end) {
        throw new MalformedException("missing length");
      }
      int first = data[position++] & 0xff;
      if (first < 0x80) {
        return first;
      }
      int count = first & 0x7f;
      if (count == 0 || count > 3) {
        throw new MalformedException("unsupported length encoding");
      }
      int length = 0;
      for (int i = 0; i < count; i++) {
        if (position >= end) {
          throw new MalformedException("truncated length");
        }
        length = (length << 8) | (data[position++] & 0xff);
      }
      return length;
    }
  }
}
