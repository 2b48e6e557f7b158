package org.workforceiam.okta;

import com.squareup.moshi.JsonWriter;
import io.jsonwebtoken.io.AbstractSerializer;
import java.io.OutputStream;
import java.util.Map;
import okio.Okio;
import org.workforceiam.http.Json;

/** Lets jjwt write its headers and claims through Moshi, so no Jackson is needed. */
final class MoshiJwtSerializer extends AbstractSerializer<Map<String, ?>> {
  static final MoshiJwtSerializer INSTANCE = new MoshiJwtSerializer();

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
