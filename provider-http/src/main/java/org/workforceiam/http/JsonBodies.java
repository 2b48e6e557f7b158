package org.workforceiam.http;

import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonEncodingException;
import com.squareup.moshi.JsonReader;
import java.io.EOFException;
import java.io.IOException;
import java.util.Map;
import okhttp3.HttpUrl;
import okhttp3.Response;
import okio.Buffer;
import okio.ForwardingSource;
import okio.Okio;
import okio.Source;
import org.jspecify.annotations.Nullable;
import org.workforceiam.core.ErrorDetails;
import org.workforceiam.core.IamException;

/**
 * Decodes response bodies as they stream in, without holding a whole body first, and reads small
 * bodies (errors) with a bound on how much is read. A body that is not the expected JSON is a
 * {@link IamException.ProtocolViolation} naming the URL, never one that quotes the body.
 *
 * <p>Every body is read with a byte bound checked while it streams in: a body larger than {@link
 * #MAX_BODY_BYTES} (a page of users, a reset answer) is a {@link IamException.ProtocolViolation}
 * once that many bytes have been read, without reading the rest; small bodies (errors, tokens) are
 * read through {@link #peekObject} with their own smaller bound. A string value cannot be larger
 * than the body that holds it. A body given up on (too large, not the JSON expected) is abandoned
 * (its call is cancelled): its connection is closed rather than drained, so no more of it is read
 * after the bound.
 */
public final class JsonBodies {
  /**
   * The most bytes read of one answer: 32 MiB, about 30 times a page of 1000 users with large
   * profiles.
   */
  public static final long MAX_BODY_BYTES = 32L * 1024 * 1024;

  private JsonBodies() {}

  /** Decodes JSON from a reader. */
  @FunctionalInterface
  public interface Decoder<T> {
    /**
     * Reads a value.
     *
     * @param reader the reader
     * @return the value
     * @throws IOException when the JSON is malformed or the connection fails
     */
    T read(JsonReader reader) throws IOException;
  }

  /**
   * Decodes a response body; a connection that fails while it is read is {@link
   * IamException.ProviderUnavailable}.
   *
   * @param rules the provider's rules, for the messages and request id
   * @param url the URL asked, for the messages
   * @param response the response
   * @param decoder the decoder
   * @param <T> what the decoder returns
   * @return the value
   * @throws IamException.ProtocolViolation when the body is not the expected JSON or is cut off
   */
  public static <T> T decode(
      ProviderRules rules, HttpUrl url, Response response, Decoder<T> decoder) {
    try {
      return decodeWhole(rules, url, response, decoder, false);
    } catch (IOException e) {
      throw new IamException.ProviderUnavailable(
          "the connection to "
              + rules.name()
              + " failed while reading "
              + url.encodedPath()
              + " ("
              + e
              + ")",
          details(rules, response),
          e);
    }
  }

  /**
   * Decodes a response body, leaving a failed connection to the caller (so a retry loop can ask
   * again).
   *
   * @param rules the provider's rules, for the messages and request id
   * @param url the URL asked, for the messages
   * @param response the response
   * @param decoder the decoder
   * @param wholeDocument whether nothing may follow the value
   * @param <T> what the decoder returns
   * @return the value
   * @throws IOException when the connection fails while the body is read
   * @throws IamException.ProtocolViolation when the body is not the expected JSON, is cut off or is
   *     larger than {@link #MAX_BODY_BYTES}
   */
  public static <T> T decodeWhole(
      ProviderRules rules,
      HttpUrl url,
      Response response,
      Decoder<T> decoder,
      boolean wholeDocument)
      throws IOException {
    return decodeWhole(rules, url, response, decoder, wholeDocument, MAX_BODY_BYTES);
  }

