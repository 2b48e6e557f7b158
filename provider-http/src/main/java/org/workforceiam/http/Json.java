package org.workforceiam.http;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import java.util.Map;

/** The one Moshi instance of the adapters, and the JSON adapters they share. */
public final class Json {
  /** Moshi with the shared custom adapters. */
  public static final Moshi MOSHI = new Moshi.Builder().build();

  /** Reads and writes JSON objects as maps of plain values. */
  public static final JsonAdapter<Map<String, Object>> OBJECT =
      MOSHI.adapter(Types.newParameterizedType(Map.class, String.class, Object.class));

  private Json() {}
}
