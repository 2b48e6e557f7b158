package org.workforceiam.http;

import com.squareup.moshi.JsonWriter;
import io.jsonwebtoken.io.AbstractSerializer;
import java.io.OutputStream;
import java.util.Map;
import okio.Okio;

/**
 * Lets jjwt write JWT headers and claims through Moshi, so no Jackson is needed: every adapter that
 * signs a JWT (client assertions, DPoP proofs) passes {@link #INSTANCE} to {@code
 * Jwts.builder().json(...)}.
 */
public final class MoshiJwtSerializer extends AbstractSerializer<Map<String, ?>> {
  /** The one instance; stateless and thread-safe. */
  public static final MoshiJwtSerializer INSTANCE = new MoshiJwtSerializer();

  private MoshiJwtSerializer() {}

  @Override
  protected void doSerialize(Map<String, ?> map, OutputStream out) throws Exception {
    // Not closed: jjwt owns the stream.
    var sink = Okio.buffer(Okio.sink(out));
    JsonWriter writer = JsonWriter.of(sink);
    Json.MOSHI.adapter(Object.class).toJson(writer, map);
    writer.flush();
  }
}