  /**
   * Decodes a response body reading at most {@code limit} bytes, leaving a failed connection to the
   * caller.
   *
   * @param rules the provider's rules, for the messages and request id
   * @param url the URL asked, for the messages
   * @param response the response
   * @param decoder the decoder
   * @param wholeDocument whether nothing may follow the value
   * @param limit the most bytes read
   * @param <T> what the decoder returns
   * @return the value
   * @throws IOException when the connection fails while the body is read
   * @throws IamException.ProtocolViolation when the body is not the expected JSON, is cut off or is
   *     larger than {@code limit}
   */
  public static <T> T decodeWhole(
      ProviderRules rules,
      HttpUrl url,
      Response response,
      Decoder<T> decoder,
      boolean wholeDocument,
      long limit)
      throws IOException {
    boolean done = false;
    try {
      JsonReader reader =
          JsonReader.of(
              Okio.buffer(
                  new BoundedSource(
                      response.body().source(),
                      limit,
                      Events.anyListener ? response.request().tag(BodyBytes.class) : null)));
      T value = decoder.read(reader);
      if (wholeDocument && reader.peek() != JsonReader.Token.END_DOCUMENT) {
        throw new JsonEncodingException("content after the value at " + reader.getPath());
      }
      done = true;
      return value;
    } catch (JsonDataException
        | JsonEncodingException
        | EOFException // the JSON ended early although the HTTP framing was complete
        | IllegalArgumentException e) {
      throw malformed(rules, url, response, e);
    } catch (BodyTooLarge e) {
      throw new IamException.ProtocolViolation(
          rules.name()
              + "'s answer to "
              + response.request().method()
              + " "
              + url.encodedPath()
              + " is larger than "
              + e.limit
              + " bytes; stopped reading it",
          details(rules, response),
          e);
    } finally {
      if (!done) {
        // Given up on: closing it must not read the rest (a hostile body may be endless).
        HttpClients.abandon(response);
      }
    }
  }

  /** A body that went past its byte bound. */
  static final class BodyTooLarge extends IOException {
    private static final long serialVersionUID = 1L;
    final long limit;

    BodyTooLarge(long limit) {
      super("larger than " + limit + " bytes");
      this.limit = limit;
    }
  }

  /**
   * Counts the bytes read from a body and stops past a bound; adds them to the request's {@link
   * BodyBytes} tag, which the retry loop puts on a page's request when a listener wants its size.
   */
  private static final class BoundedSource extends ForwardingSource {
    private final long limit;
    private final @Nullable BodyBytes counted;
    private long read;

    BoundedSource(Source delegate, long limit, @Nullable BodyBytes counted) {
      super(delegate);
      this.limit = limit;
      this.counted = counted;
    }

    @Override
    public long read(Buffer sink, long byteCount) throws IOException {
      long n = super.read(sink, Math.min(byteCount, limit + 1 - read));
      if (n > 0) {
        read += n;
        if (counted != null) {
          counted.count += n;
        }
        if (read > limit) {
          throw new BodyTooLarge(limit);
        }
      }
      return n;
    }
  }

  /**
   * Returns the error for a body that is not the expected JSON.
   *
   * @param rules the provider's rules
   * @param url the URL asked
   * @param response the response
   * @param e what the decoder found
   * @return the error
   */
  public static IamException malformed(
      ProviderRules rules, HttpUrl url, Response response, Exception e) {
    return new IamException.ProtocolViolation(
        rules.name()
            + "'s answer to "
            + response.request().method()
            + " "
            + url
            + " is not the expected JSON or is cut off ("
            + e.getClass().getSimpleName()
            + ": "
            + e.getMessage()
            + ")",
        details(rules, response),
        e);
  }

  /**
   * Returns the details of a response: its status and the provider's request id.
   *
   * @param rules the provider's rules
   * @param response the response
   * @return the details
   */
  public static ErrorDetails details(ProviderRules rules, Response response) {
    ErrorDetails details = ErrorDetails.ofStatus(response.code());
    String requestId = response.header(rules.requestIdHeader());
    return requestId == null ? details : details.withRequestId(requestId);
  }

  /**
   * Reads a small JSON object from a response without consuming the body, reading at most {@code
   * limit} bytes.
   *
   * @param response the response
   * @param limit the most bytes read
   * @return the object
   * @throws IOException when the body is larger than the limit, not a JSON object, or unreadable
   */
  public static Map<String, Object> peekObject(Response response, long limit) throws IOException {
    String text = response.peekBody(limit).string();
    if (text.length() >= limit) {
      throw new IOException("larger than " + limit + " bytes");
    }
    try {
      Map<String, Object> object = Json.OBJECT.fromJson(text);
      if (object == null) {
        throw new IOException("null, not an object");
      }
      return object;
    } catch (JsonDataException e) {
      throw new IOException("not a JSON object", e);
    }
  }
}
