package org.workforceiam.http;

import java.math.BigInteger;

/** The little DER (ASN.1) reading this adapter needs for key formats the JDK does not parse. */
final class Der {
  static final int INTEGER = 0x02;
  static final int OCTET_STRING = 0x04;
  static final int OBJECT_IDENTIFIER = 0x06;
  static final int SEQUENCE = 0x30;

  private Der() {}

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
